import type { Metadata } from "next";
import Link from "next/link";
import { ListHeader, listHref, redirectPastLastPage } from "@/components/admin/list-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { listTopicsPage } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";
import { listParamsSchema } from "@/lib/validations/common";

export const metadata: Metadata = { title: "Topics" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TopicsPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/topics");
  const { q, page } = listParamsSchema.parse(await searchParams);
  const { rows, total } = await listTopicsPage({ q, page, pageSize: PAGE_SIZE });
  redirectPastLastPage("/admin/topics", q, page, PAGE_SIZE, total);

  return (
    <div className="space-y-6">
      <ListHeader title="Topics" newHref="/admin/topics/new" newLabel="New topic" q={q} searchLabel="Search topics" />
      {rows.length === 0 ? (
        <EmptyState title={q ? "No topics match that search" : "No topics yet"}>
          {!q && <Link href="/admin/topics/new">Create the first topic</Link>}
        </EmptyState>
      ) : (
        <Table caption="Topics">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Address</Th>
              <Th className="text-right">Series</Th>
              <Th className="text-right">Events</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((t) => (
              <tr key={t.id}>
                <Td>
                  <Link href={`/admin/topics/${t.id}`}>{t.name}</Link>
                </Td>
                <Td className="text-slate-600">/topics/{t.slug}</Td>
                <Td className="text-right tabular-nums">{t.seriesCount}</Td>
                <Td className="text-right tabular-nums">{t.eventCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => listHref("/admin/topics", q, p)} />
    </div>
  );
}
