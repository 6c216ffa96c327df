import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { ListHeader, searchedPage } from "@/components/admin/list-header";
import { listVenuesPage } from "@/db/queries/venues";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Venues" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VenuesPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/venues");
  const { q, rows, pages } = await searchedPage("/admin/venues", await searchParams, listVenuesPage);

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
      pages={pages}
    />
  );
}
