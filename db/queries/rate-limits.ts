import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitCheck = { key: string; limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

const windowOf = (windowSeconds: number, now: Date) => {
  const windowMs = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
};

/**
 * Counts one attempt against every check's key in one statement, and returns each check's count in
 * its window. The rows are written in one order (key, then window) whoever calls, so that two
 * attempts at once cannot each hold a row the other waits for. The counters live in Postgres so that
 * every app instance shares them.
 */
async function countAttempts(checks: RateLimitCheck[], now: Date): Promise<Map<string, number>> {
  const id = (key: string, windowStart: Date) => `${windowStart.getTime()} ${key}`;
  const rows = new Map<string, { key: string; windowStart: Date; count: number }>();
  for (const c of checks) {
    const windowStart = windowOf(c.windowSeconds, now);
    rows.set(id(c.key, windowStart), { key: c.key, windowStart, count: 1 });
  }
  const values = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.windowStart.getTime() - b.windowStart.getTime()));
  const counted = await db
    .insert(rateLimits)
    .values(values)
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ key: rateLimits.key, windowStart: rateLimits.windowStart, count: rateLimits.count });
  if (Math.random() < 0.01) {
    await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
  }
  return new Map(counted.map((r) => [id(r.key, r.windowStart), r.count]));
}

/** Counts one attempt against `key` in a fixed window and says whether it is within `limit`. */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowStart = windowOf(windowSeconds, now);
  const counts = await countAttempts([{ key, limit, windowSeconds }], now);
  const count = counts.values().next().value ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
  return { allowed: count <= limit, count, retryAfterSeconds };
}

/**
 * Checks several limits at once, in one round trip; every one is counted, and the attempt is allowed
 * only if all allow it.
 */
export async function hitRateLimits(
  checks: RateLimitCheck[],
  now = new Date(),
): Promise<boolean> {
  if (checks.length === 0) return true;
  const counts = await countAttempts(checks, now);
  return checks.every((c) => (counts.get(`${windowOf(c.windowSeconds, now).getTime()} ${c.key}`) ?? 1) <= c.limit);
}

/**
 * Takes back attempts counted by hitRateLimits at `now` (the same instant, so the same windows): for
 * limits that count only failures, every attempt is counted before it is tried, so that attempts sent
 * at once cannot all slip under the limit, and handed back when it succeeds.
 */
export async function refundRateLimits(checks: RateLimitCheck[], now: Date): Promise<void> {
  await Promise.all(
    checks.map((c) => {
      const windowMs = c.windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      return db
        .update(rateLimits)
        .set({ count: sql`${rateLimits.count} - 1` })
        .where(and(eq(rateLimits.key, c.key), eq(rateLimits.windowStart, windowStart), gt(rateLimits.count, 0)));
    }),
  );
}
