import type { Metadata } from "next";
import Link from "next/link";
import { type ListPageProps, SearchedList } from "@/components/admin/searched-list";
import { listPeoplePage } from "@/db/queries/people";
import { requireRole } from "@/lib/auth";
import { displayName } from "@/lib/names";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: ListPageProps) {
  await requireRole("staff", "/admin/people");
  return (
    <SearchedList
      base="/admin/people"
      title="People"
      newLabel="New person"
      searchLabel="Search people by name, organization or email"
      searchParams={await searchParams}
      load={listPeoplePage}
      columns={[
        { header: "Name", cell: (p) => <Link href={`/admin/people/${p.id}`}>{displayName(p)}</Link> },
        { header: "Position", cell: (p) => p.position ?? "—", className: "text-slate-600" },
        { header: "Organization", cell: (p) => p.organization ?? "—", className: "text-slate-600" },
        { header: "Account", cell: (p) => (p.hasAccount ? "Has an account" : <span className="text-slate-500">No account</span>) },
      ]}
      empty={{ none: "No people yet", first: "Add the first person", noMatch: "No one matches that search" }}
    />
  );
}
