import Link from "next/link";
import { formatDualTime } from "@/lib/time";
import { seriesLine } from "@/lib/names";

export type EventCardData = {
  slug: string;
  title: string;
  status: "draft" | "scheduled" | "cancelled";
  timeZone: string;
  startsAt: Date;
  seriesName: string | null;
  seriesNumber: number | null;
  topicName: string | null;
  venueName: string | null;
  venueCity: string | null;
};

export type HomeZone = { zone: string; label: string };

type Props = {
  event: EventCardData;
  home: HomeZone;
  /** Where the title links; the event's public page unless given. */
  href?: string;
  /** The card's heading level, to fit the page's outline. */
  level?: 2 | 3;
  /** Leave the topic out on the topic's own page. */
  showTopic?: boolean;
  /** The event's published summary, when it has one, linked below the details. */
  summary?: PublishedSummary | null;
  /** "title": the link reads the summary's title, with its lede; "short": "Read the summary". */
  summaryLink?: "title" | "short";
};

export type PublishedSummary = { title: string | null; lede?: string | null };

/** "Cancelled", in red, after an event's title. */
export function CancelledBadge() {
  return <span className="ml-2 rounded bg-red-100 px-2 py-0.5 align-middle text-xs font-semibold text-red-800">Cancelled</span>;
}

/**
 * A link to an event's published summary. The short form names the event for screen readers, so that a
 * list of them does not read as a row of identical links.
 */
export function SummaryLink({ slug, eventTitle, summary, form }: { slug: string; eventTitle: string; summary: PublishedSummary; form: "title" | "short" }) {
  const href = `/events/${slug}/summary`;
  if (form === "short") {
    return (
      <p className="mt-2 text-sm font-medium">
        <Link href={href}>
          Read the summary<span className="sr-only"> of {eventTitle}</span>
        </Link>
      </p>
    );
  }
  return (
    <div className="mt-3 border-t border-slate-200 pt-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">Summary</p>
      <p className="font-semibold">
        <Link href={href}>{summary.title?.trim() || `Summary of ${eventTitle}`}</Link>
      </p>
      {summary.lede && <p className="mt-1 text-sm text-slate-800">{summary.lede}</p>}
    </div>
  );
}

type WhenWhere = Pick<EventCardData, "startsAt" | "timeZone" | "venueName" | "venueCity">;

/** When a listed event starts (its local time and the home zone's) and, if it has one, its venue. */
export function EventWhenWhere({ event, home, className }: { event: WhenWhere; home: HomeZone; className: string }) {
  return (
    <>
      <p className={`${className} text-sm`}>
        <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>
      </p>
      {event.venueName && (
        <p className="text-sm text-slate-600">
          {event.venueName}
          {event.venueCity ? `, ${event.venueCity}` : ""}
        </p>
      )}
    </>
  );
}

export function EventCard({ event, home, href, level = 3, showTopic = true, summary, summaryLink = "short" }: Props) {
  const series = seriesLine(event.seriesName, event.seriesNumber);
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className="rounded-lg border border-slate-200 p-4">
      {showTopic && event.topicName && (
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{event.topicName}</p>
      )}
      <Heading className="mt-1 text-lg font-semibold">
        <Link href={href ?? `/events/${event.slug}`}>{event.title}</Link>
        {event.status === "cancelled" && <CancelledBadge />}
      </Heading>
      {series && <p className="text-sm text-slate-700">{series}</p>}
      <EventWhenWhere event={event} home={home} className="mt-2" />
      {summary && <SummaryLink slug={event.slug} eventTitle={event.title} summary={summary} form={summaryLink} />}
    </article>
  );
}
