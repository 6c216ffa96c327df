import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { events, summaries, topics, venues } from "@/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { inLanguage } from "@/lib/i18n/localize";
import { isPublishedIn } from "@/lib/summary-publish";
import { getLanguageSettings } from "./settings";
import { listPublicEventPhotos, listReferences } from "./summaries";
import { isPublicEvent } from "./util";

// Published summaries as the public reads them: one on its event's page, the latest on the home page,
// and the Atom feeds. Only a public event's summary is ever published here.

/**
 * The published summary of an event with its photos and references, or undefined: in `language` when
 * that version is published, else in the default language's (`language` of the answer says which).
 * Each text carries the language it is written in (`langOf`): a field the version leaves empty, a
 * photo's caption or a reference not translated, falls back to the default language's.
 * `languages` are the languages the summary is published in, the default first.
 */
export async function getPublishedSummary(eventId: string, language?: Language) {
  const [row] = await db
    .select()
    .from(summaries)
    .where(and(eq(summaries.eventId, eventId), eq(summaries.status, "published")));
  if (!row) return undefined;
  const [{ defaultLanguage, enabledLanguages }, photos, references] = await Promise.all([getLanguageSettings(), listPublicEventPhotos(eventId), listReferences(row.id)]);
  const languages = [defaultLanguage, ...enabledLanguages.filter((l) => l !== defaultLanguage && isPublishedIn(row, l, defaultLanguage))];
  const shown = language && languages.includes(language) ? language : defaultLanguage;
  const text = inLanguage(row, ["title", "lede", "body", "attendanceWording"], shown, defaultLanguage);
  // The default language's text exactly as saved (inLanguage trims what it finds).
  const own = <K extends "title" | "lede" | "body" | "attendanceWording">(field: K) => (text.langOf[field] === defaultLanguage ? row[field] : text[field]);
  return {
    summary: { ...row, title: own("title") ?? "", lede: own("lede"), body: own("body") ?? "", attendanceWording: own("attendanceWording"), langOf: text.langOf },
    photos: photos.map((p) => {
      const t = inLanguage(p, ["caption", "altText"], shown, defaultLanguage);
      return { ...p, caption: t.caption, altText: t.altText, langOf: t.langOf };
    }),
    references: references.map((r) => {
      const t = inLanguage(r, ["title", "text"], shown, defaultLanguage);
      return { ...r, title: t.title ?? r.title, text: t.text, langOf: t.langOf };
    }),
    language: shown,
    languages,
  };
}

/** The other languages' versions of what a summary page names of its event: its title, topic and venue. */
export async function getSummaryEventTranslations(eventId: string) {
  const [row] = await db
    .select({ event: events.translations, topic: topics.translations, venue: venues.translations })
    .from(events)
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.id, eventId));
  return { event: row?.event ?? {}, topic: row?.topic ?? {}, venue: row?.venue ?? {} };
}

/**
 * Published summaries, newest first. Each row carries its other languages' versions and which of
 * them are published, for a page in another language to show them (lib/summary-publish.ts
 * `publishedText`); the title and lede are the default language's.
 */
export async function listLatestSummaries(limit = 6) {
  return db
    .select({
      eventSlug: events.slug,
      title: summaries.title,
      lede: summaries.lede,
      status: summaries.status,
      translations: summaries.translations,
      translationPublishedAt: summaries.translationPublishedAt,
      topicTranslations: topics.translations,
      publishedAt: summaries.publishedAt,
      startsAt: events.startsAt,
      timeZone: events.timeZone,
      topicName: topics.name,
    })
    .from(summaries)
    .innerJoin(events, eq(events.id, summaries.eventId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(and(eq(summaries.status, "published"), isPublicEvent))
    .orderBy(desc(summaries.publishedAt))
    .limit(limit);
}

/** Published summaries of public events (of one topic, given `topicId`), newest first, for an Atom feed. */
export async function listFeedSummaries(limit = 50, { topicId }: { topicId?: string } = {}) {
  return db
    .select({
      id: summaries.id,
      title: summaries.title,
      lede: summaries.lede,
      body: summaries.body,
      status: summaries.status,
      translations: summaries.translations,
      translationPublishedAt: summaries.translationPublishedAt,
      publishedAt: summaries.publishedAt,
      updatedAt: summaries.updatedAt,
      eventSlug: events.slug,
      eventTitle: events.title,
      eventTranslations: events.translations,
      topicName: topics.name,
      topicTranslations: topics.translations,
    })
    .from(summaries)
    .innerJoin(events, eq(events.id, summaries.eventId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(and(eq(summaries.status, "published"), isPublicEvent, topicId ? eq(events.topicId, topicId) : undefined))
    .orderBy(desc(summaries.publishedAt))
    .limit(limit);
}
