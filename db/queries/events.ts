import "server-only";
import { and, asc, count, desc, eq, gte, sql } from "drizzle-orm";
import { db } from "@/db";
import { events, registrations, series, summaries, topics, venues } from "@/db/schema";

const listColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  status: events.status,
  timeZone: events.timeZone,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  capacity: events.capacity,
  seriesNumber: events.seriesNumber,
  seriesName: series.name,
  seriesSlug: series.slug,
  topicName: topics.name,
  topicSlug: topics.slug,
  venueName: venues.name,
  venueCity: venues.city,
};

/** Scheduled or cancelled events that have not ended, soonest first: what the public sees as upcoming. */
export async function listPublicUpcomingEvents(now = new Date(), limit = 20) {
  return db
    .select(listColumns)
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(sql`${events.status} <> 'draft'`, gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt))
    .limit(limit);
}

/** Upcoming events of any status with their registration counts, for the staff dashboard. */
export async function listStaffUpcomingEvents(now = new Date(), limit = 50) {
  return db
    .select({
      ...listColumns,
      confirmed: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events.id} and r.status = 'confirmed')`,
      waitlisted: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events.id} and r.status = 'waitlisted')`,
    })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(gte(events.endsAt, now))
    .orderBy(asc(events.startsAt))
    .limit(limit);
}

export async function countEventsByStatus() {
  const rows = await db.select({ status: events.status, n: count() }).from(events).groupBy(events.status);
  const result = { draft: 0, scheduled: 0, cancelled: 0 };
  for (const r of rows) result[r.status] = r.n;
  return result;
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
    })
    .from(summaries)
    .innerJoin(events, eq(events.id, summaries.eventId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(and(eq(summaries.status, "published"), sql`${events.status} <> 'draft'`))
    .orderBy(desc(summaries.publishedAt))
    .limit(limit);
}

export async function listTopics() {
  return db
    .select({ id: topics.id, slug: topics.slug, name: topics.name, description: topics.description })
    .from(topics)
    .orderBy(asc(topics.name));
}
