import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { seriesLine } from "@/lib/names";
import { EventTimeTerms, VenueAddress } from "@/components/event-time-terms";
import { InvitationResponse } from "@/components/invitation-response";
import { PlainText } from "@/components/plain-text";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { getOwnInvitation, type OwnInvitation } from "@/db/queries/invitations";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { formatLocalDate } from "@/lib/time";
import { isUuid } from "@/lib/validations/common";
import { PARTICIPANT_ROLE_LABELS } from "@/lib/validations/participant";

export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ participantId: string }> };

function answerLine(invitation: OwnInvitation, homeZone: string): string {
  const on = invitation.respondedAt ? ` on ${formatLocalDate(invitation.respondedAt, homeZone)}` : "";
  switch (invitation.invitationStatus) {
    case "confirmed":
      return `You accepted${on}.`;
    case "declined":
      return `You declined${on}.`;
    case "invited":
      return "You have not answered yet.";
    default:
      return "You are on the programme; no answer is needed.";
  }
}

/** One invitation, for its invitee only: anyone else (and any draft) gets "not found". */
export default async function InvitationPage({ params }: Props) {
  const { participantId } = await params;
  const me = await requireRole("panelist", `/me/invitations/${participantId}`);
  const invitation = isUuid(participantId) ? await getOwnInvitation(participantId, me.id) : undefined;
  if (!invitation) notFound();
  const settings = await getSettings();
  const { event, venue } = invitation;
  const series = seriesLine(event.seriesName, event.seriesNumber);
  const over = event.endsAt <= new Date();
  const cancelled = event.status === "cancelled";
  const canAnswer = invitation.invitationStatus !== "not_invited" && !over && !cancelled;

  return (
    <div className="space-y-8">
      <p>
        <Link href="/me">← My profile</Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-500">Invitation</p>
        <h1 className="text-2xl font-semibold text-brand-900">{event.title}</h1>
        {series && <p className="text-slate-700">{series}</p>}
      </header>

      {cancelled && <Alert tone="warning">This event has been cancelled.</Alert>}
      {over && !cancelled && <Alert tone="info">This event is over.</Alert>}

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <EventTimeTerms event={event} home={{ zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel }} />
        {venue?.name && (
          <>
            <dt className="font-medium text-slate-600">Where</dt>
            <VenueAddress venue={venue} />
          </>
        )}
        <dt className="font-medium text-slate-600">Your role</dt>
        <dd>{PARTICIPANT_ROLE_LABELS[invitation.role]}</dd>
        {invitation.positionAtEvent && (
          <>
            <dt className="font-medium text-slate-600">Listed as</dt>
            <dd>{invitation.positionAtEvent}</dd>
          </>
        )}
        <dt className="font-medium text-slate-600">Your answer</dt>
        <dd>{answerLine(invitation, settings.homeTimeZone)}</dd>
        {invitation.invitationMessage && (
          <>
            <dt className="font-medium text-slate-600">Your message</dt>
            <dd className="whitespace-pre-line">{invitation.invitationMessage}</dd>
          </>
        )}
      </dl>

      {event.description && (
        <Section id="about-heading" title="About the event">
          <PlainText text={event.description} />
        </Section>
      )}

      {canAnswer && <InvitationResponse participantId={invitation.id} answered={invitation.invitationStatus !== "invited"} />}

      <p>
        <Link href={`/events/${event.slug}`}>The event&apos;s public page</Link>
      </p>
    </div>
  );
}
