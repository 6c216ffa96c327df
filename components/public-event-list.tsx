import Link from "next/link";
import type { ReactNode } from "react";
import type { PublicEventListItem } from "@/db/queries/public";
import { formatDualTime } from "@/lib/time";
import { EventCard, type HomeZone, meetingLabel } from "./event-card";

type SectionProps = { id: string; title: string; empty: string; children: ReactNode; count: number };

/** A titled part of a listing page that says so when it has nothing in it. */
export function ListingSection({ id, title, empty, children, count }: SectionProps) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-2xl font-semibold text-brand-900">
        {title}
      </h2>
      {count === 0 ? <p className="text-slate-600">{empty}</p> : children}
    </section>
  );
}

/** Events as cards under a level-2 heading: the topic page's upcoming and past lists. */
export function EventCardList({ events, home }: { events: PublicEventListItem[]; home: HomeZone }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} home={home} showTopic={false} />
        </li>
      ))}
    </ul>
  );
}

/** A series' meetings by number: "Fourth meeting — From the United Nations". */
export function MeetingList({ events, home }: { events: PublicEventListItem[]; home: HomeZone }) {
  return (
    <ul className="space-y-4">
      {events.map((event) => (
        <li key={event.id} className="rounded-lg border border-slate-200 p-4">
          <h3 className="text-lg font-semibold">
            <Link href={`/events/${event.slug}`}>
              {event.seriesNumber ? `${meetingLabel(event.seriesNumber)} — ${event.title}` : event.title}
            </Link>
            {event.status === "cancelled" && (
              <span className="ml-2 rounded bg-red-100 px-2 py-0.5 align-middle text-xs font-semibold text-red-800">Cancelled</span>
            )}
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
        </li>
      ))}
    </ul>
  );
}
