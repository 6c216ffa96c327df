import "server-only";
import { and, count, desc, eq, isNull, lte, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events, registrationFeedback, registrations } from "@/db/schema";
import { holdsToken } from "./registrations";

// The feedback form after an event: one answer per registration, given through its manage link.

export type FeedbackOutcome = "saved" | "closed" | "missing";

/**
 * Saves the answer of the registration a manage link names, or replaces the one it gave: only a
 * confirmed seat whose details are kept, at a held event that was not cancelled. The conditions are
 * part of the statement, so nothing slips in between a check and the write.
 */
export async function saveFeedback(tokenHash: string, answer: { rating: number; comment: string | null }, executor: Executor = db): Promise<FeedbackOutcome> {
  const saved = await executor
    .insert(registrationFeedback)
    .select((qb) =>
      qb
        .select({
          registrationId: registrations.id,
          eventId: registrations.eventId,
          rating: sql<number>`${answer.rating}::smallint`.as("rating"),
          comment: sql<string | null>`${answer.comment}::text`.as("comment"),
          createdAt: sql<Date>`now()`.as("created_at"),
          updatedAt: sql<Date>`now()`.as("updated_at"),
        })
        .from(registrations)
        .innerJoin(events, eq(events.id, registrations.eventId))
        .where(
          and(
            holdsToken(tokenHash),
            eq(registrations.status, "confirmed"),
            isNull(registrations.anonymizedAt),
            eq(events.status, "scheduled"),
            lte(events.endsAt, sql`now()`),
          ),
        ),
    )
    .onConflictDoUpdate({
      target: registrationFeedback.registrationId,
      set: { rating: sql`excluded.rating`, comment: sql`excluded.comment`, updatedAt: sql`now()` },
    })
    .returning({ id: registrationFeedback.registrationId });
  if (saved.length) return "saved";
  const [known] = await executor
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(holdsToken(tokenHash), ne(events.status, "draft")));
  return known ? "closed" : "missing";
}

/** The answer a registration gave, if any. */
export async function getFeedback(registrationId: string, executor: Executor = db) {
  const [row] = await executor
    .select({ rating: registrationFeedback.rating, comment: registrationFeedback.comment, updatedAt: registrationFeedback.updatedAt })
    .from(registrationFeedback)
    .where(eq(registrationFeedback.registrationId, registrationId));
  return row;
}

export type FeedbackResults = {
  count: number;
  /** The mean rating, or null without answers. */
  average: number | null;
  /** How many gave each rating: index 0 is 1 star, index 4 is 5. */
  distribution: [number, number, number, number, number];
  /** The comments, newest first (up to `limit`), and how many there are in all. */
  comments: { rating: number; comment: string; at: Date }[];
  commentCount: number;
};

/** What staff see of an event's feedback: no names, only ratings and comments with their dates. */
export async function getFeedbackResults(eventId: string, limit = 200, executor: Executor = db): Promise<FeedbackResults> {
  const byRating = await executor
    .select({ rating: registrationFeedback.rating, n: count() })
    .from(registrationFeedback)
    .where(eq(registrationFeedback.eventId, eventId))
    .groupBy(registrationFeedback.rating);
  const distribution: FeedbackResults["distribution"] = [0, 0, 0, 0, 0];
  for (const r of byRating) distribution[r.rating - 1] = r.n;
  const total = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  const hasComment = and(eq(registrationFeedback.eventId, eventId), sql`${registrationFeedback.comment} is not null and ${registrationFeedback.comment} <> ''`);
  const [comments, [counted]] = await Promise.all([
    executor
      .select({ rating: registrationFeedback.rating, comment: sql<string>`${registrationFeedback.comment}`, at: registrationFeedback.updatedAt })
      .from(registrationFeedback)
      .where(hasComment)
      .orderBy(desc(registrationFeedback.updatedAt), desc(registrationFeedback.registrationId))
      .limit(limit),
    executor.select({ n: count() }).from(registrationFeedback).where(hasComment),
  ]);
  return { count: total, average: total ? sum / total : null, distribution, comments, commentCount: counted?.n ?? 0 };
}
