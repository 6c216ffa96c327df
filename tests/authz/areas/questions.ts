import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { eventQuestions, events } from "@/db/schema";
import { action, type Expectation, type Fixtures } from "../helpers";

const start = new Date("2031-05-06T13:00:00Z");

/** A scratch event with two questions; `f.scratch` is the first question. */
async function scratchQuestions(f: Fixtures) {
  const [event] = await db
    .insert(events)
    .values({
      slug: `scratch-questions-${f.n}`,
      title: `Scratch questions ${f.n}`,
      timeZone: "Europe/Zurich",
      startsAt: start,
      endsAt: new Date(start.getTime() + 60 * 60_000),
      status: "scheduled",
    })
    .returning({ id: events.id });
  const rows = await db
    .insert(eventQuestions)
    .values([
      { eventId: event!.id, kind: "short_text", label: "Title", position: 0 },
      { eventId: event!.id, kind: "single_choice", label: "Delegation", options: ["Member State", "Observer"], required: true, position: 1 },
    ])
    .returning({ id: eventQuestions.id });
  f.scratch = rows[0]!.id;
}

/** The scratch event (its updated_at moves with every change to its questions) and its questions. */
async function scratchState(f: Fixtures) {
  const [event] = await db.select().from(events).where(eq(events.slug, `scratch-questions-${f.n}`));
  const questions = await db.select().from(eventQuestions).where(eq(eventQuestions.eventId, event!.id)).orderBy(asc(eventQuestions.id));
  return { event, questions };
}

async function scratchEventId(f: Fixtures): Promise<string> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, `scratch-questions-${f.n}`));
  return row!.id;
}

const QUESTIONS = "app/(staff)/admin/events/[id]/questions/actions.ts";

export const questionsArea: Record<string, Expectation> = {
  [`${QUESTIONS}#addQuestion`]: {
    prepare: scratchQuestions,
    call: async (f, mod, name) => {
      const eventId = await scratchEventId(f);
      return action(() => ({ eventId, kind: "yes_no", label: "Wheelchair access", options: "", required: true }))(f, mod, name);
    },
    state: scratchState,
  },
  [`${QUESTIONS}#updateQuestion`]: {
    prepare: scratchQuestions,
    call: action((f) => ({ id: f.scratch, kind: "long_text", label: "Title or rank", options: "", required: true })),
    state: scratchState,
  },
  [`${QUESTIONS}#moveQuestion`]: { prepare: scratchQuestions, call: action((f) => ({ id: f.scratch, direction: "down" })), state: scratchState },
  [`${QUESTIONS}#removeQuestion`]: { prepare: scratchQuestions, call: action((f) => ({ id: f.scratch })), state: scratchState },
};
