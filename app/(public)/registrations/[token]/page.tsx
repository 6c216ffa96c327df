import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { connection } from "next/server";
import { cancelMyRegistration } from "@/app/(public)/registrations/[token]/actions";
import { EventTimeTerms } from "@/components/event-time-terms";
import { formatsFor } from "@/lib/i18n/format";
import { RegistrationCancelButton } from "@/components/registration-cancel-button";
import { RegistrationFeedback } from "@/components/registration-feedback";
import { feedbackOpen } from "@/lib/after-event";
import { RegistrationErase } from "@/components/registration-erase";
import { Alert } from "@/components/ui/alert";
import { listQuestions } from "@/db/queries/event-questions";
import { getManagedRegistration } from "@/db/queries/public-registrations";
import { getSettings } from "@/db/queries/settings";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { checkInQrDataUrl } from "@/lib/email/attachments";
import { inLanguage, langOfText } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage, type LangParams } from "@/lib/i18n/page";
import { hashManageToken } from "@/lib/registration/tokens";
import { answerText } from "@/lib/validations/question-fields";
import { manageTokenSchema } from "@/lib/validations/registration";
import { buttonClassName } from "@/components/ui/button";
import { Section } from "@/components/ui/section";

type Props = {
  params: Promise<{ token: string } & LangParams>;
  searchParams: Promise<{ confirm?: string; cancelled?: string; refused?: string; erase?: string }>;
};

// The address is a secret: search engines must not keep it, whoever shares it by mistake.
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const page = await pageLanguage(params);
  return { title: translator(page.language, "manage")("manage.metaTitle"), robots: { index: false, follow: false } };
}

const REFUSALS = ["already_cancelled", "checked_in", "event_cancelled", "past", "declined"] as const;
const isRefusal = (reason: string | undefined): reason is (typeof REFUSALS)[number] => (REFUSALS as readonly (string | undefined)[]).includes(reason);

