import Link from "next/link";
import { EventTabs } from "@/components/admin/event-sections";
import { seriesLine } from "@/lib/names";
import type { EventStatus } from "@/db/schema";
import { EVENT_PHASE_LABELS, type EventPhase, eventPhase } from "@/lib/event-phase";
import { formatDualTime } from "@/lib/time";

const BADGE: Record<EventPhase, string> = {
  draft: "bg-slate-100 text-slate-800",
  scheduled: "bg-green-100 text-green-900",
  held: "bg-brand-50 text-brand-900 ring-1 ring-inset ring-brand-100",
  cancelled: "bg-red-100 text-red-800",
};

/** The event's status as people read it: a scheduled event that has ended is "Held". */
export function EventStatusBadge({ status, endsAt, now }: { status: EventStatus; endsAt: Date; now?: Date }) {
  const phase = eventPhase({ status, endsAt }, now);
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${BADGE[phase]}`}>{EVENT_PHASE_LABELS[phase]}</span>;
}

type Props = {
  event: {
    id: string;
    slug: string;
    title: string;
    status: EventStatus;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    seriesName: string | null;
    seriesNumber: number | null;
    venueName: string | null;
    venueCity: string | null;
  };
  home: { zone: string; label: string };
  compact?: boolean;
};

/**
 * The event's title, status and time above each of its admin pages, with the tabs between them.
 * `compact` keeps it to one line over the tabs, for the check-in desk where the list must start high.
 */
export function EventAdminHeader({ event, home, compact = false }: Props) {
  if (compact) {
    return (
      // One row on a tablet: the title gives way (cut short) before the tabs do.
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-1 lg:flex-nowrap">
        <div className="flex min-w-0 items-center gap-3 pb-2">
          <Link href="/admin/events" className="shrink-0 text-sm">
            ← Events
          </Link>
          <h1 title={event.title} className="min-w-0 truncate text-lg font-semibold text-brand-900">
            {event.title}
          </h1>
          <EventStatusBadge status={event.status} endsAt={event.endsAt} />
        </div>
        <div className="min-w-0 max-w-full lg:shrink-0">
          <EventTabs eventId={event.id} />
        </div>
      </div>
    );
  }
  const series = seriesLine(event.seriesName, event.seriesNumber);
  const venue = event.venueName ? [event.venueName, event.venueCity].filter(Boolean).join(", ") : null;
  return (
    <div className="space-y-4">
      <p>
        <Link href="/admin/events">← Events</Link>
      </p>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-brand-900">{event.title}</h1>
          <EventStatusBadge status={event.status} endsAt={event.endsAt} />
        </div>
        {series && <p className="text-sm text-slate-700">{series}</p>}
        <p className="text-sm text-slate-700">
          <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>
          {venue && <> · {venue}</>}
        </p>
        {event.status !== "draft" && (
          <p className="text-sm">
            <Link href={`/events/${event.slug}`}>View the public page</Link>
          </p>
        )}
      </div>
      <EventTabs eventId={event.id} />
    </div>
  );
}
