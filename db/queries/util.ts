import "server-only";
import { desc, gte, type SQL, sql } from "drizzle-orm";
import { events } from "@/db/schema";

/** A LIKE pattern that finds `q` anywhere, with LIKE's wildcards in `q` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type Page<T> = { rows: T[]; total: number };
export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/**
 * Events in the order lists show them: those not yet over first, soonest first; then those over, most
 * recent first. Callers add their own tiebreak.
 */
export function upcomingThenPast(now: Date): SQL[] {
  const upcoming = gte(events.endsAt, now);
  return [sql`case when ${upcoming} then 0 else 1 end`, sql`case when ${upcoming} then ${events.startsAt} end asc`, desc(events.startsAt)];
}
