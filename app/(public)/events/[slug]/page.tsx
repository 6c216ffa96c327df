import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import type { Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage } from "@/lib/i18n/page";
import { publicEventIn } from "@/lib/i18n/public-event";
import * as namesEn from "@/lib/names";
import * as namesJa from "@/lib/names-ja";
import { PublicEventDetails } from "@/components/public-event-details";
import { getPublicEvent } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { getPublishedSummary } from "@/db/queries/published-summaries";
import { appUrl } from "@/lib/env";
import { PAGE_TAGS, taggedLoader } from "@/lib/public-cache";
import { loadBySlug, type SlugParams } from "@/lib/public-page";
import * as timeEn from "@/lib/time";
import * as timeJa from "@/lib/time-ja";

// Rendered on the first request and then served from the cache. Staff changes that show on the page
// mark it stale at once (its tags, lib/public-cache.ts). The five seconds are how old the seats left
// may be: registrations mark nothing, so a rush of them costs at most one render of the page per five
// seconds, in the background. They also bound time-based changes such as registration opening.
export const revalidate = 5;

export { generateStaticParams } from "@/lib/public-page";

// Read once per render (the metadata and the page both need it), and the page tagged with what it shows.
const load = taggedLoader(getPublicEvent, PAGE_TAGS.event);

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const [found, page] = await Promise.all([loadBySlug(load, params), pageLanguage(params)]);
  const event = publicEventIn(found, page.language, page.defaultLanguage);
  const t = translator(page.language, "event");
  const title = event.status === "cancelled" ? t("meta.cancelledTitle", { title: event.title }) : event.title;
  const about = event.description?.replace(/\s+/g, " ").trim();
  const [names, time] = page.language === "ja" ? [namesJa, timeJa] : [namesEn, timeEn];
  const fallback = [names.seriesLine(event.series?.name ?? null, event.seriesNumber), time.formatLocalDate(event.startsAt, event.timeZone)]
    .filter(Boolean)
    .join(page.language === "ja" ? "、" : ", ");
  // The Open Graph card (opengraph-image.tsx) is linked by absolute address: the site's, not localhost.
  const base = appUrl();
  const path = `/events/${event.slug}`;
  const at = (language: Language) => `${base}${page.href(path, language)}`;
  return {
    metadataBase: new URL(base),
    title,
    description: about ? truncate(about, 200) : fallback,
    alternates: {
      canonical: at(page.language),
      languages: { ...Object.fromEntries(page.languages.map((l) => [l, at(l)])), "x-default": at(page.defaultLanguage) },
    },
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Before the event: its details and registration, in the page's language. After it, once staff publish it: the summary. */
export default async function EventPage({ params }: SlugParams) {
  const { slug } = await params;
  const [event, settings, page] = await Promise.all([load(slug), getSettings(), pageLanguage(params)]);
  if (!event) notFound();

  // After the event, once staff publish it, the event's address leads to its summary.
  if (await getPublishedSummary(event.id)) redirect(page.href(`/events/${event.slug}/summary`));
  return (
    <PublicEventDetails
      event={publicEventIn(event, page.language, page.defaultLanguage)}
      home={{ zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel }}
      page={page}
    />
  );
}
