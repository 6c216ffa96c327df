import Link from "next/link";
import { AgendaView } from "@/components/agenda-view";
import { seriesLine } from "@/lib/names";
import { SpeakerList } from "@/components/speaker-list";
import { PlainText } from "@/components/plain-text";
import { RegistrationForm } from "@/components/registration-form";
import { calendarLinks } from "@/lib/calendar-links";
import { appUrl } from "@/lib/env";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import type { PublicEvent } from "@/db/queries/public";
import { getRegistrationAvailability } from "@/db/queries/public-registrations";
import { type RegistrationWindow, registrationWindow, seatsLeft } from "@/lib/registration/window";
import { formatDualTime } from "@/lib/time";
import { EventTimeTerms, VenueAddress } from "@/components/event-time-terms";

type Availability = NonNullable<Awaited<ReturnType<typeof getRegistrationAvailability>>>;

const REVIEWED = "Registrations are reviewed: the organizers approve each one, and we email you their decision.";

/**
 * What the registration section says: why it is closed, or how many seats remain and until when. Null
 * for a cancelled or past event, whose page already says so at the top.
 */
function registrationStatusLine(event: PublicEvent, availability: Availability, window: RegistrationWindow, now: Date, home: { zone: string; label: string }): string | null {
  const when = (d: Date) => formatDualTime(d, event.timeZone, home.zone, home.label);
  switch (window) {
    case "cancelled":
    case "past":
      return null;
    case "not_yet_open":
      return `Registration opens on ${when(event.registrationOpensAt!)}.`;
    case "closed":
    case "draft":
      return "Registration has closed.";
  }
  const open = event.registrationClosesAt && event.registrationClosesAt > now ? ` Registration is open until ${when(event.registrationClosesAt)}.` : " Registration is open.";
  const until = availability.requiresApproval ? `${open} ${REVIEWED}` : open;
  const left = seatsLeft(availability.capacity, availability.confirmed);
  if (left == null) return until.trim();
  if (left === 0) {
    const joins = availability.requiresApproval ? "registrations approved from now on join the waitlist" : "new registrations join the waitlist";
    return `Every seat is taken: ${joins}, and seats that become free go to it in order.${until}`;
  }
  return `${left} of ${availability.capacity} ${availability.capacity === 1 ? "seat remains" : "seats remain"}.${until}`;
}

/** An event's public page before its summary: when and where, registration, agenda and speakers. */
export async function PublicEventDetails({ event, home }: { event: PublicEvent; home: { zone: string; label: string } }) {
  const now = new Date();
  const series = seriesLine(event.series?.name ?? null, event.seriesNumber);
  const cancelled = event.status === "cancelled";
  // Held: it has ended. Nothing is left to register for or to put in a calendar.
  const held = !cancelled && event.endsAt <= now;
  const venue = event.venue;
  const availability = await getRegistrationAvailability(event.id);
  const registrationState = registrationWindow(event, now);
  const registration = availability ? registrationStatusLine(event, availability, registrationState, now, home) : null;

  return (
    <article className="mx-auto max-w-3xl space-y-10 lg:grid lg:max-w-6xl lg:grid-cols-[minmax(0,1fr)_24rem] lg:content-start lg:gap-x-12 lg:space-y-0 lg:[&>*]:col-start-1 lg:[&>*+*]:mt-10">
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
        {held && (
          <div className="pt-2">
            <Alert tone="info">
              <strong>
                This event took place on{" "}
                <time dateTime={event.startsAt.toISOString()}>{formatDualTime(event.startsAt, event.timeZone, home.zone, home.label)}</time>.
              </strong>
            </Alert>
          </div>
        )}
      </header>

      <Section id="when-heading" title="When and where">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <EventTimeTerms event={event} home={home} />
          {venue && (
            <>
              <dt className="font-medium text-slate-600">Venue</dt>
              <VenueAddress venue={venue} />
            </>
          )}
        </dl>
        {!cancelled && !held && (
          <p className="no-print">
            <a href={`/events/${event.slug}/calendar.ics`}>Add to calendar</a>{" "}
            <span className="text-sm text-slate-600">(iCalendar file)</span>
          </p>
        )}
      </Section>

      {registration && availability && (
        // Beside the details on a wide screen, so that it stands above the fold; straight after the time
        // and place on a narrow one.
        <section
          aria-labelledby="registration-heading"
          className="space-y-3 rounded-md border border-slate-200 p-5 lg:col-start-2! lg:row-span-[12] lg:row-start-1 lg:mt-0! lg:self-start"
        >
          <h2 id="registration-heading" className="text-xl font-semibold text-brand-900">
            Registration
          </h2>
          <p>{registration}</p>
          {registrationState === "open" && (
            <RegistrationForm
              slug={event.slug}
              categories={availability.categories}
              waitlist={seatsLeft(availability.capacity, availability.confirmed) === 0}
              reviewed={availability.requiresApproval}
              questions={availability.questions}
              calendar={calendarLinks({ ...event, location: venue ? [venue.name, venue.address, venue.city, venue.country].filter(Boolean).join(", ") : null }, appUrl())}
            />
          )}
        </section>
      )}

      {event.description && (
        <Section id="about-heading" title="About this event">
          <PlainText text={event.description} />
        </Section>
      )}

      {event.agenda.length > 0 && (
        <Section id="agenda-heading" title="Agenda">
          <p className="text-sm text-slate-600">Times are local.</p>
          <AgendaView items={event.agenda} timeZone={event.timeZone} />
        </Section>
      )}

      {event.speakers.length > 0 && (
        <Section id="speakers-heading" title="Speakers">
          <SpeakerList speakers={event.speakers} />
        </Section>
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
