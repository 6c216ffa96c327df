// Fills an empty database with the demo data. Refuses to run in production, and leaves a database
// that already has data alone. Run it as `npm run db:seed`: it uses the server's own modules, some
// marked "server-only", which load only under the react-server condition (tsx --conditions=react-server).
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedIfEmpty } from "@/db/seed";

async function main() {
  if (process.env.NODE_ENV === "production") {
    throw new Error("The demo seed does not run with NODE_ENV=production.");
  }
  await migrateDatabase();
  const seeded = await seedIfEmpty();
  console.log(seeded ? "Demo data added. Sign in as admin@example.org / symposia-demo." : "The database already has data; the seed left it alone.");
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
