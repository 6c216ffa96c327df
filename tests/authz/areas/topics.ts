import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { topics } from "@/db/schema";
import { action, type Expectation, type Fixtures } from "../helpers";

const topicCount = async () => (await db.select({ n: count() }).from(topics))[0]?.n;
const topicRow = async (id: string) => db.select().from(topics).where(eq(topics.id, id));

/** A throwaway topic per call, so that an allowed delete has something to delete. */
async function scratchTopic(f: Fixtures) {
  const [row] = await db.insert(topics).values({ slug: `scratch-topic-${f.n}`, name: `Scratch ${f.n}` }).returning();
  f.scratch = row!.id;
}

export const topicsArea: Record<string, Expectation> = {
  "app/(staff)/admin/topics/actions.ts#createTopic": {
    call: action((f) => ({ name: `Topic ${f.n}`, slug: "", description: "" })),
    state: topicCount,
  },
  "app/(staff)/admin/topics/actions.ts#updateTopic": {
    prepare: scratchTopic,
    call: action((f) => ({ id: f.scratch, name: "Renamed", slug: "", description: "" })),
    state: (f) => topicRow(f.scratch!),
  },
  "app/(staff)/admin/topics/actions.ts#deleteTopic": {
    prepare: scratchTopic,
    call: action((f) => ({ id: f.scratch })),
    state: (f) => topicRow(f.scratch!),
  },
};
