import Link from "next/link";
import type { ArchiveEvent } from "@/db/queries/archive";
import { formatDualTime } from "@/lib/time";
import { seriesLine } from "@/lib/names";
import { CancelledBadge, type HomeZone, SummaryLink } from "./event-card";
import { summaryOf } from "./event-card-list";

const BADGE = "rounded px-2 py-0.5 text-xs font-semibold";

/** "Upcoming" or "Past", so that a mixed list says which is which without reading the dates. */
function PhaseBadge({ upcoming }: { upcoming: boolean }) {
  return upcoming ? <span className={`${BADGE} bg-emerald-100 text-emerald-900`}>Upcoming</span> : <span className={`${BADGE} bg-slate-200 text-slate-800`}>Past</span>;
}

/** One page of the public archive: each event with its topic, series, time and place, and its summary. */
export function ArchiveEventList({ events, home, labelledBy }: { events: ArchiveEvent[]; home: HomeZone; labelledBy: string }) {
  return (
    <ol aria-labelledby={labelledBy} className="divide-y divide-slate-200 border-y border-slate-200">
      {events.map((event) => {
        const series = seriesLine(event.seriesName, event.seriesNumber);
        const summary = summaryOf(event);
        return (
          <li key={event.id} className="py-4">
            <article className="space-y-1">
              <p className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-600">
                <PhaseBadge upcoming={event.upcoming} />
                {event.topicSlug && event.topicName && <Link href={`/topics/${event.topicSlug}`}>{event.topicName}</Link>}
              </p>
              <h3 className="text-lg font-semibold">
                <Link href={`/events/${event.slug}`}>{event.title}</Link>
                {event.status === "cancelled" && <CancelledBadge />}
              </h3>
              {series && event.seriesSlug && (
                <p className="text-sm text-slate-700">
                  <Link href={`/series/${event.seriesSlug}`}>{series}</Link>
                </p>
              )}
              <p className="text-sm">
                <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>
                {event.venueName && (
                  <span className="text-slate-600">
                    {" · "}
                    {event.venueName}
                    {event.venueCity ? `, ${event.venueCity}` : ""}
                  </span>
                )}
              </p>
              {summary && <SummaryLink slug={event.slug} eventTitle={event.title} summary={summary} form="short" />}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
