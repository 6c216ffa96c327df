import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitRateLimit, hitRateLimits } from "@/db/queries/rate-limits";
import { closeDb, resetDatabase } from "./support/db";

beforeAll(resetDatabase);
afterAll(closeDb);

describe("fixed-window rate limits in Postgres", () => {
  const at = new Date("2026-01-01T10:00:30Z");

  it("allows up to the limit, then refuses until the window ends", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await hitRateLimit("test:a", 5, 60, at));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results[5]!.retryAfterSeconds).toBe(30);
    const nextWindow = await hitRateLimit("test:a", 5, 60, new Date("2026-01-01T10:01:00Z"));
    expect(nextWindow).toMatchObject({ allowed: true, count: 1 });
  });

  it("counts every concurrent attempt exactly once", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit("test:burst", 10, 60, at)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("keeps keys apart and refuses when any of several limits is spent", async () => {
    expect(await hitRateLimits([{ key: "test:x", limit: 1, windowSeconds: 60 }, { key: "test:y", limit: 5, windowSeconds: 60 }], at)).toBe(true);
    expect(await hitRateLimits([{ key: "test:x", limit: 1, windowSeconds: 60 }, { key: "test:z", limit: 5, windowSeconds: 60 }], at)).toBe(false);
    expect(await hitRateLimits([{ key: "test:z", limit: 5, windowSeconds: 60 }], at)).toBe(true);
  });
});
