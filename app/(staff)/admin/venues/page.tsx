import type { Metadata } from "next";
import Link from "next/link";
import { ListHeader, listHref, redirectPastLastPage } from "@/components/admin/list-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { listVenuesPage } from "@/db/queries/venues";
import { requireRole } from "@/lib/auth";
import { listParamsSchema } from "@/lib/validations/common";

export const metadata: Metadata = { title: "Venues" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VenuesPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/venues");
  const { q, page } = listParamsSchema.parse(await searchParams);
  const { rows, total } = await listVenuesPage({ q, page, pageSize: PAGE_SIZE });
  redirectPastLastPage("/admin/venues", q, page, PAGE_SIZE, total);

  return (
    <div className="space-y-6">
      <ListHeader title="Venues" newHref="/admin/venues/new" newLabel="New venue" q={q} searchLabel="Search venues" />
      {rows.length === 0 ? (
        <EmptyState title={q ? "No venues match that search" : "No venues yet"}>
          {!q && <Link href="/admin/venues/new">Add the first venue</Link>}
        </EmptyState>
      ) : (
        <Table caption="Venues">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>City</Th>
              <Th>Country</Th>
              <Th>Time zone</Th>
              <Th className="text-right">Events</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((v) => (
              <tr key={v.id}>
                <Td>
                  <Link href={`/admin/venues/${v.id}`}>{v.name}</Link>
                </Td>
                <Td>{v.city}</Td>
                <Td>{v.country}</Td>
                <Td className="text-slate-600">{v.timeZone}</Td>
                <Td className="text-right tabular-nums">{v.eventCount}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => listHref("/admin/venues", q, p)} />
    </div>
  );
}
