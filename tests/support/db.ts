import { sql } from "drizzle-orm";
import { closeDb, db, getClient } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

/** A fresh, migrated database: a new in-memory PGlite, or an emptied PostgreSQL database. */
export async function resetDatabase(): Promise<void> {
  await closeDb();
  if (getClient().driver === "postgres") {
    await db.execute(sql`drop schema if exists drizzle cascade`);
    await db.execute(sql`drop schema public cascade`);
    await db.execute(sql`create schema public`);
  }
  await migrateDatabase();
}

/** A fresh database with the demo data in it. */
export async function resetWithDemo(now = new Date()): Promise<void> {
  await resetDatabase();
  await seedDemo(now);
}

export { closeDb, db };
