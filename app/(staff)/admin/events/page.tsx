import type { Metadata } from "next";
import Link from "next/link";
import { seriesLine } from "@/lib/names";
import { EventStatusBadge } from "@/components/event-admin-header";
import { Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { listEventsPage } from "@/db/queries/events";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { formatDualTime } from "@/lib/time";
import { EVENT_STATUS_LABELS, EVENT_STATUSES, eventListParamsSchema } from "@/lib/validations/event";

export const metadata: Metadata = { title: "Events" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function listHref(q: string | undefined, status: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/events?${query}` : "/admin/events";
}

export default async function EventsPage({ searchParams }: Props) {
  await requireRole("staff", "/admin/events");
  const { q, status, page } = eventListParamsSchema.parse(await searchParams);
  const now = new Date();
  const [settings, { rows, total }] = await Promise.all([getSettings(), listEventsPage({ q, status, page, pageSize: PAGE_SIZE, now })]);
  const filtered = Boolean(q || status);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold text-brand-900">Events</h1>
        <Link
          href="/admin/events/new"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800 hover:no-underline"
        >
          New event
        </Link>
      </div>

      {/* Keyed by the filter so that the fields show it again after a client-side navigation. */}
      <form key={`${q ?? ""}|${status ?? ""}`} role="search" aria-label="Find events" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="events-q" className="block text-sm font-medium">
            Search events
          </label>
          <Input id="events-q" name="q" type="search" defaultValue={q} placeholder="Title, address, series or venue" />
        </div>
        <div>
          <label htmlFor="events-status" className="block text-sm font-medium">
            Status
          </label>
          <Select id="events-status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {EVENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {EVENT_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
          Search
        </button>
        {filtered && (
          <Link href="/admin/events" className="py-2 text-sm">
            Clear
          </Link>
        )}
      </form>

      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No events match that search" : "No events yet"}>
          {!filtered && <Link href="/admin/events/new">Create the first event</Link>}
        </EmptyState>
      ) : (
        <Table caption="Events: upcoming first, soonest first, then past events, latest first">
          <thead>
            <tr>
              <Th>Event</Th>
              <Th>When</Th>
              <Th>Venue</Th>
              <Th>Status</Th>
              <Th className="text-right">Registered</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((e) => {
              const series = seriesLine(e.seriesName, e.seriesNumber);
              const past = e.endsAt < now;
              return (
                <tr key={e.id}>
                  <Td>
                    <Link href={`/admin/events/${e.id}`} className="font-medium">
                      {e.title}
                    </Link>
                    {series && <div className="text-xs text-slate-600">{series}</div>}
                  </Td>
                  <Td>
                    <time dateTime={e.startsAt.toISOString()}>{formatDualTime(e.startsAt, e.timeZone, settings.homeTimeZone, settings.homeTimeZoneLabel)}</time>
                    {past && e.status !== "scheduled" && <div className="text-xs text-slate-500">Past</div>}
                  </Td>
                  <Td className="text-slate-700">{e.venueName ? [e.venueName, e.venueCity].filter(Boolean).join(", ") : "—"}</Td>
                  <Td>
                    <EventStatusBadge status={e.status} endsAt={e.endsAt} now={now} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {e.confirmed}
                    {e.capacity != null && ` / ${e.capacity}`}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => listHref(q, status, p)} />
    </div>
  );
}
