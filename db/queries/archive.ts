import "server-only";
import { cache } from "react";
import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { events, series, summaries, topics, venues } from "@/db/schema";
import type { ArchiveChoices, ArchiveFilters } from "@/lib/archive-filters";
import type { Language, Translations } from "@/lib/i18n/languages";
import { localized } from "@/lib/i18n/localize";
import { eventListColumns } from "./public";
import { hasPublicEvent, isPublicEvent, upcomingThenPast } from "./util";


// The year an event took place where it took place: a New Year's Eve meeting in New York is the old year's.
const localYear = sql<number>`extract(year from ${events.startsAt} at time zone ${events.timeZone})::int`;

const archiveColumns = (now: Date) => ({
  ...eventListColumns,
  // "Upcoming" until the event ends, as everywhere else on the site.
  upcoming: sql<boolean>`(${gte(events.endsAt, now)})`.mapWith(Boolean),
  // A published summary's title and lede; null when there is none yet (or it is back in draft).
  summaryTitle: summaries.title,
  summaryLede: summaries.lede,
  summaryStatus: summaries.status,
  summaryTranslations: summaries.translations,
  summaryTranslationPublishedAt: summaries.translationPublishedAt,
});

export type ArchiveEvent = Awaited<ReturnType<typeof selectArchive>>[number];

function selectArchive(now: Date) {
  return db
    .select(archiveColumns(now))
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .leftJoin(summaries, and(eq(summaries.eventId, events.id), eq(summaries.status, "published")));
}

/** The topics, series and years that have public events: the archive's filter choices. Once per request. */
export const listArchiveChoices = cache(async () => {
  const [topicRows, seriesRows, yearRows] = await Promise.all([
    db
      .select({ slug: topics.slug, name: topics.name, translations: topics.translations })
      .from(topics)
      .where(hasPublicEvent(eq(events.topicId, topics.id)))
      .orderBy(asc(topics.name)),
    db
      .select({ slug: series.slug, name: series.name, translations: series.translations, topicName: topics.name, topicTranslations: topics.translations })
      .from(series)
      .leftJoin(topics, eq(topics.id, series.topicId))
      .where(hasPublicEvent(eq(events.seriesId, series.id)))
      .orderBy(asc(series.name)),
    db.selectDistinct({ year: localYear }).from(events).where(isPublicEvent).orderBy(desc(localYear)),
  ]);
  return { topics: topicRows, series: seriesRows, years: yearRows.map((r) => Number(r.year)) };
});

export type ArchiveChoiceLists = Awaited<ReturnType<typeof listArchiveChoices>>;

/** The choices with their names in `language` (each falling back to the default language's). */
export function choicesInLanguage(choices: ArchiveChoiceLists, language: Language, defaultLanguage: Language): ArchiveChoiceLists {
  const name = (r: { name: string; translations: Translations<"name" | "description"> }) => localized(r, "name", language, defaultLanguage)?.text ?? r.name;
  return {
    ...choices,
    topics: choices.topics.map((t) => ({ ...t, name: name(t) })),
    series: choices.series.map((s) => ({
      ...s,
      name: name(s),
      topicName: s.topicName === null ? null : name({ name: s.topicName, translations: s.topicTranslations ?? {} }),
    })),
  };
}

/** The slugs and years of the choices, as the URL reader wants them. */
export function choiceKeys(choices: ArchiveChoiceLists): ArchiveChoices {
  return { topics: choices.topics.map((t) => t.slug), series: choices.series.map((s) => s.slug), years: choices.years };
}

export type ArchivePageQuery = ArchiveFilters & { page: number; pageSize: number; now?: Date };

/**
 * One page of public events matching the filters. With both upcoming and past events, the upcoming come
 * first, soonest first, then the past, most recent first. A page past the last one shows the last.
 */
export async function listArchivePage({ topic, series: seriesSlug, year, when, page, pageSize, now = new Date() }: ArchivePageQuery) {
  const upcoming = gte(events.endsAt, now);
  const conditions: SQL[] = [isPublicEvent];
  if (topic) conditions.push(eq(topics.slug, topic));
  if (seriesSlug) conditions.push(eq(series.slug, seriesSlug));
  if (year) conditions.push(sql`${localYear} = ${year}`);
  if (when === "upcoming") conditions.push(upcoming);
  if (when === "past") conditions.push(lt(events.endsAt, now));
  const where = and(...conditions);

  const [totalRow] = await db
    .select({ n: count() })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(where);
  const total = totalRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, page), pageCount);
  const rows =
    total === 0
      ? []
      : await selectArchive(now)
          .where(where)
          .orderBy(...upcomingThenPast(now), asc(events.slug))
          .limit(pageSize)
          .offset((shown - 1) * pageSize);
  return { rows, total, page: shown, pageCount };
}

/** The most recent events that have ended, for the home page. */
export async function listRecentPastEvents(limit = 4, now = new Date()) {
  return selectArchive(now)
    .where(and(isPublicEvent, lt(events.endsAt, now)))
    .orderBy(desc(events.startsAt), asc(events.slug))
    .limit(limit);
}

/**
 * A topic's or a series' public events, upcoming and past. A series lists its meetings by number (then
 * date), first meeting first, in both parts; a topic lists upcoming events soonest first and past ones
 * most recent first. At most `limit` in each part: the archive, filtered by topic, has the rest.
 */
export async function listMeetings(scope: { topicId: string } | { seriesId: string }, { now = new Date(), limit = 200 } = {}) {
  const inSeries = "seriesId" in scope;
  const where = inSeries ? eq(events.seriesId, scope.seriesId) : eq(events.topicId, scope.topicId);
  const byNumber = [sql`${events.seriesNumber} asc nulls last`, asc(events.startsAt), asc(events.slug)];
  const [upcoming, past] = await Promise.all([
    selectArchive(now)
      .where(and(where, isPublicEvent, gte(events.endsAt, now)))
      .orderBy(...(inSeries ? byNumber : [asc(events.startsAt), asc(events.slug)]))
      .limit(limit),
    selectArchive(now)
      .where(and(where, isPublicEvent, lt(events.endsAt, now)))
      .orderBy(...(inSeries ? byNumber : [desc(events.startsAt), asc(events.slug)]))
      .limit(limit),
  ]);
  return { upcoming, past };
}
