import { migrateDatabase } from "@/db/migrate";
import { seedIfEmpty } from "@/db/seed";
import { assertServerEnv, env, isProduction } from "@/lib/env";
import { startOutboxSender } from "@/lib/email/sender";
import { startRetentionSchedule } from "@/lib/registration/retention";

/**
 * Runs once when the server starts, before it takes requests: checks the environment, migrates the
 * database, fills an empty one with the demo outside production, and starts the outbox sender and the
 * daily removal of old registrations' personal data.
 * A failure stops the server with the reason rather than serving errors.
 */
export async function startServer(): Promise<void> {
  try {
    assertServerEnv();
    await migrateDatabase();
    if (!isProduction() && env().SEED_DEMO === "auto" && (await seedIfEmpty())) {
      console.log("[symposia] Empty database: filled it with the demo. Sign in as admin@example.org / symposia-demo.");
    }
    startOutboxSender();
    startRetentionSchedule();
  } catch (error) {
    console.error(`[symposia] Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
