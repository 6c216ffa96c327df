import Link from "next/link";
import type { ReactNode } from "react";
import { EventCard } from "@/components/event-card";
import { summaryOf } from "@/components/event-card-list";
import { EmptyState } from "@/components/ui/table";
import { listRecentPastEvents } from "@/db/queries/archive";
import { listPublicUpcomingEvents, listTopics } from "@/db/queries/events";
import { listLatestSummaries } from "@/db/queries/published-summaries";
import { getSettings } from "@/db/queries/settings";
import { PAGE_TAGS, prerenderingAtBuild, tagPage } from "@/lib/public-cache";
import { formatLocalDate } from "@/lib/time";

// Served from the cache; marked stale by the staff actions that change it (lib/public-cache.ts). The
// minute bounds what changes with the clock alone: an event that has started leaves "Upcoming".
export const revalidate = 60;

type SectionProps = { id: string; title: string; isEmpty: boolean; emptyTitle: string; emptyText?: string; children: ReactNode; more?: ReactNode };

/** A part of the home page under its heading: its list, or a note when it has nothing; then `more`, such as links onward. */
function HomeSection({ id, title, isEmpty, emptyTitle, emptyText, children, more }: SectionProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-2xl font-semibold text-brand-900">
        {title}
      </h2>
      {isEmpty ? (
        <div className="mt-4">
          <EmptyState title={emptyTitle}>{emptyText}</EmptyState>
        </div>
      ) : (
        children
      )}
      {more}
    </section>
  );
}

export default async function HomePage() {
  if (prerenderingAtBuild()) return null;
  await tagPage(PAGE_TAGS.lists());
  const [settings, upcoming, summaries, past, topics] = await Promise.all([
    getSettings(),
    listPublicUpcomingEvents(),
    listLatestSummaries(),
    listRecentPastEvents(),
    listTopics(),
  ]);
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };

  return (
    <div className="space-y-12">
      <section aria-labelledby="upcoming-heading">
        <h1 id="upcoming-heading" className="text-3xl font-semibold text-brand-900">
          Upcoming events
        </h1>
        <p className="mt-1 text-slate-600">{settings.organizationName}</p>
        {upcoming.length === 0 ? (
          <div className="mt-6">
            <EmptyState title="No upcoming events">New events appear here once they are scheduled.</EmptyState>
          </div>
        ) : (
          <ul className="mt-6 grid gap-4 md:grid-cols-2">
            {upcoming.map((event) => (
              <li key={event.id}>
                <EventCard event={event} home={home} level={2} />
              </li>
            ))}
          </ul>
        )}
        <p className="no-print mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href="/events?when=upcoming">All upcoming events</Link>
          <span>
            <a href="/calendar.ics">Subscribe to the events calendar</a>{" "}
            <span className="text-slate-600">(iCalendar feed of every event)</span>
          </span>
        </p>
      </section>

      <HomeSection id="summaries-heading" title="Latest summaries" isEmpty={summaries.length === 0} emptyTitle="No summaries published yet" emptyText="Summaries of past events appear here once they are published.">
        <ul className="mt-4 space-y-4">
          {summaries.map((s) => (
            <li key={s.eventSlug}>
              {s.topicName && <p className="text-xs uppercase tracking-wide text-slate-500">{s.topicName}</p>}
              <h3 className="font-semibold">
                <Link href={`/events/${s.eventSlug}/summary`}>{s.title || "Event summary"}</Link>
              </h3>
              <p className="text-sm text-slate-600">
                <time dateTime={s.startsAt.toISOString()}>{formatLocalDate(s.startsAt, s.timeZone)}</time>
              </p>
              {s.lede && <p className="text-sm">{s.lede}</p>}
            </li>
          ))}
        </ul>
      </HomeSection>

      <HomeSection
        id="past-heading"
        title="Past events"
        isEmpty={past.length === 0}
        emptyTitle="No past events yet"
        emptyText="Events appear here once they have taken place."
        more={
          <p className="no-print mt-4 text-sm">
            <Link href="/events?when=past">All past events</Link>{" "}
            <span className="text-slate-600">
              or <Link href="/events">browse the whole archive</Link> by topic, series and year
            </span>
          </p>
        }
      >
        <p className="text-sm text-slate-600">The most recent first.</p>
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {past.map((event) => (
            <li key={event.id}>
              <EventCard event={event} home={home} summary={summaryOf(event)} />
            </li>
          ))}
        </ul>
      </HomeSection>

      <HomeSection id="topics-heading" title="Topics" isEmpty={topics.length === 0} emptyTitle="No topics yet">
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {topics.map((t) => (
            <li key={t.id} className="rounded-lg border border-slate-200 p-4">
              <h3 className="font-semibold">
                <Link href={`/topics/${t.slug}`}>{t.name}</Link>
              </h3>
              {t.description && <p className="mt-1 text-sm text-slate-600">{t.description}</p>}
            </li>
          ))}
        </ul>
      </HomeSection>
    </div>
  );
}
