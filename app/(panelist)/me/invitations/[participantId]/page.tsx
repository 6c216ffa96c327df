import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { seriesLine } from "@/lib/names";
import { seriesLine as seriesLineJa } from "@/lib/names-ja";
import { InvitationResponse } from "@/components/invitation-response";
import { EventTimeTerms, VenueAddress } from "@/components/event-time-terms";
import { formatsFor } from "@/lib/i18n/format";
import { PlainText } from "@/components/plain-text";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { getOwnInvitation, type OwnInvitation } from "@/db/queries/invitations";
import { getLanguageSettings, getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import type { Language } from "@/lib/i18n/languages";
import { inLanguage, langOfText } from "@/lib/i18n/localize";
import { messagesFor, translator, type Translator } from "@/lib/i18n/messages";
import { currentPanelistLanguage } from "@/lib/i18n/panelist";
import { localePath } from "@/lib/i18n/paths";
import { isUuid } from "@/lib/validations/common";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await currentPanelistLanguage(), "panelist")("invitation.metaTitle") };
}

type Props = { params: Promise<{ participantId: string }> };

function answerLine(invitation: OwnInvitation, homeZone: string, language: Language, t: Translator<"panelist">): string {
  const date = invitation.respondedAt ? formatsFor(language).localDate(invitation.respondedAt, homeZone) : null;
  switch (invitation.invitationStatus) {
    case "confirmed":
      return date ? t("invitation.acceptedOn", { date }) : t("invitation.accepted");
    case "declined":
      return date ? t("invitation.declinedOn", { date }) : t("invitation.declined");
    case "invited":
      return t("invitation.notAnswered");
    default:
      return t("invitation.noAnswerNeeded");
  }
}

/** One invitation, for its invitee only: anyone else (and any draft) gets "not found". */
export default async function InvitationPage({ params }: Props) {
  const { participantId } = await params;
  const me = await requireRole("panelist", `/me/invitations/${participantId}`);
  const invitation = isUuid(participantId) ? await getOwnInvitation(participantId, me.id) : undefined;
  if (!invitation) notFound();
  const [settings, { defaultLanguage }, language] = await Promise.all([getSettings(), getLanguageSettings(), currentPanelistLanguage()]);
  const t = translator(language, "panelist");
  const { event, venue: venueRecord } = invitation;
  const text = inLanguage(event, ["title", "description"], language, defaultLanguage);
  const seriesName = event.seriesName ? inLanguage({ name: event.seriesName, translations: event.seriesTranslations ?? {} }, ["name"], language, defaultLanguage) : null;
  const series = seriesName && (language === "ja" && seriesName.langOf.name === "ja" ? seriesLineJa : seriesLine)(seriesName.name, event.seriesNumber);
  const venue = venueRecord?.name
    ? inLanguage({ ...venueRecord, name: venueRecord.name, city: venueRecord.city ?? "", country: venueRecord.country ?? "", translations: venueRecord.translations ?? {} }, ["name", "address", "city", "country"], language, defaultLanguage)
    : null;
  const over = event.endsAt <= new Date();
  const cancelled = event.status === "cancelled";
  const canAnswer = invitation.invitationStatus !== "not_invited" && !over && !cancelled;

  return (
    <div className="space-y-8">
      <p>
        <Link href="/me">{t("invitation.back")}</Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-500">{t("invitation.kicker")}</p>
        <h1 className="text-2xl font-semibold text-brand-900" lang={langOfText(text.langOf.title, language)}>
          {text.title}
        </h1>
        {series && (
          <p className="text-slate-700" lang={langOfText(seriesName?.langOf.name, language)}>
            {series}
          </p>
        )}
      </header>

      {cancelled && <Alert tone="warning">{t("invitation.cancelled")}</Alert>}
      {over && !cancelled && <Alert tone="info">{t("invitation.over")}</Alert>}

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <EventTimeTerms event={event} home={{ zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel }} language={language} />
        {venue?.name && (
          <>
            <dt className="font-medium text-slate-600">{t("invitation.where")}</dt>
            <VenueAddress venue={{ name: venue.name, address: venue.address, city: venue.city ?? "", country: venue.country ?? "" }} />
          </>
        )}
        <dt className="font-medium text-slate-600">{t("invitation.yourRole")}</dt>
        <dd>{t("me.role", { role: invitation.role })}</dd>
        {invitation.positionAtEvent && (
          <>
            <dt className="font-medium text-slate-600">{t("invitation.listedAs")}</dt>
            <dd>{invitation.positionAtEvent}</dd>
          </>
        )}
        <dt className="font-medium text-slate-600">{t("invitation.yourAnswer")}</dt>
        <dd>{answerLine(invitation, settings.homeTimeZone, language, t)}</dd>
        {invitation.invitationMessage && (
          <>
            <dt className="font-medium text-slate-600">{t("invitation.yourMessage")}</dt>
            <dd className="whitespace-pre-line">{invitation.invitationMessage}</dd>
          </>
        )}
      </dl>

      {text.description && (
        <Section id="about-heading" title={t("invitation.about")}>
          <div lang={langOfText(text.langOf.description, language)}>
            <PlainText text={text.description} />
          </div>
        </Section>
      )}

      {canAnswer && (
        <InvitationResponse participantId={invitation.id} answered={invitation.invitationStatus !== "invited"} words={messagesFor(language, "panelist").invitation} />
      )}

      <p>
        <Link href={localePath(`/events/${event.slug}`, language, defaultLanguage)}>{t("invitation.publicPage")}</Link>
      </p>
    </div>
  );
}
