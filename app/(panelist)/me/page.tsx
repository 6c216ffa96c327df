import type { Metadata } from "next";
import Link from "next/link";
import { EmailLanguageForm } from "@/components/email-language-form";
import { ProfileForm } from "@/components/profile-form";
import { ProfilePortrait } from "@/components/profile-portrait";
import { ProfilePreview } from "@/components/profile-preview";
import { ProfileTranslationForm } from "@/components/profile-translation-form";
import { ProfileWithdrawButton } from "@/components/profile-withdraw-button";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { EmptyState } from "@/components/ui/table";
import { listOwnEvents } from "@/db/queries/invitations";
import { getOwnEmailLanguage, getOwnProfileView, revisionFields, versionOf } from "@/db/queries/profiles";
import { getLanguageSettings, getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { mediaUrl } from "@/lib/storage";
import { formatsFor } from "@/lib/i18n/format";
import type { ParticipantRole } from "@/db/schema";
import type { InvitationStatus } from "@/lib/validations/participant";
import { NAME_ORDER_LABELS } from "@/lib/validations/person";
import type { Language } from "@/lib/i18n/languages";
import { inLanguage, langOfText } from "@/lib/i18n/localize";
import { messagesFor, translator, type Translator } from "@/lib/i18n/messages";
import { currentPanelistLanguage } from "@/lib/i18n/panelist";
import { localePath } from "@/lib/i18n/paths";
import {
  PROFILE_FIELDS,
  type ProfileField,
  TRANSLATED_PROFILE_FIELDS,
  type TranslatedProfileField,
} from "@/lib/validations/profile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await currentPanelistLanguage(), "panelist")("me.metaTitle") };
}

type Portrait = { id: string | null; key: string | null; alt: string | null; width: number | null; height: number | null } | null;

const portraitView = (p: Portrait) => (p?.id && p.key ? { id: p.id, url: mediaUrl(p.key), alt: p.alt, width: p.width, height: p.height } : null);

function fieldText(field: ProfileField, value: string | null, empty: string): string {
  if (field === "nameOrder") return NAME_ORDER_LABELS[value as keyof typeof NAME_ORDER_LABELS] ?? "—";
  return value?.trim() ? value : empty;
}

