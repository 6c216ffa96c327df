import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PublicSummary } from "@/components/public-summary";
import { getPublicEvent } from "@/db/queries/public";
import { getOrganization, getSettings } from "@/db/queries/settings";
import { getPublishedSummary, getSummaryEventTranslations } from "@/db/queries/published-summaries";
import { appUrl } from "@/lib/env";
import type { Language } from "@/lib/i18n/languages";
import { inLanguage } from "@/lib/i18n/localize";
import { type LangParams, pageLanguage } from "@/lib/i18n/page";
import { plainExcerpt } from "@/lib/markdown";
import { PAGE_TAGS, tagPage } from "@/lib/public-cache";

type Props = { params: Promise<{ slug: string } & LangParams> };

// A route of its own, so that the summary ships none of the event page's code (its registration form):
// it is plain HTML and the framework. Cached, and marked stale by the same actions as the event page
// (its tags, lib/public-cache.ts). The minute bounds how long a shared cache (a CDN) keeps a copy.
export const revalidate = 60;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

// Read once per request: the metadata and the page both need it. The summary comes in the page's
// language when that version is published, else in the default language's, marked with `lang`.
const load = cache(async (slug: string, language: Language) => {
  const event = await getPublicEvent(slug);
  await tagPage(event ? PAGE_TAGS.event(event.id) : PAGE_TAGS.missing());
  const published = event && (await getPublishedSummary(event.id, language));
  if (!event || !published) notFound();
  return { event, ...published };
});

const summaryPath = (slug: string) => `/events/${slug}/summary`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, page] = await Promise.all([params, pageLanguage(params)]);
  const { event, summary, photos, language, languages } = await load(slug, page.language);
  const title = summary.title.trim() || event.title;
  const excerpt = summary.lede?.trim() || plainExcerpt(summary.body);
  const description = excerpt.length > 200 ? `${excerpt.slice(0, 199).trimEnd()}…` : excerpt;
  // The address of the version shown: a language not yet published here points at the default's.
  const url = `${appUrl()}${page.href(summaryPath(event.slug), language)}`;
  const image = photos[0] && { url: `${appUrl()}/media/${photos[0].storageKey}`, width: photos[0].width, height: photos[0].height, alt: photos[0].altText ?? "" };
  return {
    title,
    description,
    alternates: {
      canonical: url,
      // Only the languages the summary is published in: the others would show the default's text.
      languages: languages.length > 1 ? Object.fromEntries(languages.map((l) => [l, `${appUrl()}${page.href(summaryPath(event.slug), l)}`])) : undefined,
    },
    openGraph: { type: "article", title, description, url, locale: language === "ja" ? "ja_JP" : "en_US", publishedTime: summary.publishedAt?.toISOString(), images: image ? [image] : undefined },
    twitter: { card: image ? "summary_large_image" : "summary", title, description, images: image ? [image.url] : undefined },
  };
}

/** The published summary of an event; a 404 until it is published and again once it is withdrawn. */
export default async function EventSummaryPage({ params }: Props) {
  const [{ slug }, page] = await Promise.all([params, pageLanguage(params)]);
  const { event, summary, photos, references, language, languages } = await load(slug, page.language);
  const [organization, settings, translations] = await Promise.all([getOrganization(), getSettings(), getSummaryEventTranslations(event.id)]);
  // The event's own records are in the page's language wherever they have a version in it, whichever
  // version of the summary is shown.
  const { language: pl, defaultLanguage: dl } = page;
  const eventText = inLanguage({ title: event.title, translations: translations.event }, ["title"], pl, dl);
  const topic = event.topic?.slug ? inLanguage({ name: event.topic.name, translations: translations.topic }, ["name"], pl, dl) : null;
  const venue = event.venue?.name ? inLanguage({ name: event.venue.name, city: event.venue.city, translations: translations.venue }, ["name", "city"], pl, dl) : null;
  return (
    <PublicSummary
      language={page.language}
      dataLanguage={page.defaultLanguage}
      href={(path) => page.href(path)}
      availableIn={languages.map((l) => ({ language: l, href: page.href(summaryPath(event.slug), l) }))}
      event={{
        title: eventText.title ?? event.title,
        langOf: eventText.langOf,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timeZone: event.timeZone,
        topic: topic && event.topic?.slug ? { slug: event.topic.slug, name: topic.name ?? event.topic.name ?? "", langOf: topic.langOf } : null,
        venue: venue ? { name: venue.name ?? "", city: venue.city, langOf: venue.langOf } : null,
      }}
      summary={summary}
      photos={photos}
      references={references}
      organization={{ ...organization, homeTimeZone: settings.homeTimeZone, homeTimeZoneLabel: settings.homeTimeZoneLabel ?? undefined }}
      url={`${appUrl()}${page.href(summaryPath(event.slug), language)}`}
    />
  );
}
