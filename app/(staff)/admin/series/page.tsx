import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { ListHeader, listHref, redirectPastLastPage } from "@/components/admin/list-header";
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
  redirectPastLastPage("/admin/series", { q }, page, PAGE_SIZE, total);

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
      pages={{ page, pageSize: PAGE_SIZE, total, hrefFor: (p) => listHref("/admin/series", { q }, p) }}
    />
  );
}