export default async function MePage() {
  const me = await requireRole("panelist", "/me");
  const [settings, { defaultLanguage, enabledLanguages }, language] = await Promise.all([getSettings(), getLanguageSettings(), currentPanelistLanguage()]);
  const [view, events, emailLanguage] = await Promise.all([getOwnProfileView(me.id, defaultLanguage), listOwnEvents(me.id), getOwnEmailLanguage(me.id)]);
  const t = translator(language, "panelist");
  const languageName = (l: Language) => t("languageName", { language: l });
  const otherLanguages = enabledLanguages.filter((l) => l !== defaultLanguage);
  const formWords = messagesFor(language, "panelist").form;
  const emailLanguageSection = enabledLanguages.length > 1 && (
    <Section id="email-language-heading" title={t("me.languageHeading")} className="space-y-3" headingClassName="text-xl font-semibold">
      <p className="text-sm text-slate-600">{t("me.languageIntro")}</p>
      <EmailLanguageForm languages={[defaultLanguage, ...otherLanguages]} defaultLanguage={defaultLanguage} current={emailLanguage} words={formWords} />
    </Section>
  );

  if (!view) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold text-brand-900">{t("me.heading")}</h1>
        <EmptyState title={t("me.noProfileTitle")}>{t("me.noProfile", { email: me.email })}</EmptyState>
        {emailLanguageSection}
      </div>
    );
  }

  const { person, pending, pendingTranslations, lastDecision, isPublic } = view;
  const now = new Date();
  const upcoming = events.filter((e) => e.event.endsAt > now);
  const past = events.filter((e) => e.event.endsAt <= now).reverse();
  const toAnswer = upcoming.filter((e) => e.invitationStatus === "invited" && e.event.status === "scheduled");
  const publicPortrait = portraitView(view.portrait);
  const pendingPortrait = pending ? portraitView(pending.portrait) : null;
  const changedFields = pending
    ? PROFILE_FIELDS.filter((f) => (pending.revision[f] ?? null) !== (person[f] ?? null))
    : [];
  const photoChanged = pending ? pending.revision.portraitId !== person.portraitId : false;
  const home = (d: Date) => formatsFor(language).localDate(d, settings.homeTimeZone);
  const homeClock = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const titled = <E extends { event: { slug: string; title: string; translations: EventItem["event"]["translations"] } }>(e: E) => {
    const text = inLanguage(e.event, ["title"], language, defaultLanguage);
    return { ...e, title: text.title ?? e.event.title, titleLang: langOfText(text.langOf.title, language), href: localePath(`/events/${e.event.slug}`, language, defaultLanguage) };
  };

  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold text-brand-900">{t("me.heading")}</h1>

      {toAnswer.length > 0 && (
        <Alert tone="warning">
          <p className="font-medium">{t("me.invitationWaits", { count: toAnswer.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {toAnswer.map(titled).map((e) => (
              <li key={e.participantId}>
                <Link href={`/me/invitations/${e.participantId}`}>{t("me.answerInvitation", { title: e.title })}</Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <Section id="events-heading" title={t("me.eventsHeading")} className="space-y-4" headingClassName="text-xl font-semibold">
        {events.length === 0 ? (
          <EmptyState title={t("me.noEventsTitle")}>{t("me.noEvents")}</EmptyState>
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            <EventList
              t={t}
              title={t("me.upcoming")}
              empty={t("me.upcomingEmpty")}
              items={upcoming.map(titled).map((e) => ({ ...e, when: formatsFor(language).dualTime(e.event.startsAt, e.event.timeZone, homeClock) }))}
            />
            <EventList t={t} title={t("me.past")} empty={t("me.pastEmpty")} items={past.map(titled).map((e) => ({ ...e, when: formatsFor(language).localDate(e.event.startsAt, e.event.timeZone) }))} />
          </div>
        )}
      </Section>

      <section aria-labelledby="public-heading" className="space-y-3">
        <p id="public-heading" className="text-sm font-medium uppercase tracking-wide text-slate-500">
          {t("me.publicHeading")}
        </p>
        <div className="rounded-lg border border-slate-200 p-5">
          <ProfilePreview profile={{ ...person, portrait: publicPortrait }} nameAs="h2" />
        </div>
        <p className="text-sm text-slate-600">
          {isPublic ? (
            <Link href={localePath(`/people/${person.slug}`, language, defaultLanguage)}>{t("me.openPublic")}</Link>
          ) : (
            t("me.notPublic")
          )}
        </p>
      </section>

      {lastDecision && (
        <Alert tone={lastDecision.status === "approved" ? "success" : "warning"}>
          {lastDecision.status === "approved"
            ? lastDecision.reviewedAt
              ? t("me.approvedOn", { date: home(lastDecision.reviewedAt) })
              : t("me.approved")
            : lastDecision.reviewedAt
              ? t("me.rejectedOn", { date: home(lastDecision.reviewedAt) })
              : t("me.rejected")}
          {lastDecision.note && (
            <span className="mt-1 block">
              {t("me.reviewerNote")} <q>{lastDecision.note}</q>
            </span>
          )}
        </Alert>
      )}

      <Section id="review-heading" title={t("me.reviewHeading")} headingClassName="text-xl font-semibold">
        {!pending ? (
          <p className="text-sm text-slate-600">{t("me.nothingWaiting")}</p>
        ) : (
          <div className="space-y-4 rounded-lg border border-amber-200 bg-amber-50 p-5">
            <p className="text-sm">
              {t("me.sentOn", { date: home(pending.revision.createdAt) })}
            </p>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              {changedFields.map((f) => (
                <div key={f} className="contents">
                  <dt className="font-medium text-slate-800">{t(`fields.${f}`)}</dt>
                  <dd className="whitespace-pre-line">{fieldText(f, pending.revision[f], t("me.empty"))}</dd>
                </div>
              ))}
              {photoChanged && (
                <div className="contents">
                  <dt className="font-medium text-slate-800">{t("me.photo")}</dt>
                  <dd>
                    {pendingPortrait ? (
                      <ProfilePortrait src={pendingPortrait.url} alt={pendingPortrait.alt ?? ""} width={pendingPortrait.width} height={pendingPortrait.height} className="w-24" />
                    ) : (
                      t("me.photoRemoved")
                    )}
                  </dd>
                </div>
              )}
              {changedFields.length === 0 && !photoChanged && (
                <div className="contents">
                  <dt className="font-medium text-slate-800">{t("me.photoDescription")}</dt>
                  <dd>{pendingPortrait?.alt ?? t("me.empty")}</dd>
                </div>
              )}
            </dl>
            <ProfileWithdrawButton revisionId={pending.revision.id} words={formWords} />
          </div>
        )}
      </Section>

      {otherLanguages.length > 0 && (
        <nav aria-label={t("me.eachLanguage")} className="text-sm">
          {t("me.editIn")} <a href="#edit-heading">{languageName(defaultLanguage)}</a>
          {otherLanguages.map((l) => (
            <span key={l}>
              {" · "}
              <a href={`#profile-${l}-heading`}>{languageName(l)}</a>
            </span>
          ))}
        </nav>
      )}

      <section aria-label={t("me.editRegion")}>
        <ProfileForm
          words={formWords}
          personId={person.id}
          initial={revisionFields(pending?.revision ?? person)}
          initialPortrait={pending ? pendingPortrait : publicPortrait}
        />
      </section>

      {otherLanguages.map((version) => {
        const waiting = pendingTranslations[version];
        const published = versionOf(person, version, defaultLanguage);
        const shown = waiting ? revisionFields(waiting) : published;
        const label = languageName(version);
        return (
          <Section key={version} id={`profile-${version}-heading`} title={t("me.inLanguageHeading", { language: label })} className="space-y-4" headingClassName="text-xl font-semibold">
            <p className="text-sm text-slate-600">{t("me.inLanguageIntro", { language: label, defaultLanguage: languageName(defaultLanguage) })}</p>
            {waiting && (
              <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
                <p>{t("me.inLanguageWaiting", { language: label, date: home(waiting.createdAt) })}</p>
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                  {TRANSLATED_PROFILE_FIELDS.filter((f) => (waiting[f] || null) !== (published[f] || null)).map((f) => (
                    <div key={f} className="contents">
                      <dt className="font-medium text-slate-800">{t(`fields.${f}`)}</dt>
                      <dd lang={langOfText(version, language)} className="whitespace-pre-line">
                        {waiting[f]?.trim() || t("me.empty")}
                      </dd>
                    </div>
                  ))}
                </dl>
                <ProfileWithdrawButton revisionId={waiting.id} words={formWords} />
              </div>
            )}
            <ProfileTranslationForm
              words={formWords}
              languageLabel={label}
              defaultLanguageLabel={languageName(defaultLanguage)}
              personId={person.id}
              language={version}
              initial={Object.fromEntries(TRANSLATED_PROFILE_FIELDS.map((f) => [f, shown[f]])) as Record<TranslatedProfileField, string | null>}
            />
          </Section>
        );
      })}

      {emailLanguageSection}
    </div>
  );
}

type EventItem = {
  participantId: string;
  role: ParticipantRole;
  invitationStatus: InvitationStatus;
  when: string;
  /** The event's title in the area's language, and the language it fell back to (if it did). */
  title: string;
  titleLang: Language | undefined;
  /** The event's public page in the area's language. */
  href: string;
  event: { slug: string; title: string; status: string; translations: Partial<Record<Language, { title?: string }>> };
};

function EventList({ t, title, empty, items }: { t: Translator<"panelist">; title: string; empty: string; items: EventItem[] }) {
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-3">
          {items.map((e) => (
            <li key={e.participantId} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-medium">
                <Link href={e.href} lang={e.titleLang}>
                  {e.title}
                </Link>
                {e.event.status === "cancelled" && <span className="text-red-800"> {t("me.cancelled")}</span>}
              </p>
              <p className="text-slate-700">{e.when}</p>
              <p className="text-slate-700">
                {t("me.roleLine", { role: t("me.role", { role: e.role }), status: t("me.invitationStatus", { status: e.invitationStatus }) })}
                {e.invitationStatus !== "not_invited" && (
                  <>
                    {" · "}
                    <Link href={`/me/invitations/${e.participantId}`}>
                      {e.invitationStatus === "invited" ? t("me.answer") : t("me.seeInvitation")}
                      <span className="sr-only"> {t("me.forEvent", { title: e.title })}</span>
                    </Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
