import "server-only";
import { and, asc, count, eq, ilike, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events, series, type Topic, topics } from "@/db/schema";
import { topicDocument } from "@/db/search-documents";
import { staffSearch } from "./search";
import { containsPattern, countWhere, isPublicEvent, paged } from "./util";

export async function listTopicsPage({ q, page, pageSize }: { q?: string; page: number; pageSize: number }) {
  const condition = q
    ? staffSearch(topicDocument(topics), q, [ilike(topics.name, containsPattern(q)), ilike(topics.slug, containsPattern(q))])
    : undefined;
  return paged(
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
      .$dynamic(),
    db.select({ n: count() }).from(topics).where(condition),
    page,
    pageSize,
  );
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
  const [s, e] = await Promise.all([
    countWhere(series, eq(series.topicId, id), executor),
    countWhere(events, eq(events.topicId, id), executor),
  ]);
  return { series: s, events: e };
}

/** A topic is public once an event that is not a draft belongs to it: from then on its URL stays. */
export async function isTopicPublic(id: string, executor: Executor = db): Promise<boolean> {
  return (await countWhere(events, and(eq(events.topicId, id), isPublicEvent), executor)) > 0;
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
