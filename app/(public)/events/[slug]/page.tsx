import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { seriesLine } from "@/lib/names";
import { PublicEventDetails } from "@/components/public-event-details";
import { getPublicEvent } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { getPublishedSummary } from "@/db/queries/published-summaries";
import { appUrl } from "@/lib/env";
import { PAGE_TAGS, taggedLoader } from "@/lib/public-cache";
import { loadBySlug, type SlugParams } from "@/lib/public-page";
import { formatLocalDate } from "@/lib/time";

// Rendered on the first request and then served from the cache. Staff changes that show on the page
// mark it stale at once (its tags, lib/public-cache.ts). The five seconds are how old the seats left
// may be: registrations mark nothing, so a rush of them costs at most one render of the page per five
// seconds, in the background. They also bound time-based changes such as registration opening.
export const revalidate = 5;

export { generateStaticParams } from "@/lib/public-page";

// Read once per render (the metadata and the page both need it), and the page tagged with what it shows.
const load = taggedLoader(getPublicEvent, PAGE_TAGS.event);

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const event = await loadBySlug(load, params);
  const title = event.status === "cancelled" ? `Cancelled: ${event.title}` : event.title;
  const about = event.description?.replace(/\s+/g, " ").trim();
  const fallback = [seriesLine(event.series?.name ?? null, event.seriesNumber), formatLocalDate(event.startsAt, event.timeZone)]
    .filter(Boolean)
    .join(", ");
  // The Open Graph card (opengraph-image.tsx) is linked by absolute address: the site's, not localhost.
  return { metadataBase: new URL(appUrl()), title, description: about ? truncate(about, 200) : fallback };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Before the event: its details and registration. After it, once staff publish it: the summary. */
export default async function EventPage({ params }: SlugParams) {
  const { slug } = await params;
  const [event, settings] = await Promise.all([load(slug), getSettings()]);
  if (!event) notFound();

  // After the event, once staff publish it, the event's address leads to its summary.
  if (await getPublishedSummary(event.id)) redirect(`/events/${event.slug}/summary`);
  return <PublicEventDetails event={event} home={{ zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel }} />;
}
