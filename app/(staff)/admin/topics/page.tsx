import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { ListHeader, searchedPage } from "@/components/admin/list-header";
import { listTopicsPage } from "@/db/queries/topics";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Topics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TopicsPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/topics");
  const { q, rows, pages } = await searchedPage("/admin/topics", await searchParams, listTopicsPage);

  return (
    <DataList
      header={<ListHeader title="Topics" newHref="/admin/topics/new" newLabel="New topic" q={q} searchLabel="Search topics" />}
      caption="Topics"
      columns={[
        { header: "Name", cell: (t) => <Link href={`/admin/topics/${t.id}`}>{t.name}</Link> },
        { header: "Address", cell: (t) => `/topics/${t.slug}`, className: "text-slate-600" },
        { header: "Series", cell: (t) => t.seriesCount, numeric: true },
        { header: "Events", cell: (t) => t.eventCount, numeric: true },
      ]}
      rows={rows}
      empty={{ title: q ? "No topics match that search" : "No topics yet", body: !q && <Link href="/admin/topics/new">Create the first topic</Link> }}
      pages={pages}
    />
  );
}
