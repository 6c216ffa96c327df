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

export function seriesLine(name: string | null, number: number | null): string | null {
  if (!name) return null;
  return number ? `${name} — ${ordinalWord(number)} meeting` : name;
}

export function EventCard({ event, home, href }: { event: EventCardData; home: { zone: string; label: string }; href?: string }) {
  const series = seriesLine(event.seriesName, event.seriesNumber);
  return (
    <article className="rounded-lg border border-slate-200 p-4">
      {event.topicName && <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{event.topicName}</p>}
      <h3 className="mt-1 text-lg font-semibold">
        {href ? <a href={href}>{event.title}</a> : event.title}
        {event.status === "cancelled" && (
          <span className="ml-2 rounded bg-red-100 px-2 py-0.5 align-middle text-xs font-semibold text-red-800">Cancelled</span>
        )}
      </h3>
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
