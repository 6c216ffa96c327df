import Link from "next/link";
import type { ReactNode } from "react";
import type { ArchiveEvent } from "@/db/queries/archive";
import { meetingLabel } from "@/lib/names";
import { CancelledBadge, EventCard, EventWhenWhere, type HomeZone, type PublishedSummary, SummaryLink } from "./event-card";

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

type Listing = {
  meetings: { upcoming: ArchiveEvent[]; past: ArchiveEvent[] };
  home: HomeZone;
  /** A series lists its meetings by number; a topic its events as cards. */
  of: "series" | "topic";
  /** In what order each list stands, said when it has more than one. */
  order: { upcoming: string; past: string };
};

const LISTED = {
  series: { noun: "meetings", where: "in this series", List: MeetingList },
  topic: { noun: "events", where: "on this topic", List: EventCardList },
};

/** A series' or a topic's upcoming and past events, each under its heading. */
export function UpcomingAndPast({ meetings, home, of, order }: Listing) {
  const { noun, where, List } = LISTED[of];
  return (
    <>
      <ListingSection id="upcoming-heading" title={`Upcoming ${noun}`} empty={`No upcoming ${noun} ${where} yet.`} count={meetings.upcoming.length} order={order.upcoming}>
        <List events={meetings.upcoming} home={home} />
      </ListingSection>
      <ListingSection id="past-heading" title={`Past ${noun}`} empty={`No past ${noun} ${where} yet.`} count={meetings.past.length} order={order.past}>
        <List events={meetings.past} home={home} />
      </ListingSection>
    </>
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
            <EventWhenWhere event={event} home={home} className="mt-1" />
            {summary && <SummaryLink slug={event.slug} eventTitle={event.title} summary={summary} form="title" />}
          </li>
        );
      })}
    </ul>
  );
}
