import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { eventParticipants, events, people, series, summaries, topics } from "@/db/schema";
import { selectCalendarSources } from "./public";
import { hasPublicEvent, isAnnouncedParticipant, isPublicEvent } from "./util";

/** A topic by its address, only once it has a public event: until then it has no public page, nor feeds. */
export async function getPublicFeedTopic(slug: string) {
  const [row] = await db
    .select({ id: topics.id, slug: topics.slug, name: topics.name, translations: topics.translations })
    .from(topics)
    .where(and(eq(topics.slug, slug), hasPublicEvent(eq(events.topicId, topics.id))));
  return row;
}

/** A series by its address, only once it has a public event (as for topics). */
export async function getPublicFeedSeries(slug: string) {
  const [row] = await db
    .select({ id: series.id, slug: series.slug, name: series.name })
    .from(series)
    .where(and(eq(series.slug, slug), hasPublicEvent(eq(events.seriesId, series.id))));
  return row;
}

/**
 * Every public event of a topic or series, in order, for its subscribable calendar. Unlike the site's
 * calendar (a year back), the whole record: a series holds a few meetings a year, all worth keeping.
 */
export async function listCalendarEventsOf(of: { topicId: string } | { seriesId: string }, limit = 1000) {
  const belongs = "topicId" in of ? eq(events.topicId, of.topicId) : eq(events.seriesId, of.seriesId);
  return selectCalendarSources()
    .where(and(belongs, isPublicEvent))
    .orderBy(asc(events.startsAt), asc(events.slug))
    .limit(limit);
}

/** Every public page's address and when it last changed, for the sitemap. */
export async function listSitemapEntries() {
  const [eventRows, topicRows, seriesRows, peopleRows] = await Promise.all([
    db
      .select({
        slug: events.slug,
        updatedAt: events.updatedAt,
        summaryUpdatedAt: summaries.updatedAt,
      })
      .from(events)
      .leftJoin(summaries, and(eq(summaries.eventId, events.id), eq(summaries.status, "published")))
      .where(isPublicEvent),
    // A topic or series page exists for the public only once it has a public event (otherwise it is a
    // 404), so one without any stays out: listing it would publish its name.
    db
      .select({ slug: topics.slug, updatedAt: topics.updatedAt })
      .from(topics)
      .where(hasPublicEvent(eq(events.topicId, topics.id))),
    db
      .select({ slug: series.slug, updatedAt: series.updatedAt })
      .from(series)
      .where(hasPublicEvent(eq(events.seriesId, series.id))),
    db
      .selectDistinct({ slug: people.slug, updatedAt: people.updatedAt })
      .from(people)
      .innerJoin(eventParticipants, eq(eventParticipants.personId, people.id))
      .innerJoin(events, eq(events.id, eventParticipants.eventId))
      .where(and(isPublicEvent, isAnnouncedParticipant)),
  ]);
  return { events: eventRows, topics: topicRows, series: seriesRows, people: peopleRows };
}
