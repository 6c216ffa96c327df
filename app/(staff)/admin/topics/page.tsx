import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { ListHeader, listHref, redirectPastLastPage } from "@/components/admin/list-header";
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
  redirectPastLastPage("/admin/topics", { q }, page, PAGE_SIZE, total);

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
      pages={{ page, pageSize: PAGE_SIZE, total, hrefFor: (p) => listHref("/admin/topics", { q }, p) }}
    />
  );
}