export default async function ManageRegistrationPage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, page, query, settings] = await Promise.all([params, pageLanguage(params), searchParams, getSettings()]);
  if (!manageTokenSchema.safeParse({ token }).success) notFound();
  const found = await getManagedRegistration(hashManageToken(token));
  if (!found) notFound();
  const t = translator(page.language, "manage");
  const { language, defaultLanguage } = page;

  const { registration: r, event: record, venue: venueRecord, waitlistPosition } = found;
  const event = { ...record, ...inLanguage(record, ["title"], language, defaultLanguage) };
  const venue = venueRecord?.name
    ? inLanguage({ ...venueRecord, name: venueRecord.name, translations: venueRecord.translations ?? {} }, ["name", "address", "city", "country"], language, defaultLanguage)
    : null;
  const now = new Date();
  const eventCancelled = record.status === "cancelled";
  const past = record.endsAt <= now;
  const active = r.status !== "cancelled" && r.status !== "declined";
  // A request under review is withdrawn the same way a registration is cancelled.
  const request = r.status === "pending";
  const cancellable = active && !eventCancelled && !past && !r.checkedInAt;
  const confirming = cancellable && query.confirm === "1";
  const [qr, questions] = await Promise.all([
    r.status === "confirmed" && !eventCancelled ? checkInQrDataUrl(r.checkInCode) : null,
    Object.keys(r.answers).length > 0 ? listQuestions(r.eventId) : [],
  ]);
  // The answers to the questions the form still asks, in its order.
  const answered = questions.filter((q) => r.answers[q.id] != null);
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const eventHref = page.href(`/events/${record.slug}`);
  const manageHref = page.href(`/registrations/${token}`);
  const day = (d: Date) => formatsFor(language).localDate(d, record.timeZone);
  const venueLang = venue ? langOfText(venue.langOf.name, language) : undefined;

  return (
    <article className="mx-auto max-w-2xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{t("manage.kicker")}</p>
        <h1 className="text-3xl font-semibold text-brand-900" lang={langOfText(event.langOf.title, language)}>
          <Link href={eventHref} className="no-underline hover:underline">
            {event.title}
          </Link>
        </h1>
      </header>

      {query.cancelled === "1" && r.status === "cancelled" && <Alert tone="success">{t("manage.cancelledAlert")}</Alert>}
      {isRefusal(query.refused) && <Alert tone="warning">{t(`manage.refused.${query.refused}`)}</Alert>}
      {eventCancelled && (
        <Alert tone="warning">
          <strong>{t("manage.eventCancelled")}</strong>
        </Alert>
      )}

      <section aria-labelledby="status-heading" className="space-y-3 rounded-md border border-slate-200 p-5">
        <h2 id="status-heading" className="text-xl font-semibold text-brand-900">
          {t("manage.statusHeading")}
        </h2>
        {r.status === "confirmed" && (
          <>
            <p className="text-lg">
              <strong>{t("manage.confirmedLead")}</strong> {t("manage.confirmedRest")}
              {r.checkedInAt && ` ${t("manage.checkedIn")}`}
            </p>
            <div className="flex flex-wrap items-center gap-6">
              <div>
                <p className="text-sm text-slate-600">{t("manage.checkInCode")}</p>
                <p className="font-mono text-3xl font-semibold tracking-widest">{formatCheckInCode(r.checkInCode)}</p>
                <p className="text-sm text-slate-600">{t("manage.checkInHint")}</p>
              </div>
              {qr && (
                // A data URL made on the server: next/image has nothing to optimise here.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={qr} alt={t("manage.qrAlt", { code: formatCheckInCode(r.checkInCode) })} width={164} height={164} />
              )}
            </div>
          </>
        )}
        {r.status === "waitlisted" && (
          <p className="text-lg">
            <strong>{waitlistPosition ? t("manage.waitlistedNumber", { position: waitlistPosition }) : t("manage.waitlisted")}</strong>{" "}
            {t("manage.waitlistedRest")}
          </p>
        )}
        {r.status === "pending" && (
          <p className="text-lg">
            <strong>{t("manage.pendingLead")}</strong> {t("manage.pendingRest")}
          </p>
        )}
        {r.status === "declined" && (
          <p className="text-lg">
            <strong>{t("manage.declinedLead")}</strong>
            {r.declinedAt && <>{language === "ja" ? "" : " "}{t("manage.declinedOn", { date: day(r.declinedAt) })}</>}
            {language === "ja" ? "：" : ": "}
            {t("manage.declinedRest")}
          </p>
        )}
        {r.status === "cancelled" && (
          <p className="text-lg">
            <strong>{t("manage.cancelledLead")}</strong>
            {r.cancelledAt && <>{language === "ja" ? "" : " "}{t("manage.cancelledOn", { date: day(r.cancelledAt) })}</>}
            {language === "ja" ? "。" : ". "}
            {t.rich("manage.cancelledRest", { link: (chunks) => <Link href={eventHref}>{chunks}</Link> })}
          </p>
        )}
      </section>

      <Section id="details-heading" title={t("manage.detailsHeading")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <EventTimeTerms event={record} home={home} language={language} />
          {venue?.name && (
            <>
              <dt className="font-medium text-slate-600">{t("manage.venue")}</dt>
              <dd lang={venueLang}>{[venue.name, venue.address, venue.city, venue.country].filter(Boolean).join(language === "ja" ? "、" : ", ")}</dd>
            </>
          )}
          <dt className="font-medium text-slate-600">{t("manage.name")}</dt>
          <dd>{r.name}</dd>
          <dt className="font-medium text-slate-600">{t("manage.email")}</dt>
          <dd>{r.email}</dd>
          {r.organization && (
            <>
              <dt className="font-medium text-slate-600">{t("manage.organization")}</dt>
              <dd>{r.organization}</dd>
            </>
          )}
          {r.category && (
            <>
              <dt className="font-medium text-slate-600">{t("manage.category")}</dt>
              <dd>{r.category}</dd>
            </>
          )}
          {answered.map((q) => (
            <Fragment key={q.id}>
              <dt className="font-medium text-slate-600">{q.label}</dt>
              <dd className="whitespace-pre-line">{answerText(r.answers[q.id])}</dd>
            </Fragment>
          ))}
        </dl>
        {active && !eventCancelled && (
          <p>
            <a href={`/events/${record.slug}/calendar.ics`}>{t("manage.addToCalendar")}</a>{" "}
            <span className="text-sm text-slate-600">{t("manage.calendarFile")}</span>
          </p>
        )}
      </Section>

      {feedbackOpen(r, record, now) && <RegistrationFeedback token={token} registrationId={r.id} timeZone={record.timeZone} language={language} />}

      {cancellable && (
        <Section id="cancel-heading" title={request ? t("manage.cancelHeadingRequest") : t("manage.cancelHeading")}>
          {confirming ? (
            <div
              role="group"
              aria-label={request ? t("manage.confirmGroupRequest") : t("manage.confirmGroup")}
              className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4"
            >
              <p className="text-red-900">
                {[
                  request ? t("manage.confirmQuestionRequest") : t("manage.confirmQuestion"),
                  r.status === "confirmed" ? t("manage.confirmSeat") : r.status === "waitlisted" ? t("manage.confirmWaitlist") : null,
                  t("manage.confirmFinal"),
                ]
                  .filter(Boolean)
                  .join(language === "ja" ? "" : " ")}
              </p>
              <form action={cancelMyRegistration} className="flex flex-wrap items-center gap-3">
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="lang" value={language} />
                <RegistrationCancelButton label={request ? t("manage.confirmButtonRequest") : t("manage.confirmButton")} />
                <Link href={manageHref} scroll={false}>
                  {request ? t("manage.keepRequest") : t("manage.keep")}
                </Link>
              </form>
            </div>
          ) : (
            <>
              <p>{request ? t("manage.askRequest") : r.status === "confirmed" ? t("manage.askSeat") : t("manage.askWaitlist")}</p>
              <Link href={`${manageHref}?confirm=1`} scroll={false} className={`${buttonClassName("danger")} no-underline hover:no-underline`}>
                {request ? t("manage.buttonRequest") : t("manage.button")}
              </Link>
            </>
          )}
        </Section>
      )}

      <RegistrationErase
        token={token}
        language={language}
        cancels={cancellable && r.status !== "declined" ? (r.status === "confirmed" ? "seat" : "place") : null}
        unconfirmed={query.erase === "unconfirmed"}
      />
    </article>
  );
}
