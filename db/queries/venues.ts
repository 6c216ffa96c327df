import "server-only";
import { asc, count, eq, ilike, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events, type Venue, venues } from "@/db/schema";
import { venueDocument } from "@/db/search-documents";
import { staffSearch } from "./search";
import { containsPattern, countWhere, paged } from "./util";

export async function listVenuesPage({ q, page, pageSize }: { q?: string; page: number; pageSize: number }) {
  const condition = q
    ? staffSearch(venueDocument(venues), q, [
        ilike(venues.name, containsPattern(q)),
        ilike(venues.city, containsPattern(q)),
        ilike(venues.country, containsPattern(q)),
        ilike(venues.timeZone, containsPattern(q)),
      ])
    : undefined;
  return paged(
    db
      .select({
        id: venues.id,
        name: venues.name,
        city: venues.city,
        country: venues.country,
        timeZone: venues.timeZone,
        eventCount: sql<number>`(select count(*)::int from ${events} e where e.venue_id = ${venues}.id)`,
      })
      .from(venues)
      .where(condition)
      .orderBy(asc(venues.name), asc(venues.city))
      .$dynamic(),
    db.select({ n: count() }).from(venues).where(condition),
    page,
    pageSize,
  );
}

export async function getVenue(id: string, executor: Executor = db): Promise<Venue | undefined> {
  const [row] = await executor.select().from(venues).where(eq(venues.id, id));
  return row;
}

/**
 * The venue, locked until the transaction ends: an event being moved to it concurrently waits, so a
 * usage count taken after this holds until the delete commits.
 */
export async function lockVenue(id: string, executor: Executor): Promise<Venue | undefined> {
  const [row] = await executor.select().from(venues).where(eq(venues.id, id)).for("update");
  return row;
}

/** Options for pickers: every venue by name, with the zone a new event there defaults to. */
export async function venueOptions() {
  return db
    .select({ id: venues.id, name: venues.name, city: venues.city, timeZone: venues.timeZone })
    .from(venues)
    .orderBy(asc(venues.name), asc(venues.city));
}

/** What refers to a venue; it can be deleted only when nothing does. */
export async function venueUsage(id: string, executor: Executor = db) {
  return { events: await countWhere(events, eq(events.venueId, id), executor) };
}

export async function insertVenue(values: typeof venues.$inferInsert, executor: Executor = db) {
  const [row] = await executor.insert(venues).values(values).returning();
  return row!;
}

export async function updateVenueRow(id: string, values: Partial<typeof venues.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(venues).set(values).where(eq(venues.id, id)).returning();
  return row;
}

export async function deleteVenueRow(id: string, executor: Executor = db) {
  const rows = await executor.delete(venues).where(eq(venues.id, id)).returning({ id: venues.id });
  return rows.length > 0;
}
