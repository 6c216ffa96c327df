import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { events, summaries, topics } from "@/db/schema";
import { listPublicEventPhotos, listReferences } from "./summaries";
import { isPublicEvent } from "./util";

// Published summaries as the public reads them: one on its event's page, the latest on the home page,
// and the Atom feeds. Only a public event's summary is ever published here.

/** The published summary of an event with its photos and references, or undefined. */
export async function getPublishedSummary(eventId: string) {
  const [summary] = await db
    .select()
    .from(summaries)
    .where(and(eq(summaries.eventId, eventId), eq(summaries.status, "published")));
  if (!summary) return undefined;
  const [photos, references] = await Promise.all([listPublicEventPhotos(eventId), listReferences(summary.id)]);
  return { summary, photos, references };
}

/** Published summaries, newest first. */
export async function listLatestSummaries(limit = 6) {
  return db
    .select({
      eventSlug: events.slug,
      title: summaries.title,
      lede: summaries.lede,
      publishedAt: summaries.publishedAt,
      startsAt: events.startsAt,
      timeZone: events.timeZone,
      topicName: topics.name,
      topicTranslations: topics.translations,
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
      publishedAt: summaries.publishedAt,
      updatedAt: summaries.updatedAt,
      eventSlug: events.slug,
      eventTitle: events.title,
      topicName: topics.name,
    })
    .from(summaries)
    .innerJoin(events, eq(events.id, summaries.eventId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(and(eq(summaries.status, "published"), isPublicEvent, topicId ? eq(events.topicId, topicId) : undefined))
    .orderBy(desc(summaries.publishedAt))
    .limit(limit);
}
