import Link from "next/link";
import type { ReactNode } from "react";
import { AgendaView } from "@/components/agenda-view";
import { SpeakerList } from "@/components/speaker-list";
import { PlainText } from "@/components/plain-text";
import { RegistrationForm } from "@/components/registration-form";
import { calendarLinks } from "@/lib/calendar-links";
import { appUrl } from "@/lib/env";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { getRegistrationAvailability } from "@/db/queries/public-registrations";
import type { Language } from "@/lib/i18n/languages";
import { langOfText } from "@/lib/i18n/localize";
import { messagesFor, translator } from "@/lib/i18n/messages";
import type { PageLanguage } from "@/lib/i18n/page";
import type { LocalizedPublicEvent } from "@/lib/i18n/public-event";
import * as namesEn from "@/lib/names";
import * as namesJa from "@/lib/names-ja";
import { type RegistrationWindow, registrationWindow, seatsLeft } from "@/lib/registration/window";
import { EventTimeTerms, VenueAddress } from "@/components/event-time-terms";
import { formatsFor } from "@/lib/i18n/format";

type Availability = NonNullable<Awaited<ReturnType<typeof getRegistrationAvailability>>>;
type Home = { zone: string; label: string };

/**
 * What the registration section says: why it is closed, or how many seats remain and until when. Null
 * for a cancelled or past event, whose page already says so at the top.
 */
function registrationStatusLine(event: LocalizedPublicEvent, availability: Availability, window: RegistrationWindow, now: Date, home: Home, language: Language): string | null {
  const t = translator(language, "registration");
  const when = (d: Date) => formatsFor(language).dualTime(d, event.timeZone, home);
  switch (window) {
    case "cancelled":
    case "past":
      return null;
    case "not_yet_open":
      return t("status.opensOn", { when: when(event.registrationOpensAt!) });
    case "closed":
    case "draft":
      return t("status.closed");
  }
  const open = event.registrationClosesAt && event.registrationClosesAt > now ? t("status.openUntil", { when: when(event.registrationClosesAt) }) : t("status.open");
  const until = availability.requiresApproval ? [open, t("status.reviewed")] : [open];
  const left = seatsLeft(availability.capacity, availability.confirmed);
  const sentences = left == null ? until : left === 0 ? [t(availability.requiresApproval ? "status.fullReviewed" : "status.full"), ...until] : [t("status.seatsLeft", { left, capacity: availability.capacity ?? 0 }), ...until];
  // Japanese runs its sentences on without a space.
  return sentences.join(language === "ja" ? "" : " ");
}

/** "「WPS＋イノベーション」に関する第5回会合", "The fifth meeting of WPS + Innovation": the series' name marked when it fell back. */
function seriesLine(series: NonNullable<LocalizedPublicEvent["series"]>, number: number | null, language: Language): ReactNode {
  const names = language === "ja" ? namesJa : namesEn;
  const line = names.seriesLine(series.name, number);
  const lang = langOfText(series.langOf.name, language);
  if (!line || !lang) return line;
  const at = line.indexOf(series.name);
  if (at < 0) return <span lang={lang}>{line}</span>;
  return (
    <>
      {line.slice(0, at)}
      <span lang={lang}>{series.name}</span>
      {line.slice(at + series.name.length)}
    </>
  );
}

/** An event's public page before its summary, in the page's language: when and where, registration, agenda and speakers. */
export async function PublicEventDetails({ event, home, page }: { event: LocalizedPublicEvent; home: Home; page: PageLanguage }) {
  const { language } = page;
  const t = translator(language, "event");
  const tr = translator(language, "registration");
  const now = new Date();
  const series = event.series ? seriesLine(event.series, event.seriesNumber, language) : null;
  const cancelled = event.status === "cancelled";
  // Held: it has ended. Nothing is left to register for or to put in a calendar.
  const held = !cancelled && event.endsAt <= now;
  const venue = event.venue;
  const availability = await getRegistrationAvailability(event.id);
  const registrationState = registrationWindow(event, now);
  const registration = availability ? registrationStatusLine(event, availability, registrationState, now, home, language) : null;
  const topicLang = event.topic ? langOfText(event.topic.langOf.name, language) : undefined;

  return (
    <article className="mx-auto max-w-3xl space-y-10 lg:grid lg:max-w-6xl lg:grid-cols-[minmax(0,1fr)_24rem] lg:content-start lg:gap-x-12 lg:space-y-0 lg:[&>*]:col-start-1 lg:[&>*+*]:mt-10">
      <header className="space-y-2">
        {event.topic && (
          <p className="text-sm font-medium uppercase tracking-wide">
            <Link href={page.href(`/topics/${event.topic.slug}`)} lang={topicLang}>
              {event.topic.name}
            </Link>
          </p>
        )}
        <h1 className="text-3xl font-semibold text-brand-900" lang={langOfText(event.langOf.title, language)}>
          {event.title}
        </h1>
        {series && event.series && (
          <p className="text-lg text-slate-700">
            <Link href={page.href(`/series/${event.series.slug}`)}>{series}</Link>
          </p>
        )}
        {cancelled && (
          <div className="pt-2">
            <Alert tone="warning">
              <strong>{t("cancelled")}</strong>
            </Alert>
          </div>
        )}
        {held && (
          <div className="pt-2">
            <Alert tone="info">
              <strong>
                {t.rich("tookPlace", {
                  when: formatsFor(language).dualTime(event.startsAt, event.timeZone, home),
                  time: (chunks) => <time dateTime={event.startsAt.toISOString()}>{chunks}</time>,
                })}
              </strong>
            </Alert>
          </div>
        )}
      </header>

      <Section id="when-heading" title={t("whenWhere.heading")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <EventTimeTerms event={event} home={home} language={language} />
          {venue && (
            <>
              <dt className="font-medium text-slate-600">{t("whenWhere.venue")}</dt>
              <VenueAddress venue={venue} language={language} />
            </>
          )}
        </dl>
        {!cancelled && !held && (
          <p className="no-print">
            <a href={`/events/${event.slug}/calendar.ics`}>{t("whenWhere.addToCalendar")}</a>{" "}
            <span className="text-sm text-slate-600">{t("whenWhere.icsFile")}</span>
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
            {tr("heading")}
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
              language={language}
              categoriesLang={langOfText(page.defaultLanguage, language)}
              messages={messagesFor(language, "registration")}
              links={{ event: page.href(`/events/${event.slug}`), privacy: page.href("/privacy") }}
            />
          )}
        </section>
      )}

      {event.description && (
        <Section id="about-heading" title={t("about")}>
          <PlainText text={event.description} lang={langOfText(event.langOf.description, language)} />
        </Section>
      )}

      {event.agenda.length > 0 && (
        <Section id="agenda-heading" title={t("agenda.heading")}>
          <p className="text-sm text-slate-600">{t("agenda.timesLocal")}</p>
          <AgendaView items={event.agenda} timeZone={event.timeZone} language={language} />
        </Section>
      )}

      {event.speakers.length > 0 && (
        <Section id="speakers-heading" title={t("speakers.heading")}>
          <SpeakerList speakers={event.speakers} language={language} href={page.href} />
        </Section>
      )}

      <footer className="no-print border-t border-slate-200 pt-4">
        {event.topic ? (
          <Link href={page.href(`/topics/${event.topic.slug}`)}>
            {t.rich("backToTopic", { topic: event.topic.name, name: (chunks) => (topicLang ? <span lang={topicLang}>{chunks}</span> : chunks) })}
          </Link>
        ) : (
          <Link href={page.href("/")}>{t("backToAll")}</Link>
        )}
      </footer>
    </article>
  );
}
