import type { Metadata } from "next";
import Link from "next/link";
import { DataList } from "@/components/admin/data-list";
import { FilterInput, FilterSelect } from "@/components/admin/filter-fields";
import { ListTitle, listHref } from "@/components/admin/list-header";
import { EventStatusBadge } from "@/components/event-admin-header";
import { listEventsPage } from "@/db/queries/events";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { seriesLine } from "@/lib/names";
import { formatDualTime } from "@/lib/time";
import { EVENT_STATUS_LABELS, EVENT_STATUSES, eventListParamsSchema } from "@/lib/validations/event";

export const metadata: Metadata = { title: "Events" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EventsPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/events");
  const { q, status, page } = eventListParamsSchema.parse(await searchParams);
  const now = new Date();
  const [settings, { rows, total }] = await Promise.all([getSettings(), listEventsPage({ q, status, page, pageSize: PAGE_SIZE, now })]);
  const filtered = Boolean(q || status);

  return (
    <DataList
      header={
        <>
          <ListTitle title="Events" newHref="/admin/events/new" newLabel="New event" />
          {/* Keyed by the filter so that the fields show it again after a client-side navigation. */}
          <form key={`${q ?? ""}|${status ?? ""}`} role="search" aria-label="Find events" className="flex flex-wrap items-end gap-3">
            <FilterInput id="events-q" label="Search events" name="q" type="search" defaultValue={q} placeholder="Title, address, series or venue" />
            <FilterSelect
              id="events-status"
              name="status"
              label="Status"
              any="Any status"
              options={EVENT_STATUSES.map((s) => [s, EVENT_STATUS_LABELS[s]])}
              defaultValue={status}
            />
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
              Search
            </button>
            {filtered && (
              <Link href="/admin/events" className="py-2 text-sm">
                Clear
              </Link>
            )}
          </form>
        </>
      }
      caption="Events: upcoming first, soonest first, then past events, latest first"
      columns={[
        {
          header: "Event",
          cell: (e) => {
            const series = seriesLine(e.seriesName, e.seriesNumber);
            return (
              <>
                <Link href={`/admin/events/${e.id}`} className="font-medium">
                  {e.title}
                </Link>
                {series && <div className="text-xs text-slate-600">{series}</div>}
              </>
            );
          },
        },
        {
          header: "When",
          cell: (e) => (
            <>
              <time dateTime={e.startsAt.toISOString()}>{formatDualTime(e.startsAt, e.timeZone, settings.homeTimeZone, settings.homeTimeZoneLabel)}</time>
              {e.endsAt < now && e.status !== "scheduled" && <div className="text-xs text-slate-500">Past</div>}
            </>
          ),
        },
        { header: "Venue", cell: (e) => (e.venueName ? [e.venueName, e.venueCity].filter(Boolean).join(", ") : "—"), className: "text-slate-700" },
        { header: "Status", cell: (e) => <EventStatusBadge status={e.status} endsAt={e.endsAt} now={now} /> },
        { header: "Registered", cell: (e) => (e.capacity == null ? e.confirmed : `${e.confirmed} / ${e.capacity}`), numeric: true },
      ]}
      rows={rows}
      empty={{ title: filtered ? "No events match that search" : "No events yet", body: !filtered && <Link href="/admin/events/new">Create the first event</Link> }}
      pages={{ page, pageSize: PAGE_SIZE, total, hrefFor: (p) => listHref("/admin/events", { q, status }, p) }}
    />
  );
}
