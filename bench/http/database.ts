// The HTTP benchmark's database steps, run by bench/http/run.mjs with tsx while no server holds the
// database (PGlite allows one process at a time):
//
//   tsx bench/http/database.ts prepare '<json options>'   migrate, seed the demo, add the bench events
//   tsx bench/http/database.ts verify  '<json options>'   print what the registration rush left, as JSON
//   tsx bench/http/database.ts event   '<json options>'   add an event open for registration
//
// It runs with tsx --conditions=react-server, as the seed does (the seed imports server-only modules);
// the bench's own rows are plain data a staff member could enter, written through drizzle on the schema.
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { events, outbox, registrations, summaries } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";

const DAY = 86_400_000;

/** The demo event whose published summary the bench loads. */
export const DEMO_PAST_EVENT = "wps-innovation-4-from-the-united-nations";

type PrepareOptions = { rushSlug: string; warmupSlug: string; capacity: number };
type VerifyOptions = { rushSlug: string; emailDomain: string };
type EventOptions = { slug: string; capacity: number; title: string };

/** Adds an event open for registration now, a month ahead, with seats for `capacity` people. */
async function addOpenEvent({ slug, capacity, title }: EventOptions) {
  const now = Date.now();
  const startsAt = new Date(now + 30 * DAY);
  await db.insert(events).values({
    slug,
    title,
    timeZone: "Europe/Zurich",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    capacity,
    registrationOpensAt: new Date(now - DAY),
    registrationClosesAt: new Date(startsAt.getTime() - DAY),
    status: "scheduled",
    description: "An event a load test registers people for.",
  });
  return { slug, capacity };
}

async function prepare({ rushSlug, warmupSlug, capacity }: PrepareOptions) {
  await migrateDatabase();
  if (!(await seedIfEmpty())) throw new Error("The bench database was not empty: the bench prepares a fresh one.");

  const [past] = await db.select().from(events).where(eq(events.slug, DEMO_PAST_EVENT));
  if (!past) throw new Error(`The demo has no event "${DEMO_PAST_EVENT}".`);
  // The demo publishes the fourth meeting's summary (db/seed.ts), so the summary page and the topic,
  // series and feed pages show a summary as they do on a live site.
  const [published] = await db
    .select({ id: summaries.id })
    .from(summaries)
    .where(and(eq(summaries.eventId, past.id), eq(summaries.status, "published")));
  if (!published) throw new Error(`The demo did not publish the summary of "${DEMO_PAST_EVENT}".`);

  // Two events open for registration now, with seats for `capacity` people: one the rush fills, one
  // the warm-up uses so that the rush starts on an empty event.
  await addOpenEvent({ slug: rushSlug, capacity, title: "Benchmark: registration rush" });
  await addOpenEvent({ slug: warmupSlug, capacity: 10, title: "Benchmark: warm-up" });
  return { summaryEvent: past.slug, rushSlug, warmupSlug, capacity };
}

async function verify({ rushSlug, emailDomain }: VerifyOptions) {
  const [event] = await db.select().from(events).where(eq(events.slug, rushSlug));
  if (!event) throw new Error(`No event "${rushSlug}".`);
  const rows = await db
    .select({ email: registrations.emailNormalized, status: registrations.status })
    .from(registrations)
    .where(eq(registrations.eventId, event.id));
  const mail = await db
    .select({ to: outbox.to, kind: outbox.kind, status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(like(outbox.to, `%@${emailDomain}`), inArray(outbox.kind, ["registration_confirmed", "registration_waitlisted", "registration_already_registered"])))
    .groupBy(outbox.to, outbox.kind, outbox.status);
  return { capacity: event.capacity, registrations: rows, emails: mail };
}

async function main() {
  const [command, json] = process.argv.slice(2);
  const options = JSON.parse(json ?? "{}");
  const steps: Record<string, (options: never) => Promise<unknown>> = { prepare, verify, event: addOpenEvent };
  const step = command ? steps[command] : undefined;
  if (!step) throw new Error(`Unknown command "${command}": prepare, verify or event.`);
  const result = await step(options as never);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
