import Link from "next/link";
import type { ReactNode } from "react";
import type { Metadata } from "next";
import { EventCard } from "@/components/event-card";
import { summaryOf } from "@/components/event-card-list";
import { Localized } from "@/components/localized-text";
import { EmptyState } from "@/components/ui/table";
import { listRecentPastEvents } from "@/db/queries/archive";
import { listPublicUpcomingEvents, listTopics } from "@/db/queries/events";
import { listLatestSummaries } from "@/db/queries/published-summaries";
import { getSettings } from "@/db/queries/settings";
import { PAGE_TAGS, prerenderingAtBuild, tagPage } from "@/lib/public-cache";
import { formatsFor } from "@/lib/i18n/format";
import { langAttribute, langOfText, localized } from "@/lib/i18n/localize";
import { publishedText } from "@/lib/summary-publish";
import { languageAlternates } from "@/lib/i18n/metadata";
import { translator } from "@/lib/i18n/messages";
import { type LangParams, pageLanguage } from "@/lib/i18n/page";

// Served from the cache; marked stale by the staff actions that change it (lib/public-cache.ts). The
// minute bounds what changes with the clock alone: an event that has started leaves "Upcoming".
export const revalidate = 60;

type SectionProps = { id: string; title: string; isEmpty: boolean; emptyTitle: string; emptyText?: string; children: ReactNode; more?: ReactNode };

/** A part of the home page under its heading: its list, or a note when it has nothing; then `more`, such as links onward. */
function HomeSection({ id, title, isEmpty, emptyTitle, emptyText, children, more }: SectionProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-2xl font-semibold text-brand-900">
        {title}
      </h2>
      {isEmpty ? (
        <div className="mt-4">
          <EmptyState title={emptyTitle}>{emptyText}</EmptyState>
        </div>
      ) : (
        children
      )}
      {more}
    </section>
  );
}

type Props = { params: Promise<LangParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (prerenderingAtBuild()) return {};
  return { alternates: languageAlternates(await pageLanguage(params), "/") };
}

export default async function HomePage({ params }: Props) {
  if (prerenderingAtBuild()) return null;
  await tagPage(PAGE_TAGS.lists());
  const page = await pageLanguage(params);
  const t = translator(page.language, "pages");
  const formats = formatsFor(page.language);
  const [settings, upcoming, summaries, past, topics] = await Promise.all([
    getSettings(),
    listPublicUpcomingEvents(),
    listLatestSummaries(),
    listRecentPastEvents(),
    listTopics(),
  ]);
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };

  return (
    <div className="space-y-12">
      <section aria-labelledby="upcoming-heading">
        <h1 id="upcoming-heading" className="text-3xl font-semibold text-brand-900">
          {t("home.upcoming")}
        </h1>
        <p className="mt-1 text-slate-600">{settings.organizationName}</p>
        {upcoming.length === 0 ? (
          <div className="mt-6">
            <EmptyState title={t("home.noUpcoming")}>{t("home.noUpcomingText")}</EmptyState>
          </div>
        ) : (
          <ul className="mt-6 grid gap-4 md:grid-cols-2">
            {upcoming.map((event) => (
              <li key={event.id}>
                <EventCard event={event} home={home} page={page} level={2} />
              </li>
            ))}
          </ul>
        )}
        <p className="no-print mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href={page.href("/events?when=upcoming")}>{t("home.allUpcoming")}</Link>
          <span>
            <a href="/calendar.ics">{t("home.subscribe")}</a> <span className="text-slate-600">{t("home.subscribeNote")}</span>
          </span>
        </p>
      </section>

      <HomeSection id="summaries-heading" title={t("home.summaries")} isEmpty={summaries.length === 0} emptyTitle={t("home.noSummaries")} emptyText={t("home.noSummariesText")}>
        <ul className="mt-4 space-y-4">
          {summaries.map((s) => {
            // Each in the page's language once it is published in it; else the default language's, marked.
            const text = publishedText(s, page.language, page.defaultLanguage);
            const topic = s.topicName === null ? null : localized({ name: s.topicName, translations: s.topicTranslations ?? {} }, "name", page.language, page.defaultLanguage);
            return (
              <li key={s.eventSlug}>
                {topic && (
                  <p className="text-xs uppercase tracking-wide text-slate-500">
                    <Localized text={topic} pageLanguage={page.language} />
                  </p>
                )}
                <h3 className="font-semibold">
                  <Link href={page.href(`/events/${s.eventSlug}/summary`)}>
                    {text.title ? <span lang={langOfText(text.langOf.title, page.language)}>{text.title}</span> : t("home.summaryFallback")}
                  </Link>
                </h3>
                <p className="text-sm text-slate-600">
                  <time dateTime={s.startsAt.toISOString()}>{formats.localDate(s.startsAt, s.timeZone)}</time>
                </p>
                {text.lede && (
                  <p className="text-sm" lang={langOfText(text.langOf.lede, page.language)}>
                    {text.lede}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </HomeSection>

      <HomeSection
        id="past-heading"
        title={t("home.past")}
        isEmpty={past.length === 0}
        emptyTitle={t("home.noPast")}
        emptyText={t("home.noPastText")}
        more={
          <p className="no-print mt-4 text-sm">
            <Link href={page.href("/events?when=past")}>{t("home.allPast")}</Link>{" "}
            <span className="text-slate-600">{t.rich("home.orBrowse", { archive: (chunks) => <Link href={page.href("/events")}>{chunks}</Link> })}</span>
          </p>
        }
      >
        <p className="text-sm text-slate-600">{t("home.mostRecentFirst")}</p>
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {past.map((event) => (
            <li key={event.id}>
              <EventCard event={event} home={home} page={page} summary={summaryOf(event, page)} />
            </li>
          ))}
        </ul>
      </HomeSection>

      <HomeSection id="topics-heading" title={t("home.topics")} isEmpty={topics.length === 0} emptyTitle={t("home.noTopics")}>
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {topics.map((topic) => {
            const description = localized(topic, "description", page.language, page.defaultLanguage);
            return (
              <li key={topic.id} className="rounded-lg border border-slate-200 p-4">
                <h3 className="font-semibold">
                  <Link href={page.href(`/topics/${topic.slug}`)}>
                    <Localized text={localized(topic, "name", page.language, page.defaultLanguage)} pageLanguage={page.language} />
                  </Link>
                </h3>
                {description && (
                  <p className="mt-1 text-sm text-slate-600" lang={langAttribute(description, page.language)}>
                    {description.text}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </HomeSection>
    </div>
  );
}
