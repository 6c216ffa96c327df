import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { seriesLine } from "@/components/event-card";
import { PublicEventDetails } from "@/components/public-event-details";
import { PublicSummary } from "@/components/public-summary";
import { getPublicEvent } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { getPublishedSummary } from "@/db/queries/summaries";
import { appUrl } from "@/lib/env";
import { plainExcerpt } from "@/lib/markdown";
import { formatLocalDate } from "@/lib/time";

type Props = { params: Promise<{ slug: string }> };

// Rendered on the first request and then served from the cache. Changes that show on the page mark
// it stale at once (revalidatePath in the actions); the minute-long lifetime bounds what any other
// instance, or a time-based change such as registration opening, can serve that is out of date.
export const revalidate = 60;

// No event is rendered at build time (the database is not there then); each on first request.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getPublicEvent((await params).slug);
  if (!event) notFound();
  const published = await getPublishedSummary(event.id);
  if (published) {
    const { summary, photos } = published;
    const title = summary.title.trim() || event.title;
    const description = truncate(summary.lede?.trim() || plainExcerpt(summary.body), 200);
    const url = `${appUrl()}/events/${event.slug}`;
    const image = photos[0] && { url: `${appUrl()}/media/${photos[0].storageKey}`, width: photos[0].width, height: photos[0].height, alt: photos[0].altText ?? "" };
    return {
      title,
      description,
      alternates: { canonical: url },
      openGraph: { type: "article", title, description, url, publishedTime: summary.publishedAt?.toISOString(), images: image ? [image] : undefined },
      twitter: { card: image ? "summary_large_image" : "summary", title, description, images: image ? [image.url] : undefined },
    };
  }
  const title = event.status === "cancelled" ? `Cancelled: ${event.title}` : event.title;
  const about = event.description?.replace(/\s+/g, " ").trim();
  const fallback = [seriesLine(event.series?.name ?? null, event.seriesNumber), formatLocalDate(event.startsAt, event.timeZone)]
    .filter(Boolean)
    .join(", ");
  return { title, description: about ? truncate(about, 200) : fallback };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Before the event: its details and registration. After it, once staff publish it: the summary. */
export default async function EventPage({ params }: Props) {
  const { slug } = await params;
  const [event, settings] = await Promise.all([getPublicEvent(slug), getSettings()]);
  if (!event) notFound();

  const published = await getPublishedSummary(event.id);
  if (published) {
    return (
      <PublicSummary
        event={{ title: event.title, startsAt: event.startsAt, timeZone: event.timeZone, topic: event.topic }}
        summary={published.summary}
        photos={published.photos}
        references={published.references}
      />
    );
  }
  return <PublicEventDetails event={event} home={{ zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel }} />;
}
