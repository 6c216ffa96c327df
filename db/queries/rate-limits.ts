import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitCheck = { key: string; limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in Postgres so that every app instance shares it.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  if (Math.random() < 0.01) {
    await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
  }
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: count <= limit, count, retryAfterSeconds };
}

/** Checks several limits at once; every one is counted, and the attempt is allowed only if all allow it. */
export async function hitRateLimits(
  checks: RateLimitCheck[],
  now = new Date(),
): Promise<boolean> {
  const results = await Promise.all(checks.map((c) => hitRateLimit(c.key, c.limit, c.windowSeconds, now)));
  return results.every((r) => r.allowed);
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
