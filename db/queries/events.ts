import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, max, ne, or, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { type Event, type EventStatus, events, registrations, series, topics, venues } from "@/db/schema";
import { eventDocument } from "@/db/search-documents";
import { staffSearch } from "./search";
import { copyAgenda } from "./agenda";
import { copyParticipants } from "./participants";
import { eventListColumns } from "./public";
import { containsPattern, hasPublicEvent, isPublicEvent, paged, upcomingThenPast } from "./util";

const listColumns = { ...eventListColumns, capacity: events.capacity };

/** Scheduled or cancelled events that have not ended, soonest first: what the public sees as upcoming. */
export async function listPublicUpcomingEvents(now = new Date(), limit = 20) {
  return db
    .select(listColumns)
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(isPublicEvent, gte(events.endsAt, now)))
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
      pending: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events.id} and r.status = 'pending')`,
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

/** Topics with at least one public event: the others have no public page yet. */
export async function listTopics() {
  return db
    .select({ id: topics.id, slug: topics.slug, name: topics.name, description: topics.description, translations: topics.translations })
    .from(topics)
    .where(hasPublicEvent(eq(events.topicId, topics.id)))
    .orderBy(asc(topics.name));
}

// ---------------------------------------------------------------------------
// Staff: the events catalogue

export type EventListFilter = { q?: string; status?: EventStatus; page: number; pageSize: number; now?: Date };

/** Every event, upcoming first (soonest first), then past ones (latest first), with registration counts. */
export async function listEventsPage({ q, status, page, pageSize, now = new Date() }: EventListFilter) {
  const where: SQL[] = [];
  if (q) {
    const pattern = containsPattern(q);
    const match = staffSearch(eventDocument(events), q, [
      ilike(events.title, pattern),
      ilike(events.slug, pattern),
      ilike(series.name, pattern),
      ilike(venues.name, pattern),
    ]);
    if (match) where.push(match);
  }
  if (status) where.push(eq(events.status, status));
  const condition = where.length ? and(...where) : undefined;
  return paged(
    db
      .select({
        ...listColumns,
        confirmed: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events.id} and r.status = 'confirmed')`,
      })
      .from(events)
      .leftJoin(series, eq(series.id, events.seriesId))
      .leftJoin(topics, eq(topics.id, events.topicId))
      .leftJoin(venues, eq(venues.id, events.venueId))
      .where(condition)
      .orderBy(...upcomingThenPast(now), asc(events.id))
      .$dynamic(),
    db
      .select({ n: count() })
      .from(events)
      .leftJoin(series, eq(series.id, events.seriesId))
      .leftJoin(venues, eq(venues.id, events.venueId))
      .where(condition),
    page,
    pageSize,
  );
}

/** Draft events, the most recently created first, for the staff dashboard. */
export async function listDraftEvents(limit = 10) {
  return db
    .select({ ...listColumns, createdAt: events.createdAt, updatedAt: events.updatedAt })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.status, "draft"))
    .orderBy(desc(events.createdAt), asc(events.id))
    .limit(limit);
}

export async function getEvent(id: string, executor: Executor = db): Promise<Event | undefined> {
  const [row] = await executor.select().from(events).where(eq(events.id, id));
  return row;
}

/**
 * The event, locked until the transaction ends, so that a status change and the counts it depends on
 * (registrations) hold together until the change commits.
 */
export async function lockEvent(id: string, executor: Executor): Promise<Event | undefined> {
  const [row] = await executor.select().from(events).where(eq(events.id, id)).for("update");
  return row;
}

/** An event with the names the admin pages show beside it, and how many registrations it has. */
export async function getEventForAdmin(id: string, executor: Executor = db) {
  const [row] = await executor
    .select({
      event: events,
      seriesName: series.name,
      topicName: topics.name,
      venueName: venues.name,
      venueCity: venues.city,
      registrationCount: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events.id})`,
      confirmedCount: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events.id} and r.status = 'confirmed')`,
    })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.id, id));
  return row;
}
export type AdminEvent = NonNullable<Awaited<ReturnType<typeof getEventForAdmin>>>;

export async function insertEvent(values: typeof events.$inferInsert, executor: Executor = db): Promise<Event> {
  const [row] = await executor.insert(events).values(values).returning();
  return row!;
}

export async function updateEventRow(id: string, values: Partial<typeof events.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(events).set(values).where(eq(events.id, id)).returning();
  return row;
}

/** Moves an event to `to` only while its status is one of `from`; undefined when it was not. */
export async function changeEventStatus(
  id: string,
  from: readonly EventStatus[],
  to: EventStatus,
  executor: Executor = db,
  now = new Date(),
): Promise<Event | undefined> {
  const [row] = await executor
    .update(events)
    .set({ status: to, cancelledAt: to === "cancelled" ? now : null })
    .where(and(eq(events.id, id), inArray(events.status, [...from])))
    .returning();
  return row;
}

