import "server-only";
import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events, type Series, series, topics } from "@/db/schema";
import { seriesDocument } from "@/db/search-documents";
import { staffSearch } from "./search";
import { containsPattern, countWhere, isPublicEvent, paged } from "./util";

export async function listSeriesPage({ q, page, pageSize }: { q?: string; page: number; pageSize: number }) {
  const condition = q
    ? staffSearch(seriesDocument(series), q, [
        ilike(series.name, containsPattern(q)),
        ilike(series.slug, containsPattern(q)),
        ilike(topics.name, containsPattern(q)),
      ])
    : undefined;
  return paged(
    db
      .select({
        id: series.id,
        slug: series.slug,
        name: series.name,
        topicName: topics.name,
        eventCount: sql<number>`(select count(*)::int from ${events} e where e.series_id = ${series}.id)`,
      })
      .from(series)
      .leftJoin(topics, eq(topics.id, series.topicId))
      .where(condition)
      .orderBy(asc(series.name))
      .$dynamic(),
    db.select({ n: count() }).from(series).leftJoin(topics, eq(topics.id, series.topicId)).where(condition),
    page,
    pageSize,
  );
}

export async function getSeries(id: string, executor: Executor = db): Promise<Series | undefined> {
  const [row] = await executor.select().from(series).where(eq(series.id, id));
  return row;
}

/**
 * The series, locked until the transaction ends: an event being added to it concurrently waits, so
 * a usage count taken after this holds until the delete commits.
 */
export async function lockSeries(id: string, executor: Executor): Promise<Series | undefined> {
  const [row] = await executor.select().from(series).where(eq(series.id, id)).for("update");
  return row;
}

/** Options for pickers: every series by name, with its topic so a form can default the event's. */
export async function seriesOptions() {
  return db.select({ id: series.id, name: series.name, topicId: series.topicId }).from(series).orderBy(asc(series.name));
}

/** What refers to a series; it can be deleted only when nothing does. */
export async function seriesUsage(id: string, executor: Executor = db) {
  return { events: await countWhere(events, eq(events.seriesId, id), executor) };
}

/** A series is public once an event that is not a draft belongs to it: from then on its URL stays. */
export async function isSeriesPublic(id: string, executor: Executor = db): Promise<boolean> {
  return (await countWhere(events, and(eq(events.seriesId, id), isPublicEvent), executor)) > 0;
}

export async function insertSeries(values: typeof series.$inferInsert, executor: Executor = db) {
  const [row] = await executor.insert(series).values(values).returning();
  return row!;
}

export async function updateSeriesRow(id: string, values: Partial<typeof series.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(series).set(values).where(eq(series.id, id)).returning();
  return row;
}

export async function deleteSeriesRow(id: string, executor: Executor = db) {
  const rows = await executor.delete(series).where(eq(series.id, id)).returning({ id: series.id });
  return rows.length > 0;
}
