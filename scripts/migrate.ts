// Applies pending migrations to the configured database (PGlite under .data/ or DATABASE_URL).
// With the embedded database, stop the app first: one process owns the data folder.
import { closeDb, getClient } from "@/db";
import { migrateDatabase } from "@/db/migrate";

async function main() {
  const { driver } = getClient();
  await migrateDatabase();
  console.log(`Migrations applied (${driver}).`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
