import type { Metadata } from "next";
import Link from "next/link";
import { ListHeader, listHref, redirectPastLastPage } from "@/components/admin/list-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { listSeriesPage } from "@/db/queries/series";
import { requireRole } from "@/lib/auth";
import { listParamsSchema } from "@/lib/validations/common";

export const metadata: Metadata = { title: "Series" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SeriesListPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/series");
  const { q, page } = listParamsSchema.parse(await searchParams);
  const { rows, total } = await listSeriesPage({ q, page, pageSize: PAGE_SIZE });
  redirectPastLastPage("/admin/series", q, page, PAGE_SIZE, total);

  return (
    <div className="space-y-6">
      <ListHeader title="Series" newHref="/admin/series/new" newLabel="New series" q={q} searchLabel="Search series" />
      {rows.length === 0 ? (
        <EmptyState title={q ? "No series match that search" : "No series yet"}>
          {!q && <Link href="/admin/series/new">Create the first series</Link>}
        </EmptyState>
      ) : (
        <Table caption="Series">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Topic</Th>
              <Th>Address</Th>
              <Th className="text-right">Meetings</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((s) => (
              <tr key={s.id}>
                <Td>
                  <Link href={`/admin/series/${s.id}`}>{s.name}</Link>
                </Td>
                <Td className="text-slate-600">{s.topicName ?? "—"}</Td>
                <Td className="text-slate-600">/series/{s.slug}</Td>
                <Td className="text-right tabular-nums">{s.eventCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => listHref("/admin/series", q, p)} />
    </div>
  );
}
