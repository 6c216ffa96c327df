/**
 * The public archive's filters as they travel in a URL: `/events?topic=…&series=…&year=…&when=…&page=…`.
 * Reading is forgiving: a value the archive does not know (an old bookmark, a hand-edited address) is
 * dropped rather than refused, so every address shows a page.
 */

export const ARCHIVE_WHEN = ["all", "upcoming", "past"] as const;
export type ArchiveWhen = (typeof ARCHIVE_WHEN)[number];

export type ArchiveFilters = { topic: string | null; series: string | null; year: number | null; when: ArchiveWhen };

/** What the filters can choose from: the slugs and years that have public events. */
export type ArchiveChoices = { topics: readonly string[]; series: readonly string[]; years: readonly number[] };

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? "").trim();

export const NO_FILTERS: ArchiveFilters = { topic: null, series: null, year: null, when: "all" };

export function readArchiveFilters(params: Params, choices: ArchiveChoices): ArchiveFilters {
  const topic = first(params.topic);
  const seriesSlug = first(params.series);
  const yearText = first(params.year);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const when = first(params.when);
  return {
    topic: choices.topics.includes(topic) ? topic : null,
    series: choices.series.includes(seriesSlug) ? seriesSlug : null,
    year: year !== null && choices.years.includes(year) ? year : null,
    when: (ARCHIVE_WHEN as readonly string[]).includes(when) ? (when as ArchiveWhen) : "all",
  };
}

/** A 1-based page number; anything else is the first page. */
export function readArchivePage(params: Params): number {
  const text = first(params.page);
  const n = /^\d{1,6}$/.test(text) ? Number(text) : 1;
  return n > 0 ? n : 1;
}

export const hasArchiveFilters = (f: ArchiveFilters) => f.topic !== null || f.series !== null || f.year !== null || f.when !== "all";

/** The one address of a set of filters and a page: defaults left out, keys always in the same order. */
export function archiveHref(f: ArchiveFilters, page = 1): string {
  const query = new URLSearchParams();
  if (f.topic) query.set("topic", f.topic);
  if (f.series) query.set("series", f.series);
  if (f.year) query.set("year", String(f.year));
  if (f.when !== "all") query.set("when", f.when);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/events?${text}` : "/events";
}
