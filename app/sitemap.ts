import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/db/queries/feeds";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Public pages only: drafts, topics and series without a public event, signed-in areas and registration
 * links never appear.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = appUrl();
  const { events, topics, series, people } = await listSitemapEntries();
  return [
    { url: `${base}/`, changeFrequency: "daily", priority: 1 },
    // The archive, unfiltered: its filtered variants are left out of search engines' indexes.
    { url: `${base}/events`, changeFrequency: "daily", priority: 0.7 },
    // Once its summary is published, an event's address redirects there: the sitemap lists where it lands.
    ...events.map((e) =>
      e.summaryUpdatedAt
        ? { url: `${base}/events/${e.slug}/summary`, lastModified: e.summaryUpdatedAt, priority: 0.9 }
        : { url: `${base}/events/${e.slug}`, lastModified: e.updatedAt, priority: 0.8 },
    ),
    ...topics.map((t) => ({ url: `${base}/topics/${t.slug}`, lastModified: t.updatedAt, priority: 0.6 })),
    ...series.map((s) => ({ url: `${base}/series/${s.slug}`, lastModified: s.updatedAt, priority: 0.6 })),
    ...people.map((p) => ({ url: `${base}/people/${p.slug}`, lastModified: p.updatedAt, priority: 0.4 })),
  ];
}
