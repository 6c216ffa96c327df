// Prepares a registration rush (bench/http/rush-profile.mjs): migrates, adds the demo when the database
// is empty, and creates an open event with the given number of seats. Prints the event's slug.
// With PGlite, run it while the server is stopped (one process owns the data folder).
//   tsx bench/http/rush-setup.ts [capacity]        (DATABASE_URL or PGLITE_DIR as the server's)
//   tsx bench/http/rush-setup.ts --verify <slug>   counts rows and outbox messages afterwards
import { and, eq, sql } from "drizzle-orm";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedIfEmpty } from "@/db/seed";
import { events, outbox, registrations } from "@/db/schema";

async function main() {
  const [first, second] = process.argv.slice(2);
  await migrateDatabase();
  if (first === "--verify") {
    const [event] = await db.select().from(events).where(eq(events.slug, second!));
    if (!event) throw new Error(`No event ${second}`);
    const rows = await db
      .select({ status: registrations.status, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(eq(registrations.eventId, event.id))
      .groupBy(registrations.status);
    const [mails] = await db
      .select({ messages: sql<number>`count(*)::int`, recipients: sql<number>`count(distinct ${outbox.to})::int` })
      .from(outbox)
      .where(sql`${outbox.to} in (select email_normalized from ${registrations} where event_id = ${event.id})`);
    const [orphans] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), sql`not exists (select 1 from ${outbox} o where o.to = ${registrations.emailNormalized})`));
    console.log(JSON.stringify({ capacity: event.capacity, rows: Object.fromEntries(rows.map((r) => [r.status, r.n])), outbox: mails, registrationsWithoutMail: orphans!.n }));
    return;
  }
  await seedIfEmpty();
  const capacity = Number(first ?? 80);
  const startsAt = new Date(Math.floor((Date.now() + 30 * 86_400_000) / 60_000) * 60_000);
  const slug = `rush-${Date.now().toString(36)}`;
  await db.insert(events).values({
    slug,
    title: `Registration rush ${slug}`,
    timeZone: "Europe/Zurich",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    capacity,
    status: "scheduled",
  });
  console.log(slug);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
