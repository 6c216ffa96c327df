import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackResults } from "@/components/feedback-results";
import { SummaryEditor } from "@/components/summary-editor";
import { SummaryPhotos } from "@/components/summary-photos";
import { SummaryPublishPanel } from "@/components/summary-publish-panel";
import { SummaryReferenceTranslations, SummaryReferences } from "@/components/summary-references";
import { ThankYouPanel } from "@/components/thank-you-panel";
import { getFeedbackResults } from "@/db/queries/feedback";
import { getSettings } from "@/db/queries/settings";
import { countCheckedIn } from "@/db/queries/check-in";
import { getSummary, listEventPhotos, listReferences, listSummaryRevisions } from "@/db/queries/summaries";
import { countThankYouAudiences, getThankYouSent } from "@/db/queries/thank-you";
import { defaultThankYouAudience } from "@/lib/after-event";
import { isLanguage, LANGUAGE_LABELS, type Language } from "@/lib/i18n/languages";
import { localePath } from "@/lib/i18n/paths";
import { isPublishedIn, summaryProblems, summaryVersion, translationProblems } from "@/lib/summary-publish";
import { formatStaffTime, homeClock } from "@/lib/time";
import { staffEventPage } from "../event";

export const metadata: Metadata = { title: "Summary" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ language?: string }> };

export default async function EventSummaryPage({ params, searchParams }: Props) {
  const { id, event } = await staffEventPage(params, "summary");
  const [settings, summary, photos, checkedIn, audiences, thankYouSent, feedback, query] = await Promise.all([
    getSettings(),
    getSummary(id),
    listEventPhotos(id),
    countCheckedIn(id),
    countThankYouAudiences(id),
    getThankYouSent(id),
    getFeedbackResults(id),
    searchParams,
  ]);
  const { defaultLanguage } = settings;
  const languages: Language[] = [defaultLanguage, ...settings.enabledLanguages.filter((l) => l !== defaultLanguage)];
  // Each language's version is edited on its own page (`?language=ja`): plain links, so the choice works
  // without JavaScript and from the keyboard, and a reload keeps it.
  const language = isLanguage(query.language) && languages.includes(query.language) ? query.language : defaultLanguage;
  const isDefault = language === defaultLanguage;
  const label = LANGUAGE_LABELS[language];

  const published = summary?.status === "published";
  const publishedHere = isPublishedIn(summary, language, defaultLanguage);
  const over = event.endsAt <= new Date();
  const problems = isDefault ? summaryProblems(summary, photos) : translationProblems(summary, language, defaultLanguage);
  const [revisions, references] = summary
    ? await Promise.all([listSummaryRevisions(summary.id, 50, isDefault ? null : language), listReferences(summary.id)])
    : [[], []];
  const version = summaryVersion(summary, language, defaultLanguage);
  const publishedAt = isDefault ? summary?.publishedAt : summary?.translationPublishedAt[language] ? new Date(summary.translationPublishedAt[language]!) : null;

  return (
    <div className="space-y-8">
      {languages.length > 1 && (
        <nav aria-label="Language of the summary" className="border-b border-slate-200">
          <ul className="flex flex-wrap gap-1">
            {languages.map((l) => (
              <li key={l}>
                <Link
                  href={l === defaultLanguage ? `/admin/events/${id}/summary` : `/admin/events/${id}/summary?language=${l}`}
                  aria-current={l === language ? "page" : undefined}
                  className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium no-underline ${l === language ? "border-brand-700 text-brand-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
                >
                  {LANGUAGE_LABELS[l]}
                  {l === defaultLanguage ? " (default)" : ""}
                  <span className="ml-1 text-xs font-normal text-slate-500">{isPublishedIn(summary, l, defaultLanguage) ? "published" : "not published"}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!isDefault && (
        <p className="text-sm text-slate-700">
          The {label} version of the summary. What it leaves empty, a photo&apos;s caption or a reference not translated, shows the {LANGUAGE_LABELS[defaultLanguage]} text
          instead. It is published on its own, once the {LANGUAGE_LABELS[defaultLanguage]} version is.
        </p>
      )}
      <SummaryPublishPanel
        key={`publish-${language}`}
        eventId={id}
        language={isDefault ? undefined : language}
        languageLabel={isDefault ? null : label}
        publicPath={localePath(`/events/${event.slug}/summary`, language, defaultLanguage)}
        published={publishedHere}
        publishedAt={publishedAt ? formatStaffTime(publishedAt, homeClock(settings)) : null}
        problems={event.status === "draft" ? ["Schedule the event first: a draft event has no public page.", ...problems] : problems}
      />
      {isDefault && event.status !== "cancelled" && (
        <ThankYouPanel
          eventId={id}
          stage={thankYouSent ? "sent" : !over ? "not_over" : !published ? "not_published" : "ready"}
          counts={audiences}
          defaultAudience={defaultThankYouAudience(audiences)}
          sent={thankYouSent ? { when: formatStaffTime(thankYouSent.sentAt, homeClock(settings)), audience: thankYouSent.audience, recipients: thankYouSent.recipients } : null}
        />
      )}
      <SummaryEditor
        key={`editor-${language}`}
        eventId={id}
        language={isDefault ? undefined : language}
        languageLabel={isDefault ? null : label}
        checkedIn={checkedIn}
        initial={{ ...version, attendanceCount: summary?.attendanceCount ?? null, updatedAt: summary?.updatedAt.toISOString() ?? "" }}
        revisions={revisions.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt.toISOString(), when: formatStaffTime(r.createdAt, homeClock(settings)) }))}
      />
      <SummaryPhotos
        key={`photos-${language}`}
        eventId={id}
        language={isDefault ? undefined : language}
        languageLabel={isDefault ? null : label}
        photos={photos.map((p) => ({
          ...p,
          caption: isDefault ? p.caption : (p.translations[language]?.caption ?? null),
          altText: isDefault ? p.altText : (p.translations[language]?.altText ?? null),
          fallback: isDefault ? null : { caption: p.caption, altText: p.altText },
        }))}
        published={published}
      />
      {isDefault ? (
        <SummaryReferences eventId={id} references={references} />
      ) : (
        <SummaryReferenceTranslations
          key={`references-${language}`}
          eventId={id}
          language={language}
          languageLabel={label}
          references={references.map((r) => ({ id: r.id, title: r.title, text: r.text, translated: r.translations[language] ?? {} }))}
        />
      )}
      {isDefault && ((over && event.status === "scheduled") || feedback.count > 0) && <FeedbackResults results={feedback} clock={homeClock(settings)} />}
    </div>
  );
}
