import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { ListHeader, searchedPage } from "@/components/admin/list-header";
import { listSeriesPage } from "@/db/queries/series";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Series" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SeriesListPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/series");
  const { q, rows, pages } = await searchedPage("/admin/series", await searchParams, listSeriesPage);

  return (
    <DataList
      header={<ListHeader title="Series" newHref="/admin/series/new" newLabel="New series" q={q} searchLabel="Search series" />}
      caption="Series"
      columns={[
        { header: "Name", cell: (s) => <Link href={`/admin/series/${s.id}`}>{s.name}</Link> },
        { header: "Topic", cell: (s) => s.topicName ?? "—", className: "text-slate-600" },
        { header: "Address", cell: (s) => `/series/${s.slug}`, className: "text-slate-600" },
        { header: "Meetings", cell: (s) => s.eventCount, numeric: true },
      ]}
      rows={rows}
      empty={{ title: q ? "No series match that search" : "No series yet", body: !q && <Link href="/admin/series/new">Create the first series</Link> }}
      pages={pages}
    />
  );
}
