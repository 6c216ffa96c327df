import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/db/queries/feeds";
import { getLanguageSettings } from "@/db/queries/settings";
import { appUrl } from "@/lib/env";
import { localePath } from "@/lib/i18n/paths";

export const dynamic = "force-dynamic";

/**
 * Public pages only: drafts, topics and series without a public event, signed-in areas and registration
 * links never appear. Each page once, at its default-language address, with its addresses in the other
 * enabled languages as alternates (`<xhtml:link rel="alternate" hreflang>`).
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = appUrl();
  const [{ events, topics, series, people }, { defaultLanguage, enabledLanguages }] = await Promise.all([listSitemapEntries(), getLanguageSettings()]);
  const others = enabledLanguages.filter((l) => l !== defaultLanguage);
  const page = (path: string, entry: Omit<MetadataRoute.Sitemap[number], "url">): MetadataRoute.Sitemap[number] => ({
    url: `${base}${path}`,
    ...entry,
    ...(others.length > 0
      ? { alternates: { languages: Object.fromEntries([defaultLanguage, ...others].map((l) => [l, `${base}${localePath(path, l, defaultLanguage)}`])) } }
      : {}),
  });
  return [
    page("/", { changeFrequency: "daily", priority: 1 }),
    // The archive, unfiltered: its filtered variants are left out of search engines' indexes.
    page("/events", { changeFrequency: "daily", priority: 0.7 }),
    // Once its summary is published, an event's address redirects there: the sitemap lists where it lands.
    ...events.map((e) =>
      e.summaryUpdatedAt
        ? page(`/events/${e.slug}/summary`, { lastModified: e.summaryUpdatedAt, priority: 0.9 })
        : page(`/events/${e.slug}`, { lastModified: e.updatedAt, priority: 0.8 }),
    ),
    ...topics.map((t) => page(`/topics/${t.slug}`, { lastModified: t.updatedAt, priority: 0.6 })),
    ...series.map((s) => page(`/series/${s.slug}`, { lastModified: s.updatedAt, priority: 0.6 })),
    ...people.map((p) => page(`/people/${p.slug}`, { lastModified: p.updatedAt, priority: 0.4 })),
  ];
}
