import type { Metadata } from "next";
import Link from "next/link";
import { type ListPageProps, SearchedList } from "@/components/admin/searched-list";
import { listVenuesPage } from "@/db/queries/venues";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Venues" };

export default async function VenuesPage({ searchParams }: ListPageProps) {
  await requireRole("staff", "/admin/venues");
  return (
    <SearchedList
      base="/admin/venues"
      title="Venues"
      newLabel="New venue"
      searchLabel="Search venues"
      searchParams={await searchParams}
      load={listVenuesPage}
      columns={[
        { header: "Name", cell: (v) => <Link href={`/admin/venues/${v.id}`}>{v.name}</Link> },
        { header: "City", cell: (v) => v.city },
        { header: "Country", cell: (v) => v.country },
        { header: "Time zone", cell: (v) => v.timeZone, className: "text-slate-600" },
        { header: "Events", cell: (v) => v.eventCount, numeric: true },
      ]}
      empty={{ none: "No venues yet", first: "Add the first venue", noMatch: "No venues match that search" }}
    />
  );
}
