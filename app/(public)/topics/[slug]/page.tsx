import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UpcomingAndPast } from "@/components/event-card-list";
import { Localized } from "@/components/localized-text";
import { PlainText } from "@/components/plain-text";
import { listMeetings } from "@/db/queries/archive";
import { getPublicTopic } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { archiveHref, NO_FILTERS } from "@/lib/archive-filters";
import { SubscribeLinks, subscribeAlternates } from "@/components/subscribe-links";
import { langAttribute, localized } from "@/lib/i18n/localize";
import { languageAlternates } from "@/lib/i18n/metadata";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage } from "@/lib/i18n/page";
import { PAGE_TAGS, taggedLoader } from "@/lib/public-cache";
import { loadBySlug, type SlugParams } from "@/lib/public-page";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone (upcoming becoming past).
export const revalidate = 60;

export { generateStaticParams } from "@/lib/public-page";

// Read once per render (the metadata and the page both need it), and the page tagged with what it shows.
const load = taggedLoader(getPublicTopic, PAGE_TAGS.topic);

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const [page, topic] = await Promise.all([pageLanguage(params), loadBySlug(load, params)]);
  const name = localized(topic, "name", page.language, page.defaultLanguage)?.text ?? topic.name;
  const description = localized(topic, "description", page.language, page.defaultLanguage)?.text;
  const path = `/topics/${topic.slug}`;
  return {
    alternates: { ...subscribeAlternates(path, name, true, page.language, page.href(`${path}/feed.xml`)), ...languageAlternates(page, path) },
    title: name,
    description: description?.replace(/\s+/g, " ").trim() || translator(page.language, "pages")("topic.description", { name }),
  };
}

export default async function TopicPage({ params }: SlugParams) {
  const { slug } = await params;
  const [page, topic, settings] = await Promise.all([pageLanguage(params), load(slug), getSettings()]);
  if (!topic) notFound();
  const t = translator(page.language, "pages");
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const meetings = await listMeetings({ topicId: topic.id });
  const name = localized(topic, "name", page.language, page.defaultLanguage) ?? { text: topic.name, lang: page.defaultLanguage };
  const description = localized(topic, "description", page.language, page.defaultLanguage);

  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-3">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-500">{t("topic.kicker")}</p>
        <h1 className="text-3xl font-semibold text-brand-900" lang={langAttribute(name, page.language)}>
          {name.text}
        </h1>
        <PlainText text={description?.text ?? null} className="text-slate-700" lang={langAttribute(description, page.language)} />
        <SubscribeLinks path={`/topics/${topic.slug}`} feed language={page.language} feedPath={page.href(`/topics/${topic.slug}/feed.xml`)} />
      </header>

      {topic.series.length > 0 && (
        <section aria-labelledby="series-heading" className="space-y-4">
          <h2 id="series-heading" className="text-2xl font-semibold text-brand-900">
            {t("topic.series")}
          </h2>
          <ul className="space-y-2">
            {topic.series.map((s) => {
              const seriesDescription = localized(s, "description", page.language, page.defaultLanguage);
              return (
                <li key={s.slug}>
                  <Link href={page.href(`/series/${s.slug}`)} className="font-semibold">
                    <Localized text={localized(s, "name", page.language, page.defaultLanguage)} pageLanguage={page.language} />
                  </Link>
                  {seriesDescription && (
                    <p className="text-sm text-slate-600" lang={langAttribute(seriesDescription, page.language)}>
                      {seriesDescription.text}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <UpcomingAndPast meetings={meetings} home={home} page={page} of="topic" />

      <p className="no-print flex flex-wrap gap-x-6 gap-y-2">
        <Link href={page.href(archiveHref({ ...NO_FILTERS, topic: topic.slug }))}>{t("topic.inArchive", { name: name.text })}</Link>
        <Link href={page.href("/")}>{t("topic.home")}</Link>
      </p>
    </div>
  );
}
