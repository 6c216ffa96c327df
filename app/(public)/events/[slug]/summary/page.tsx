import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PublicSummary } from "@/components/public-summary";
import { getPublicEvent } from "@/db/queries/public";
import { getOrganization, getSettings } from "@/db/queries/settings";
import { getPublishedSummary } from "@/db/queries/published-summaries";
import { appUrl } from "@/lib/env";
import { plainExcerpt } from "@/lib/markdown";
import { PAGE_TAGS, tagPage } from "@/lib/public-cache";

type Props = { params: Promise<{ slug: string }> };

// A route of its own, so that the summary ships none of the event page's code (its registration form):
// it is plain HTML and the framework. Cached, and marked stale by the same actions as the event page
// (its tags, lib/public-cache.ts). The minute bounds how long a shared cache (a CDN) keeps a copy.
export const revalidate = 60;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

// Read once per request: the metadata and the page both need it.
const load = cache(async (slug: string) => {
  const event = await getPublicEvent(slug);
  await tagPage(event ? PAGE_TAGS.event(event.id) : PAGE_TAGS.missing());
  const published = event && (await getPublishedSummary(event.id));
  if (!event || !published) notFound();
  return { event, ...published };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { event, summary, photos } = await load((await params).slug);
  const title = summary.title.trim() || event.title;
  const excerpt = summary.lede?.trim() || plainExcerpt(summary.body);
  const description = excerpt.length > 200 ? `${excerpt.slice(0, 199).trimEnd()}…` : excerpt;
  const url = `${appUrl()}/events/${event.slug}/summary`;
  const image = photos[0] && { url: `${appUrl()}/media/${photos[0].storageKey}`, width: photos[0].width, height: photos[0].height, alt: photos[0].altText ?? "" };
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", title, description, url, publishedTime: summary.publishedAt?.toISOString(), images: image ? [image] : undefined },
    twitter: { card: image ? "summary_large_image" : "summary", title, description, images: image ? [image.url] : undefined },
  };
}

/** The published summary of an event; a 404 until it is published and again once it is withdrawn. */
export default async function EventSummaryPage({ params }: Props) {
  const { event, summary, photos, references } = await load((await params).slug);
  const [organization, settings] = await Promise.all([getOrganization(), getSettings()]);
  return (
    <PublicSummary
      event={{ title: event.title, startsAt: event.startsAt, timeZone: event.timeZone, topic: event.topic, venue: event.venue?.name ? event.venue : null }}
      summary={summary}
      photos={photos}
      references={references}
      organization={{ ...organization, homeTimeZone: settings.homeTimeZone }}
      url={`${appUrl()}/events/${event.slug}/summary`}
    />
  );
}
