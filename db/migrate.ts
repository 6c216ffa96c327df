import { resolve } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { getClient } from "./index";

// Any fixed number: every instance that starts at once queues on it, so migrations run one at a time.
const MIGRATION_LOCK = 7_316_500_112;

/** Applies the migrations in drizzle/ that have not run yet. Safe to call again and from several instances. */
export async function migrateDatabase(migrationsFolder = resolve(process.cwd(), "drizzle")): Promise<void> {
  const client = getClient();
  if (client.driver === "pglite") {
    await migratePglite(client.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const lock = await client.sql.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(client.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    lock.release();
  }
}
