import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AgendaView } from "@/components/agenda-view";
import { seriesLine } from "@/components/event-card";
import { SpeakerList } from "@/components/public-speakers";
import { PlainText } from "@/components/public-text";
import { Alert } from "@/components/ui/alert";
import { getPublicEvent, type PublicEvent } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { durationMinutes, formatDualTime, formatDuration, formatLocalDate, formatTimeRange } from "@/lib/time";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const event = await getPublicEvent((await params).slug);
  if (!event) notFound();
  const title = event.status === "cancelled" ? `Cancelled: ${event.title}` : event.title;
  const about = event.description?.replace(/\s+/g, " ").trim();
  const fallback = [seriesLine(event.series?.name ?? null, event.seriesNumber), formatLocalDate(event.startsAt, event.timeZone)]
    .filter(Boolean)
    .join(", ");
  return { title, description: about ? truncate(about, 200) : fallback };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** What the registration spot says now; null when there is nothing true to say yet. */
function registrationLine(event: PublicEvent, now: Date, home: { zone: string; label: string }): string | null {
  if (event.status === "cancelled" || event.endsAt <= now) return null;
  const when = (d: Date) => formatDualTime(d, event.timeZone, home.zone, home.label);
  if (event.registrationOpensAt && event.registrationOpensAt > now) return `Registration opens on ${when(event.registrationOpensAt)}.`;
  if (event.registrationClosesAt && event.registrationClosesAt <= now) return "Registration has closed.";
  if (event.registrationOpensAt) {
    return event.registrationClosesAt ? `Registration is open until ${when(event.registrationClosesAt)}.` : "Registration is open.";
  }
  return null;
}

export default async function EventPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const [event, settings] = await Promise.all([getPublicEvent(slug), getSettings()]);
  if (!event) notFound();

  const now = new Date();
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const series = seriesLine(event.series?.name ?? null, event.seriesNumber);
  const cancelled = event.status === "cancelled";
  const venue = event.venue;
  const registration = registrationLine(event, now, home);

  return (
    <article className="mx-auto max-w-3xl space-y-10">
      <header className="space-y-2">
        {event.topic && (
          <p className="text-sm font-medium uppercase tracking-wide">
            <Link href={`/topics/${event.topic.slug}`}>{event.topic.name}</Link>
          </p>
        )}
        <h1 className="text-3xl font-semibold text-brand-900">{event.title}</h1>
        {series && event.series && (
          <p className="text-lg text-slate-700">
            <Link href={`/series/${event.series.slug}`}>{series}</Link>
          </p>
        )}
        {cancelled && (
          <div className="pt-2">
            <Alert tone="warning">
              <strong>This event has been cancelled.</strong>
            </Alert>
          </div>
        )}
      </header>

      <section aria-labelledby="when-heading" className="space-y-3">
        <h2 id="when-heading" className="text-xl font-semibold text-brand-900">
          When and where
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-600">When</dt>
          <dd>
            <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>
          </dd>
          <dt className="font-medium text-slate-600">Time</dt>
          <dd>
            {formatTimeRange(event.startsAt, event.endsAt, event.timeZone)} (local time), {formatDuration(durationMinutes(event.startsAt, event.endsAt))}
          </dd>
          {venue && (
            <>
              <dt className="font-medium text-slate-600">Venue</dt>
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
            </>
          )}
        </dl>
        {!cancelled && (
          <p className="no-print">
            <a href={`/events/${event.slug}/calendar.ics`}>Add to calendar</a>{" "}
            <span className="text-sm text-slate-600">(iCalendar file)</span>
          </p>
        )}
      </section>

      {event.description && (
        <section aria-labelledby="about-heading" className="space-y-3">
          <h2 id="about-heading" className="text-xl font-semibold text-brand-900">
            About this event
          </h2>
          <PlainText text={event.description} />
        </section>
      )}

      {/* The registration form belongs here, shown while registration is open. */}
      {registration && (
        <section aria-labelledby="registration-heading" className="space-y-3">
          <h2 id="registration-heading" className="text-xl font-semibold text-brand-900">
            Registration
          </h2>
          <p>{registration}</p>
        </section>
      )}

      {event.agenda.length > 0 && (
        <section aria-labelledby="agenda-heading" className="space-y-3">
          <h2 id="agenda-heading" className="text-xl font-semibold text-brand-900">
            Agenda
          </h2>
          <p className="text-sm text-slate-600">Times are local.</p>
          <AgendaView items={event.agenda} timeZone={event.timeZone} />
        </section>
      )}

      {event.speakers.length > 0 && (
        <section aria-labelledby="speakers-heading" className="space-y-3">
          <h2 id="speakers-heading" className="text-xl font-semibold text-brand-900">
            Speakers
          </h2>
          <SpeakerList speakers={event.speakers} />
        </section>
      )}

      <footer className="no-print border-t border-slate-200 pt-4">
        {event.topic ? (
          <Link href={`/topics/${event.topic.slug}`}>Back to {event.topic.name}</Link>
        ) : (
          <Link href="/">Back to all events</Link>
        )}
      </footer>
    </article>
  );
}
