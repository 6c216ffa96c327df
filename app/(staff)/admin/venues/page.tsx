import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { ListHeader, listHref, redirectPastLastPage } from "@/components/admin/list-header";
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
  redirectPastLastPage("/admin/venues", { q }, page, PAGE_SIZE, total);

  return (
    <DataList
      header={<ListHeader title="Venues" newHref="/admin/venues/new" newLabel="New venue" q={q} searchLabel="Search venues" />}
      caption="Venues"
      columns={[
        { header: "Name", cell: (v) => <Link href={`/admin/venues/${v.id}`}>{v.name}</Link> },
        { header: "City", cell: (v) => v.city },
        { header: "Country", cell: (v) => v.country },
        { header: "Time zone", cell: (v) => v.timeZone, className: "text-slate-600" },
        { header: "Events", cell: (v) => v.eventCount, numeric: true },
      ]}
      rows={rows}
      empty={{ title: q ? "No venues match that search" : "No venues yet", body: !q && <Link href="/admin/venues/new">Add the first venue</Link> }}
      pages={{ page, pageSize: PAGE_SIZE, total, hrefFor: (p) => listHref("/admin/venues", { q }, p) }}
    />
  );
}
