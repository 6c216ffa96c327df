import { durationMinutes, formatDualTime, formatDuration, formatTimeRange } from "@/lib/time";

type Timed = { startsAt: Date; endsAt: Date; timeZone: string };

/** The "When" and "Time" of an event's details list: its start in its own zone and the home zone, then its local times and length. */
export function EventTimeTerms({ event, home }: { event: Timed; home: { zone: string; label: string } }) {
  return (
    <>
      <dt className="font-medium text-slate-600">When</dt>
      <dd>
        <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>
      </dd>
      <dt className="font-medium text-slate-600">Time</dt>
      <dd>
        {formatTimeRange(event.startsAt, event.endsAt, event.timeZone)} (local time), {formatDuration(durationMinutes(event.startsAt, event.endsAt))}
      </dd>
    </>
  );
}

type Venue = { name: string; address: string | null; city: string; country: string };

/** A venue as its details list gives it: name, street address when known, then city and country. */
export function VenueAddress({ venue }: { venue: Venue }) {
  return (
    <dd>
      {venue.name}
      {venue.address && (
        <>
          <br />
          {venue.address}
        </>
      )}
      <br />
      {venue.city}, {venue.country}
    </dd>
  );
}
