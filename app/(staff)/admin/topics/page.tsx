import type { Metadata } from "next";
import Link from "next/link";
import { type ListPageProps, SearchedList } from "@/components/admin/searched-list";
import { listTopicsPage } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage({ searchParams }: ListPageProps) {
  await requireRole("staff", "/admin/topics");
  return (
    <SearchedList
      base="/admin/topics"
      title="Topics"
      newLabel="New topic"
      searchLabel="Search topics"
      searchParams={await searchParams}
      load={listTopicsPage}
      columns={[
        { header: "Name", cell: (t) => <Link href={`/admin/topics/${t.id}`}>{t.name}</Link> },
        { header: "Address", cell: (t) => `/topics/${t.slug}`, className: "text-slate-600" },
        { header: "Series", cell: (t) => t.seriesCount, numeric: true },
        { header: "Events", cell: (t) => t.eventCount, numeric: true },
      ]}
      empty={{ none: "No topics yet", first: "Create the first topic", noMatch: "No topics match that search" }}
    />
  );
}
