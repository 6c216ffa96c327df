import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { ListHeader, searchedPage } from "@/components/admin/list-header";
import { listPeoplePage } from "@/db/queries/people";
import { requireRole } from "@/lib/auth";
import { displayName } from "@/lib/names";

export const metadata: Metadata = { title: "People" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  await requireRole("staff", "/admin/people");
  const { q, rows, pages } = await searchedPage("/admin/people", await searchParams, listPeoplePage);

  return (
    <DataList
      header={<ListHeader title="People" newHref="/admin/people/new" newLabel="New person" q={q} searchLabel="Search people by name, organization or email" />}
      caption="People"
      columns={[
        { header: "Name", cell: (p) => <Link href={`/admin/people/${p.id}`}>{displayName(p)}</Link> },
        { header: "Position", cell: (p) => p.position ?? "—", className: "text-slate-600" },
        { header: "Organization", cell: (p) => p.organization ?? "—", className: "text-slate-600" },
        { header: "Account", cell: (p) => (p.hasAccount ? "Has an account" : <span className="text-slate-500">No account</span>) },
      ]}
      rows={rows}
      empty={{ title: q ? "No one matches that search" : "No people yet", body: !q && <Link href="/admin/people/new">Add the first person</Link> }}
      pages={pages}
    />
  );
}
