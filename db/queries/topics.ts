import "server-only";
import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events, series, type Topic, topics } from "@/db/schema";
import { topicDocument } from "@/db/search-documents";
import { staffSearch } from "./search";
import { containsPattern, isPublicEvent, offsetOf } from "./util";

export async function listTopicsPage({ q, page, pageSize }: { q?: string; page: number; pageSize: number }) {
  const condition = q
    ? staffSearch(topicDocument(topics), q, [ilike(topics.name, containsPattern(q)), ilike(topics.slug, containsPattern(q))])
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: topics.id,
        slug: topics.slug,
        name: topics.name,
        seriesCount: sql<number>`(select count(*)::int from ${series} s where s.topic_id = ${topics}.id)`,
        eventCount: sql<number>`(select count(*)::int from ${events} e where e.topic_id = ${topics}.id)`,
      })
      .from(topics)
      .where(condition)
      .orderBy(asc(topics.name))
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
    db.select({ n: count() }).from(topics).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getTopic(id: string, executor: Executor = db): Promise<Topic | undefined> {
  const [row] = await executor.select().from(topics).where(eq(topics.id, id));
  return row;
}

/** Options for pickers: every topic by name. */
export async function topicOptions() {
  return db.select({ id: topics.id, name: topics.name }).from(topics).orderBy(asc(topics.name));
}

/** What refers to a topic; it can be deleted only when nothing does. */
export async function topicUsage(id: string, executor: Executor = db) {
  const [[s], [e]] = await Promise.all([
    executor.select({ n: count() }).from(series).where(eq(series.topicId, id)),
    executor.select({ n: count() }).from(events).where(eq(events.topicId, id)),
  ]);
  return { series: s?.n ?? 0, events: e?.n ?? 0 };
}

/** A topic is public once an event that is not a draft belongs to it: from then on its URL stays. */
export async function isTopicPublic(id: string, executor: Executor = db): Promise<boolean> {
  const [row] = await executor
    .select({ n: count() })
    .from(events)
    .where(and(eq(events.topicId, id), isPublicEvent));
  return (row?.n ?? 0) > 0;
}

export async function insertTopic(values: typeof topics.$inferInsert, executor: Executor = db) {
  const [row] = await executor.insert(topics).values(values).returning();
  return row!;
}

export async function updateTopicRow(id: string, values: Partial<typeof topics.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(topics).set(values).where(eq(topics.id, id)).returning();
  return row;
}

export async function deleteTopicRow(id: string, executor: Executor = db) {
  const rows = await executor.delete(topics).where(eq(topics.id, id)).returning({ id: topics.id });
  return rows.length > 0;
}
