import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { series } from "@/db/schema";
import { action, type Expectation, type Fixtures } from "../helpers";

const seriesCount = async () => (await db.select({ n: count() }).from(series))[0]?.n;
const seriesRow = async (id: string) => db.select().from(series).where(eq(series.id, id));

/** A throwaway series per call, so that an allowed delete has something to delete. */
async function scratchSeries(f: Fixtures) {
  const [row] = await db.insert(series).values({ slug: `scratch-series-${f.n}`, name: `Scratch series ${f.n}` }).returning();
  f.scratch = row!.id;
}

export const seriesArea: Record<string, Expectation> = {
  "app/(staff)/admin/series/actions.ts#createSeries": {
    call: action((f) => ({ name: `Series ${f.n}`, slug: "", topicId: "", description: "" })),
    state: seriesCount,
  },
  "app/(staff)/admin/series/actions.ts#updateSeries": {
    prepare: scratchSeries,
    call: action((f) => ({ id: f.scratch, name: "Renamed", slug: "", topicId: "", description: "Changed" })),
    state: (f) => seriesRow(f.scratch!),
  },
  "app/(staff)/admin/series/actions.ts#deleteSeries": {
    prepare: scratchSeries,
    call: action((f) => ({ id: f.scratch })),
    state: (f) => seriesRow(f.scratch!),
  },
};