export async function deleteEventRow(id: string, executor: Executor = db): Promise<boolean> {
  const rows = await executor.delete(events).where(eq(events.id, id)).returning({ id: events.id });
  return rows.length > 0;
}

/** Registrations of an event: all of them, those not cancelled ("active"), or those holding a seat ("confirmed"). */
export async function countRegistrations(eventId: string, executor: Executor = db, { only }: { only?: "active" | "confirmed" } = {}): Promise<number> {
  const condition = and(
    eq(registrations.eventId, eventId),
    only === "active" ? ne(registrations.status, "cancelled") : only === "confirmed" ? eq(registrations.status, "confirmed") : undefined,
  );
  const [row] = await executor.select({ n: count() }).from(registrations).where(condition);
  return row?.n ?? 0;
}

/** The number the next meeting of a series would take: one past the highest so far (1 for a new series). */
export async function nextSeriesNumber(seriesId: string, executor: Executor = db): Promise<number> {
  const [row] = await executor.select({ n: max(events.seriesNumber) }).from(events).where(eq(events.seriesId, seriesId));
  return (row?.n ?? 0) + 1;
}

/** The event that already holds `number` in a series (other than `exceptId`), if any. */
export async function eventWithSeriesNumber(seriesId: string, number: number, exceptId?: string, executor: Executor = db) {
  const conditions = [eq(events.seriesId, seriesId), eq(events.seriesNumber, number)];
  if (exceptId) conditions.push(ne(events.id, exceptId));
  const [row] = await executor.select({ id: events.id, title: events.title }).from(events).where(and(...conditions));
  return row;
}

/** Whether an address is taken by another event. */
export async function isEventSlugTaken(slug: string, exceptId?: string, executor: Executor = db): Promise<boolean> {
  const conditions = [eq(events.slug, slug)];
  if (exceptId) conditions.push(ne(events.id, exceptId));
  const [row] = await executor.select({ n: count() }).from(events).where(and(...conditions));
  return (row?.n ?? 0) > 0;
}

/** The topic of a series: an event in a series without a topic of its own takes the series' topic. */
export async function topicOfSeries(seriesId: string, executor: Executor = db): Promise<string | null> {
  const [row] = await executor.select({ topicId: series.topicId }).from(series).where(eq(series.id, seriesId));
  return row?.topicId ?? null;
}

/** The series, locked until the transaction ends: two "next meeting" clicks at once get two numbers, not a clash. */
export async function lockSeries(seriesId: string, executor: Executor) {
  const [row] = await executor
    .select({ id: series.id, name: series.name, topicId: series.topicId, translations: series.translations })
    .from(series)
    .where(eq(series.id, seriesId))
    .for("update");
  return row;
}

/** `base` if no event uses it, else the first free `base-2`, `base-3`, …. */
export async function freeEventSlug(base: string, executor: Executor = db): Promise<string> {
  const rows = await executor
    .select({ slug: events.slug })
    .from(events)
    .where(or(eq(events.slug, base), sql`${events.slug} like ${`${base.replace(/[\\%_]/g, "\\$&")}-%`}`));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** What a copy of an event takes afresh; everything else it takes from the event copied. */
export type EventCopy = { title: string; slug: string; seriesNumber: number | null; startsAt: Date; description: string | null; translations: Event["translations"] };

/**
 * A new draft made from `source`: its topic, series, venue, zone, length, seats, registration categories
 * and approval setting; its participants (positions as they are today, not yet invited) and its agenda,
 * moved to the new date. Nothing of its registrations, check-ins or summary, and no registration window:
 * those belong to the meeting that was.
 */
export async function copyEvent(source: Event, copy: EventCopy, executor: Executor) {
  const length = source.endsAt.getTime() - source.startsAt.getTime();
  const event = await insertEvent(
    {
      title: copy.title,
      slug: copy.slug,
      topicId: source.topicId,
      seriesId: source.seriesId,
      seriesNumber: copy.seriesNumber,
      venueId: source.venueId,
      timeZone: source.timeZone,
      startsAt: copy.startsAt,
      endsAt: new Date(copy.startsAt.getTime() + length),
      capacity: source.capacity,
      registrationCategories: source.registrationCategories,
      requiresApproval: source.requiresApproval,
      description: copy.description,
      translations: copy.translations,
      status: "draft",
    },
    executor,
  );
  const participantIds = await copyParticipants(source.id, event.id, executor);
  const segments = await copyAgenda(source.id, event.id, copy.startsAt.getTime() - source.startsAt.getTime(), participantIds, executor);
  return { event, participants: participantIds.size, segments };
}
