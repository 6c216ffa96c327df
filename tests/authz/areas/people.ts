import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { people } from "@/db/schema";
import { action, type Expectation, type Fixtures } from "../helpers";

const peopleCount = async () => (await db.select({ n: count() }).from(people))[0]?.n;
const personRow = async (id: string) => db.select().from(people).where(eq(people.id, id));

const PERSON = {
  honorific: "Dr.",
  givenName: "Ada",
  familyName: "Scratch",
  nameOrder: "given_family",
  position: "",
  organization: "",
  bio: "",
  email: "",
  slug: "",
};

/** A throwaway person per call, so that an allowed delete has something to delete. */
async function scratchPerson(f: Fixtures) {
  const [row] = await db.insert(people).values({ slug: `scratch-person-${f.n}`, givenName: "Ada", familyName: `Scratch ${f.n}` }).returning();
  f.scratch = row!.id;
}

export const peopleArea: Record<string, Expectation> = {
  "app/(staff)/admin/people/actions.ts#createPerson": {
    call: action((f) => ({ ...PERSON, familyName: `Person ${f.n}` })),
    state: peopleCount,
  },
  "app/(staff)/admin/people/actions.ts#updatePerson": {
    prepare: scratchPerson,
    call: action((f) => ({ ...PERSON, id: f.scratch, position: "Renamed", email: `Person-${f.n}@Example.org` })),
    state: (f) => personRow(f.scratch!),
  },
  "app/(staff)/admin/people/actions.ts#deletePerson": {
    prepare: scratchPerson,
    call: action((f) => ({ id: f.scratch })),
    state: (f) => personRow(f.scratch!),
  },
};
