import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UpcomingAndPast } from "@/components/event-card-list";
import { Localized } from "@/components/localized-text";
import { PlainText } from "@/components/plain-text";
import { listMeetings } from "@/db/queries/archive";
import { getPublicSeries } from "@/db/queries/public";
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
const load = taggedLoader(getPublicSeries, PAGE_TAGS.series);

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const [page, series] = await Promise.all([pageLanguage(params), loadBySlug(load, params)]);
  const name = localized(series, "name", page.language, page.defaultLanguage)?.text ?? series.name;
  const description = localized(series, "description", page.language, page.defaultLanguage)?.text;
  const path = `/series/${series.slug}`;
  return {
    alternates: { ...subscribeAlternates(path, name, false, page.language), ...languageAlternates(page, path) },
    title: name,
    description: description?.replace(/\s+/g, " ").trim() || translator(page.language, "pages")("series.description", { name }),
  };
}

export default async function SeriesPage({ params }: SlugParams) {
  const { slug } = await params;
  const [page, series, settings] = await Promise.all([pageLanguage(params), load(slug), getSettings()]);
  if (!series) notFound();
  const t = translator(page.language, "pages");
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const meetings = await listMeetings({ seriesId: series.id });
  const name = localized(series, "name", page.language, page.defaultLanguage) ?? { text: series.name, lang: page.defaultLanguage };
  const description = localized(series, "description", page.language, page.defaultLanguage);
  const topicName = series.topic && localized(series.topic, "name", page.language, page.defaultLanguage);

  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-3">
        {series.topic && (
          <p className="text-sm font-medium uppercase tracking-wide">
            <Link href={page.href(`/topics/${series.topic.slug}`)}>
              <Localized text={topicName} pageLanguage={page.language} />
            </Link>
          </p>
        )}
        <h1 className="text-3xl font-semibold text-brand-900" lang={langAttribute(name, page.language)}>
          {name.text}
        </h1>
        <PlainText text={description?.text ?? null} className="text-slate-700" lang={langAttribute(description, page.language)} />
        <SubscribeLinks path={`/series/${series.slug}`} language={page.language} />
      </header>

      <UpcomingAndPast meetings={meetings} home={home} page={page} of="series" />

      <p className="no-print flex flex-wrap gap-x-6 gap-y-2">
        <Link href={page.href(archiveHref({ ...NO_FILTERS, series: series.slug }))}>{t("series.inArchive", { name: name.text })}</Link>
        {series.topic ? (
          <Link href={page.href(`/topics/${series.topic.slug}`)}>{t("series.backTo", { name: topicName?.text ?? series.topic.name })}</Link>
        ) : (
          <Link href={page.href("/")}>{t("series.backToAll")}</Link>
        )}
      </p>
    </div>
  );
}
