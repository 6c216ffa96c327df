import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { venues } from "@/db/schema";
import { action, type Expectation, type Fixtures } from "../helpers";

const venueCount = async () => (await db.select({ n: count() }).from(venues))[0]?.n;
const venueRow = async (id: string) => db.select().from(venues).where(eq(venues.id, id));

const VENUE = { name: "Scratch Hall", address: "", city: "Vienna", country: "Austria", timeZone: "Europe/Vienna" };

/** A throwaway venue per call, so that an allowed delete has something to delete. */
async function scratchVenue(f: Fixtures) {
  const [row] = await db.insert(venues).values({ ...VENUE, name: `Scratch Hall ${f.n}`, address: null }).returning();
  f.scratch = row!.id;
}

export const venuesArea: Record<string, Expectation> = {
  "app/(staff)/admin/venues/actions.ts#createVenue": {
    call: action((f) => ({ ...VENUE, name: `Venue ${f.n}` })),
    state: venueCount,
  },
  "app/(staff)/admin/venues/actions.ts#updateVenue": {
    prepare: scratchVenue,
    call: action((f) => ({ ...VENUE, id: f.scratch, name: "Renamed Hall", timeZone: "Asia/Tokyo" })),
    state: (f) => venueRow(f.scratch!),
  },
  "app/(staff)/admin/venues/actions.ts#deleteVenue": {
    prepare: scratchVenue,
    call: action((f) => ({ id: f.scratch })),
    state: (f) => venueRow(f.scratch!),
  },
};
