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
import { formatDualTime, formatLocalDate } from "@/lib/time";
import { INVITATION_STATUS_LABELS, PARTICIPANT_ROLE_LABELS } from "@/lib/validations/participant";
import { NAME_ORDER_LABELS } from "@/lib/validations/person";
import { LANGUAGE_LABELS } from "@/lib/i18n/languages";
import {
  PROFILE_FIELD_LABELS,
  PROFILE_FIELDS,
  type ProfileField,
  TRANSLATED_PROFILE_FIELDS,
  type TranslatedProfileField,
} from "@/lib/validations/profile";

export const metadata: Metadata = { title: "My profile" };

type Portrait = { id: string | null; key: string | null; alt: string | null; width: number | null; height: number | null } | null;

const portraitView = (p: Portrait) => (p?.id && p.key ? { id: p.id, url: mediaUrl(p.key), alt: p.alt, width: p.width, height: p.height } : null);

function fieldText(field: ProfileField, value: string | null): string {
  if (field === "nameOrder") return NAME_ORDER_LABELS[value as keyof typeof NAME_ORDER_LABELS] ?? "—";
  return value?.trim() ? value : "(empty)";
}

export default async function MePage() {
  const me = await requireRole("panelist", "/me");
  const settings = await getSettings();
  const { defaultLanguage, enabledLanguages } = await getLanguageSettings();
  const [view, events, emailLanguage] = await Promise.all([getOwnProfileView(me.id, defaultLanguage), listOwnEvents(me.id), getOwnEmailLanguage(me.id)]);
  const otherLanguages = enabledLanguages.filter((l) => l !== defaultLanguage);
  const emailLanguageSection = enabledLanguages.length > 1 && (
    <Section id="email-language-heading" title="Email language" className="space-y-3" headingClassName="text-xl font-semibold">
      <p className="text-sm text-slate-600">The language of the emails we send you.</p>
      <EmailLanguageForm languages={[defaultLanguage, ...otherLanguages]} defaultLanguage={defaultLanguage} current={emailLanguage} />
    </Section>
  );

  if (!view) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold text-brand-900">My profile</h1>
        <EmptyState title="No profile is linked to your account yet">
          Your account ({me.email}) is not linked to a speaker profile. Staff link it when they invite you to an event; if you
          expected an invitation, write to the organizers.
        </EmptyState>
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
  const home = (d: Date) => formatLocalDate(d, settings.homeTimeZone);

  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold text-brand-900">My profile</h1>

      {toAnswer.length > 0 && (
        <Alert tone="warning">
          <p className="font-medium">{toAnswer.length === 1 ? "An invitation waits for your answer:" : "Invitations wait for your answer:"}</p>
          <ul className="mt-1 list-disc pl-5">
            {toAnswer.map((e) => (
              <li key={e.participantId}>
                <Link href={`/me/invitations/${e.participantId}`}>Answer the invitation to {e.event.title}</Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <Section id="events-heading" title="Your events" className="space-y-4" headingClassName="text-xl font-semibold">
        {events.length === 0 ? (
          <EmptyState title="No events yet">When staff add you to an event, it appears here.</EmptyState>
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            <EventList
              title="Upcoming"
              empty="Nothing coming up."
              items={upcoming.map((e) => ({ ...e, when: formatDualTime(e.event.startsAt, e.event.timeZone, settings.homeTimeZone, settings.homeTimeZoneLabel) }))}
            />
            <EventList title="Past" empty="No past events." items={past.map((e) => ({ ...e, when: formatLocalDate(e.event.startsAt, e.event.timeZone) }))} />
          </div>
        )}
      </Section>

      <section aria-labelledby="public-heading" className="space-y-3">
        <p id="public-heading" className="text-sm font-medium uppercase tracking-wide text-slate-500">
          Your public profile, as it reads now
        </p>
        <div className="rounded-lg border border-slate-200 p-5">
          <ProfilePreview profile={{ ...person, portrait: publicPortrait }} nameAs="h2" />
        </div>
        <p className="text-sm text-slate-600">
          {isPublic ? (
            <Link href={`/people/${person.slug}`}>Open your public page</Link>
          ) : (
            "Your page becomes public once you take part in a published event."
          )}
        </p>
      </section>

      {lastDecision && (
        <Alert tone={lastDecision.status === "approved" ? "success" : "warning"}>
          {lastDecision.status === "approved"
            ? `Staff approved your last changes${lastDecision.reviewedAt ? ` on ${home(lastDecision.reviewedAt)}` : ""}.`
            : `Staff did not approve your last changes${lastDecision.reviewedAt ? ` (${home(lastDecision.reviewedAt)})` : ""}.`}
          {lastDecision.note && (
            <span className="mt-1 block">
              Note from the reviewer: <q>{lastDecision.note}</q>
            </span>
          )}
        </Alert>
      )}

      <Section id="review-heading" title="Waiting for review" headingClassName="text-xl font-semibold">
        {!pending ? (
          <p className="text-sm text-slate-600">Nothing. Changes you send below wait here until staff review them.</p>
        ) : (
          <div className="space-y-4 rounded-lg border border-amber-200 bg-amber-50 p-5">
            <p className="text-sm">
              Sent on {home(pending.revision.createdAt)}. The public sees your profile as above until staff approve these changes.
            </p>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              {changedFields.map((f) => (
                <div key={f} className="contents">
                  <dt className="font-medium text-slate-800">{PROFILE_FIELD_LABELS[f]}</dt>
                  <dd className="whitespace-pre-line">{fieldText(f, pending.revision[f])}</dd>
                </div>
              ))}
              {photoChanged && (
                <div className="contents">
                  <dt className="font-medium text-slate-800">Photo</dt>
                  <dd>
                    {pendingPortrait ? (
                      <ProfilePortrait src={pendingPortrait.url} alt={pendingPortrait.alt ?? ""} width={pendingPortrait.width} height={pendingPortrait.height} className="w-24" />
                    ) : (
                      "Removed"
                    )}
                  </dd>
                </div>
              )}
              {changedFields.length === 0 && !photoChanged && (
                <div className="contents">
                  <dt className="font-medium text-slate-800">Photo description</dt>
                  <dd>{pendingPortrait?.alt ?? "(empty)"}</dd>
                </div>
              )}
            </dl>
            <ProfileWithdrawButton revisionId={pending.revision.id} />
          </div>
        )}
      </Section>

      {otherLanguages.length > 0 && (
        <nav aria-label="Your profile in each language" className="text-sm">
          Edit your profile in: <a href="#edit-heading">{LANGUAGE_LABELS[defaultLanguage]}</a>
          {otherLanguages.map((l) => (
            <span key={l}>
              {" · "}
              <a href={`#profile-${l}-heading`}>{LANGUAGE_LABELS[l]}</a>
            </span>
          ))}
        </nav>
      )}

      <section aria-label="Edit your profile">
        <ProfileForm
          personId={person.id}
          initial={revisionFields(pending?.revision ?? person)}
          initialPortrait={pending ? pendingPortrait : publicPortrait}
        />
      </section>

      {otherLanguages.map((language) => {
        const waiting = pendingTranslations[language];
        const published = versionOf(person, language, defaultLanguage);
        const shown = waiting ? revisionFields(waiting) : published;
        const label = LANGUAGE_LABELS[language];
        return (
          <Section key={language} id={`profile-${language}-heading`} title={`Your profile in ${label}`} className="space-y-4" headingClassName="text-xl font-semibold">
            <p className="text-sm text-slate-600">
              How your profile reads on the {label} pages. A field left empty shows the {LANGUAGE_LABELS[defaultLanguage]} version. Staff review
              each language&apos;s changes on their own.
            </p>
            {waiting && (
              <div className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
                <p>
                  Your {label} changes sent on {home(waiting.createdAt)} wait for review:
                </p>
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                  {TRANSLATED_PROFILE_FIELDS.filter((f) => (waiting[f] || null) !== (published[f] || null)).map((f) => (
                    <div key={f} className="contents">
                      <dt className="font-medium text-slate-800">{PROFILE_FIELD_LABELS[f]}</dt>
                      <dd lang={language} className="whitespace-pre-line">
                        {waiting[f]?.trim() || "(empty)"}
                      </dd>
                    </div>
                  ))}
                </dl>
                <ProfileWithdrawButton revisionId={waiting.id} />
              </div>
            )}
            <ProfileTranslationForm
              personId={person.id}
              language={language}
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
  role: keyof typeof PARTICIPANT_ROLE_LABELS;
  invitationStatus: keyof typeof INVITATION_STATUS_LABELS;
  when: string;
  event: { slug: string; title: string; status: string };
};

function EventList({ title, empty, items }: { title: string; empty: string; items: EventItem[] }) {
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
                <Link href={`/events/${e.event.slug}`}>{e.event.title}</Link>
                {e.event.status === "cancelled" && <span className="text-red-800"> (cancelled)</span>}
              </p>
              <p className="text-slate-700">{e.when}</p>
              <p className="text-slate-700">
                {PARTICIPANT_ROLE_LABELS[e.role]} · Invitation: {INVITATION_STATUS_LABELS[e.invitationStatus]}
                {e.invitationStatus !== "not_invited" && (
                  <>
                    {" · "}
                    <Link href={`/me/invitations/${e.participantId}`}>
                      {e.invitationStatus === "invited" ? "Answer" : "See the invitation"}
                      <span className="sr-only"> for {e.event.title}</span>
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
