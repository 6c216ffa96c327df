import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { connection } from "next/server";
import { cancelMyRegistration } from "@/app/(public)/registrations/[token]/actions";
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
import { hashManageToken } from "@/lib/registration/tokens";
import { formatLocalDate } from "@/lib/time";
import { EventTimeTerms } from "@/components/event-time-terms";
import { answerText } from "@/lib/validations/question-fields";
import { manageTokenSchema } from "@/lib/validations/registration";
import { buttonClassName } from "@/components/ui/button";
import { Section } from "@/components/ui/section";

// The address is a secret: search engines must not keep it, whoever shares it by mistake.
export const metadata: Metadata = { title: "Your registration", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ confirm?: string; cancelled?: string; refused?: string; erase?: string }>;
};

const REFUSED: Record<string, string> = {
  already_cancelled: "This registration was already cancelled.",
  checked_in: "You have already been checked in at the door, so this registration can no longer be cancelled.",
  event_cancelled: "The event itself has been cancelled, so there is nothing more to cancel.",
  past: "The event has already taken place, so the registration can no longer be cancelled.",
  declined: "The organizers declined this registration, so there is nothing to cancel.",
};

export default async function ManageRegistrationPage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, query, settings] = await Promise.all([params, searchParams, getSettings()]);
  if (!manageTokenSchema.safeParse({ token }).success) notFound();
  const found = await getManagedRegistration(hashManageToken(token));
  if (!found) notFound();

  const { registration: r, event, venue, waitlistPosition } = found;
  const now = new Date();
  const eventCancelled = event.status === "cancelled";
  const past = event.endsAt <= now;
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

  return (
    <article className="mx-auto max-w-2xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">Your registration</p>
        <h1 className="text-3xl font-semibold text-brand-900">
          <Link href={`/events/${event.slug}`} className="no-underline hover:underline">
            {event.title}
          </Link>
        </h1>
      </header>

      {query.cancelled === "1" && r.status === "cancelled" && (
        <Alert tone="success">Your registration is cancelled. We have sent you an email to confirm it.</Alert>
      )}
      {query.refused && REFUSED[query.refused] && <Alert tone="warning">{REFUSED[query.refused]}</Alert>}
      {eventCancelled && (
        <Alert tone="warning">
          <strong>This event has been cancelled.</strong>
        </Alert>
      )}

      <section aria-labelledby="status-heading" className="space-y-3 rounded-md border border-slate-200 p-5">
        <h2 id="status-heading" className="text-xl font-semibold text-brand-900">
          Status
        </h2>
        {r.status === "confirmed" && (
          <>
            <p className="text-lg">
              <strong>Confirmed:</strong> you have a seat.
              {r.checkedInAt && " You have been checked in. Welcome!"}
            </p>
            <div className="flex flex-wrap items-center gap-6">
              <div>
                <p className="text-sm text-slate-600">Your check-in code</p>
                <p className="font-mono text-3xl font-semibold tracking-widest">{formatCheckInCode(r.checkInCode)}</p>
                <p className="text-sm text-slate-600">Show it at the door, on paper or on your phone.</p>
              </div>
              {qr && (
                // A data URL made on the server: next/image has nothing to optimise here.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={qr} alt={`QR code of your check-in code, ${formatCheckInCode(r.checkInCode)}`} width={164} height={164} />
              )}
            </div>
          </>
        )}
        {r.status === "waitlisted" && (
          <p className="text-lg">
            <strong>On the waitlist{waitlistPosition ? `, number ${waitlistPosition}` : ""}.</strong> If a seat becomes free, it goes to
            the waitlist in order, and we will email you at once.
          </p>
        )}
        {r.status === "pending" && (
          <p className="text-lg">
            <strong>Awaiting approval:</strong> the organizers review every registration for this event, and yours is under
            review. No seat is held for you yet; we will email you as soon as they have decided.
          </p>
        )}
        {r.status === "declined" && (
          <p className="text-lg">
            <strong>Declined</strong>
            {r.declinedAt && <> on {formatLocalDate(r.declinedAt, event.timeZone)}</>}: the organizers could not accept this
            registration, so you have no seat at this event. If you think this is a mistake, please get in touch with the organizers.
          </p>
        )}
        {r.status === "cancelled" && (
          <p className="text-lg">
            <strong>Cancelled</strong>
            {r.cancelledAt && <> on {formatLocalDate(r.cancelledAt, event.timeZone)}</>}. You can register again on the{" "}
            <Link href={`/events/${event.slug}`}>event&apos;s page</Link> while registration is open.
          </p>
        )}
      </section>

      <Section id="details-heading" title="Details">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <EventTimeTerms event={event} home={home} />
          {venue?.name && (
            <>
              <dt className="font-medium text-slate-600">Venue</dt>
              <dd>{[venue.name, venue.address, venue.city, venue.country].filter(Boolean).join(", ")}</dd>
            </>
          )}
          <dt className="font-medium text-slate-600">Name</dt>
          <dd>{r.name}</dd>
          <dt className="font-medium text-slate-600">Email</dt>
          <dd>{r.email}</dd>
          {r.organization && (
            <>
              <dt className="font-medium text-slate-600">Organization</dt>
              <dd>{r.organization}</dd>
            </>
          )}
          {r.category && (
            <>
              <dt className="font-medium text-slate-600">Category</dt>
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
            <a href={`/events/${event.slug}/calendar.ics`}>Add to calendar</a>{" "}
            <span className="text-sm text-slate-600">(iCalendar file)</span>
          </p>
        )}
      </Section>

      {feedbackOpen(r, event, now) && <RegistrationFeedback token={token} registrationId={r.id} timeZone={event.timeZone} />}

      {cancellable && (
        <Section id="cancel-heading" title={request ? "Changed your mind?" : "Cannot come?"}>
          {confirming ? (
            <div
              role="group"
              aria-label={request ? "Confirm withdrawing your request" : "Confirm cancelling your registration"}
              className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4"
            >
              <p className="text-red-900">
                {request ? "Withdraw your request? The organizers will not review it. " : "Cancel your registration? "}
                {r.status === "confirmed" ? "Your seat goes to the next person on the waitlist. " : r.status === "waitlisted" ? "You leave the waitlist. " : ""}
                This cannot be undone; to come after all, you would register again.
              </p>
              <form action={cancelMyRegistration} className="flex flex-wrap items-center gap-3">
                <input type="hidden" name="token" value={token} />
                <RegistrationCancelButton label={request ? "Yes, withdraw my request" : undefined} />
                <Link href={`/registrations/${token}`} scroll={false}>
                  {request ? "Keep my request" : "Keep my registration"}
                </Link>
              </form>
            </div>
          ) : (
            <>
              <p>
                {request
                  ? "If you no longer wish to come, withdraw your request: the organizers will not need to review it."
                  : `Please cancel if you cannot come: ${r.status === "confirmed" ? "your seat goes to someone on the waitlist." : "you leave the waitlist."}`}
              </p>
              <Link
                href={`/registrations/${token}?confirm=1`}
                scroll={false}
                className={`${buttonClassName("danger")} no-underline hover:no-underline`}
              >
                {request ? "Withdraw my request" : "Cancel my registration"}
              </Link>
            </>
          )}
        </Section>
      )}

      <RegistrationErase
        token={token}
        cancels={cancellable && r.status !== "declined" ? (r.status === "confirmed" ? "seat" : "place") : null}
        unconfirmed={query.erase === "unconfirmed"}
      />
    </article>
  );
}
