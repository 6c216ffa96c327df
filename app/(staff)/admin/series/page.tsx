import type { Metadata } from "next";
import Link from "next/link";
import { type ListPageProps, SearchedList } from "@/components/admin/searched-list";
import { listSeriesPage } from "@/db/queries/series";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Series" };

export default async function SeriesListPage({ searchParams }: ListPageProps) {
  await requireRole("staff", "/admin/series");
  return (
    <SearchedList
      base="/admin/series"
      title="Series"
      newLabel="New series"
      searchLabel="Search series"
      searchParams={await searchParams}
      load={listSeriesPage}
      columns={[
        { header: "Name", cell: (s) => <Link href={`/admin/series/${s.id}`}>{s.name}</Link> },
        { header: "Topic", cell: (s) => s.topicName ?? "—", className: "text-slate-600" },
        { header: "Address", cell: (s) => `/series/${s.slug}`, className: "text-slate-600" },
        { header: "Meetings", cell: (s) => s.eventCount, numeric: true },
      ]}
      empty={{ none: "No series yet", first: "Create the first series", noMatch: "No series match that search" }}
    />
  );
}
