import type { Metadata } from "next";
import Link from "next/link";
import { ListHeader, listHref, redirectPastLastPage } from "@/components/admin/list-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { listPeoplePage } from "@/db/queries/people";
import { requireRole } from "@/lib/auth";
import { displayName } from "@/lib/names";
import { listParamsSchema } from "@/lib/validations/common";

export const metadata: Metadata = { title: "People" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  await requireRole("staff", "/admin/people");
  const { q, page } = listParamsSchema.parse(await searchParams);
  const { rows, total } = await listPeoplePage({ q, page, pageSize: PAGE_SIZE });
  redirectPastLastPage("/admin/people", q, page, PAGE_SIZE, total);

  return (
    <div className="space-y-6">
      <ListHeader title="People" newHref="/admin/people/new" newLabel="New person" q={q} searchLabel="Search people by name, organization or email" />
      {rows.length === 0 ? (
        <EmptyState title={q ? "No one matches that search" : "No people yet"}>
          {!q && <Link href="/admin/people/new">Add the first person</Link>}
        </EmptyState>
      ) : (
        <Table caption="People">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Position</Th>
              <Th>Organization</Th>
              <Th>Account</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`/admin/people/${p.id}`}>{displayName(p)}</Link>
                </Td>
                <Td className="text-slate-600">{p.position ?? "—"}</Td>
                <Td className="text-slate-600">{p.organization ?? "—"}</Td>
                <Td>{p.hasAccount ? "Has an account" : <span className="text-slate-500">No account</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => listHref("/admin/people", q, p)} />
    </div>
  );
}
