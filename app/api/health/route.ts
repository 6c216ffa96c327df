import { sql } from "drizzle-orm";
import { db } from "@/db";
import { redisCacheStatus } from "@/lib/redis-cache.mjs";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * 200 when the database answers, 503 when it does not. Load balancers poll this.
 * `cache` says where the page cache lives ("redis" with REDIS_URL, else "memory"); with Redis, `redis`
 * says whether it answers. Redis down leaves the status 200 but "degraded": pages are still served,
 * rendered afresh, so the instance should stay in the pool.
 */
export async function GET() {
  const started = Date.now();
  const [database, cache] = await Promise.all([
    db.execute(sql`select 1`).then(
      () => "up" as const,
      (error: unknown) => {
        console.error("[health] database check failed", error);
        return "down" as const;
      },
    ),
    redisCacheStatus(),
  ]);
  if (database === "down") {
    return Response.json({ status: "unavailable", database, ...cache }, { status: 503, headers: noStore });
  }
  const degraded = cache.cache === "redis" && cache.redis === "down";
  return Response.json(
    { status: degraded ? "degraded" : "ok", database, ...cache, latencyMs: Date.now() - started },
    { headers: noStore },
  );
}
