import Link from "next/link";
import { formatDualTime, ordinalWord } from "@/lib/time";

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

/** "WPS + Innovation — fourth meeting" */
export function seriesLine(name: string | null, number: number | null): string | null {
  if (!name) return null;
  return number ? `${name} — ${ordinalWord(number)} meeting` : name;
}

/** "Fourth meeting", "21st meeting" */
export function meetingLabel(number: number): string {
  const word = ordinalWord(number);
  return `${word.charAt(0).toUpperCase()}${word.slice(1)} meeting`;
}

type Props = {
  event: EventCardData;
  home: HomeZone;
  /** Where the title links; the event's public page unless given. */
  href?: string;
  /** The card's heading level, to fit the page's outline. */
  level?: 2 | 3;
  /** Leave the topic out on the topic's own page. */
  showTopic?: boolean;
};

export function EventCard({ event, home, href, level = 3, showTopic = true }: Props) {
  const series = seriesLine(event.seriesName, event.seriesNumber);
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className="rounded-lg border border-slate-200 p-4">
      {showTopic && event.topicName && (
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{event.topicName}</p>
      )}
      <Heading className="mt-1 text-lg font-semibold">
        <Link href={href ?? `/events/${event.slug}`}>{event.title}</Link>
        {event.status === "cancelled" && (
          <span className="ml-2 rounded bg-red-100 px-2 py-0.5 align-middle text-xs font-semibold text-red-800">Cancelled</span>
        )}
      </Heading>
      {series && <p className="text-sm text-slate-700">{series}</p>}
      <p className="mt-2 text-sm">
        <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>
      </p>
      {event.venueName && (
        <p className="text-sm text-slate-600">
          {event.venueName}
          {event.venueCity ? `, ${event.venueCity}` : ""}
        </p>
      )}
    </article>
  );
}
