import Link from "next/link";
import type { ReactNode } from "react";
import type { ArchiveEvent } from "@/db/queries/archive";
import { formatDualTime } from "@/lib/time";
import { meetingLabel } from "@/lib/names";
import { CancelledBadge, EventCard, type HomeZone, type PublishedSummary, SummaryLink } from "./event-card";

type SectionProps = { id: string; title: string; empty: string; children: ReactNode; count: number; order?: string };

/** A titled part of a listing page that says so when it has nothing in it, and in what order it lists. */
export function ListingSection({ id, title, empty, children, count, order }: SectionProps) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <div>
        <h2 id={id} className="text-2xl font-semibold text-brand-900">
          {title}
        </h2>
        {order && count > 1 && <p className="text-sm text-slate-600">{order}</p>}
      </div>
      {count === 0 ? <p className="text-slate-600">{empty}</p> : children}
    </section>
  );
}

/** The published summary of a listed event, or null when it has none. */
export const summaryOf = (event: Pick<ArchiveEvent, "summaryTitle" | "summaryLede">): PublishedSummary | null =>
  event.summaryTitle === null ? null : { title: event.summaryTitle, lede: event.summaryLede };

/** Events as cards under a level-2 heading, each with its summary: the topic page's upcoming and past lists. */
export function EventCardList({ events, home }: { events: ArchiveEvent[]; home: HomeZone }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} home={home} showTopic={false} summary={summaryOf(event)} summaryLink="title" />
        </li>
      ))}
    </ul>
  );
}

/** A series' meetings by number: "Fourth meeting — From the United Nations", each with its summary. */
export function MeetingList({ events, home }: { events: ArchiveEvent[]; home: HomeZone }) {
  return (
    <ul className="space-y-4">
      {events.map((event) => {
        const summary = summaryOf(event);
        return (
          <li key={event.id} className="rounded-lg border border-slate-200 p-4">
            <h3 className="text-lg font-semibold">
              <Link href={`/events/${event.slug}`}>
                {event.seriesNumber ? `${meetingLabel(event.seriesNumber)} — ${event.title}` : event.title}
              </Link>
              {event.status === "cancelled" && <CancelledBadge />}
            </h3>
            <p className="mt-1 text-sm">
              <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>
            </p>
            {event.venueName && (
              <p className="text-sm text-slate-600">
                {event.venueName}
                {event.venueCity ? `, ${event.venueCity}` : ""}
              </p>
            )}
            {summary && <SummaryLink slug={event.slug} eventTitle={event.title} summary={summary} form="title" />}
          </li>
        );
      })}
    </ul>
  );
}
