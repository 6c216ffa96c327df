import { asc, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { agendaItems, type EventStatus, eventParticipants, events, people, series } from "@/db/schema";
import { eventFormInput } from "../../support/event-input";
import { action, type Expectation, type Fixtures } from "../helpers";

const eventCount = async () => (await db.select({ n: count() }).from(events))[0]?.n;
const eventRow = (f: Fixtures) => db.select().from(events).where(eq(events.id, f.scratch!));
const participantRows = (eventId: string) =>
  db.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId)).orderBy(asc(eventParticipants.id));
const agendaRows = (eventId: string) => db.select().from(agendaItems).where(eq(agendaItems.eventId, eventId)).orderBy(asc(agendaItems.id));

const start = new Date("2031-05-06T13:00:00Z");

async function insertScratchEvent(f: Fixtures, status: EventStatus = "draft"): Promise<string> {
  const [row] = await db
    .insert(events)
    .values({
      slug: `scratch-event-${f.n}`,
      title: `Scratch event ${f.n}`,
      timeZone: "Europe/Zurich",
      startsAt: start,
      endsAt: new Date(start.getTime() + 60 * 60_000),
      status,
    })
    .returning({ id: events.id });
  return row!.id;
}

/** A scratch event that is the first meeting of a scratch series, for "Plan the next meeting". */
async function scratchSeriesEvent(f: Fixtures) {
  f.scratch = await insertScratchEvent(f);
  const [row] = await db.insert(series).values({ slug: `scratch-series-${f.n}`, name: `Scratch series ${f.n}` }).returning({ id: series.id });
  await db.update(events).set({ seriesId: row!.id, seriesNumber: 1 }).where(eq(events.id, f.scratch));
}

const scratchEvent = (status: EventStatus) => async (f: Fixtures) => {
  f.scratch = await insertScratchEvent(f, status);
};

async function anyPersonId(): Promise<string> {
  const [row] = await db.select({ id: people.id }).from(people).orderBy(asc(people.familyName)).limit(1);
  return row!.id;
}

/** A scratch event with two participants; `f.scratch` is the first participant. */
async function scratchParticipants(f: Fixtures) {
  const eventId = await insertScratchEvent(f);
  const personId = await anyPersonId();
  const rows = await db
    .insert(eventParticipants)
    .values([
      { eventId, personId, role: "speaker", positionAtEvent: "Speaker", sortOrder: 0 },
      { eventId, personId, role: "guest", positionAtEvent: "Guest", sortOrder: 1 },
    ])
    .returning({ id: eventParticipants.id });
  f.scratch = rows[0]!.id;
}

/** A scratch event with two segments; `f.scratch` is the first segment. */
async function scratchSegments(f: Fixtures) {
  const eventId = await insertScratchEvent(f);
  const rows = await db
    .insert(agendaItems)
    .values([
      { eventId, kind: "speech", title: "Speech", durationMinutes: 10, sortOrder: 0 },
      { eventId, kind: "closing_remarks", title: "Closing", durationMinutes: 5, sortOrder: 1 },
    ])
    .returning({ id: agendaItems.id });
  f.scratch = rows[0]!.id;
}

/** The call's scratch event, found by its address (its participants and segments may be gone). */
async function scratchEventId(f: Fixtures): Promise<string> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, `scratch-event-${f.n}`));
  return row!.id;
}
const scratchParticipantRows = async (f: Fixtures) => participantRows(await scratchEventId(f));
const scratchAgendaRows = async (f: Fixtures) => agendaRows(await scratchEventId(f));

const eventInput = (f: Fixtures) =>
  eventFormInput("Europe/Zurich", { title: `Event ${f.n}`, startDate: "2031-05-06", startTime: "15:00" });

const EVENTS = "app/(staff)/admin/events/actions.ts";
const PARTICIPANTS = "app/(staff)/admin/events/[id]/participants/actions.ts";
const AGENDA = "app/(staff)/admin/events/[id]/agenda/actions.ts";

export const eventsArea: Record<string, Expectation> = {
  [`${EVENTS}#createEvent`]: { call: action(eventInput), state: eventCount },
  [`${EVENTS}#updateEvent`]: {
    prepare: scratchEvent("draft"),
    call: action((f) => ({ ...eventInput(f), id: f.scratch, title: "Renamed", slug: `scratch-event-${f.n}` })),
    state: eventRow,
  },
  [`${EVENTS}#scheduleEvent`]: { prepare: scratchEvent("draft"), call: action((f) => ({ id: f.scratch })), state: eventRow },
  [`${EVENTS}#cancelEvent`]: { prepare: scratchEvent("scheduled"), call: action((f) => ({ id: f.scratch })), state: eventRow },
  [`${EVENTS}#revertEventToDraft`]: { prepare: scratchEvent("scheduled"), call: action((f) => ({ id: f.scratch })), state: eventRow },
  [`${EVENTS}#planNextMeeting`]: {
    prepare: scratchSeriesEvent,
    call: action((f) => ({ id: f.scratch, startDate: "2031-06-03", startTime: "15:00" })),
    state: eventCount,
  },
  [`${EVENTS}#duplicateEvent`]: {
    prepare: scratchEvent("scheduled"),
    call: action((f) => ({ id: f.scratch, startDate: "2031-06-03", startTime: "15:00" })),
    state: eventCount,
  },
  [`${EVENTS}#deleteEvent`]: { prepare: scratchEvent("draft"), call: action((f) => ({ id: f.scratch })), state: eventRow },

  [`${PARTICIPANTS}#addParticipant`]: {
    prepare: scratchEvent("draft"),
    call: async (f, mod, name) => {
      const personId = await anyPersonId();
      return action(() => ({ eventId: f.scratch, personId, role: "guest", positionAtEvent: "", invitationStatus: "not_invited" }))(f, mod, name);
    },
    state: (f) => participantRows(f.scratch!),
  },
  [`${PARTICIPANTS}#updateParticipant`]: {
    prepare: scratchParticipants,
    call: action((f) => ({ id: f.scratch, role: "host", positionAtEvent: "Changed", invitationStatus: "confirmed" })),
    state: scratchParticipantRows,
  },
  [`${PARTICIPANTS}#removeParticipant`]: { prepare: scratchParticipants, call: action((f) => ({ id: f.scratch })), state: scratchParticipantRows },
  [`${PARTICIPANTS}#moveParticipant`]: {
    prepare: scratchParticipants,
    call: action((f) => ({ id: f.scratch, direction: "down" })),
    state: scratchParticipantRows,
  },

  [`${AGENDA}#addAgendaItem`]: {
    prepare: scratchEvent("draft"),
    call: action((f) => ({ eventId: f.scratch, kind: "speech", title: "Keynote", startTime: "15:10", durationMinutes: "20", description: "", participantIds: [] })),
    state: (f) => agendaRows(f.scratch!),
  },
  [`${AGENDA}#updateAgendaItem`]: {
    prepare: scratchSegments,
    call: action((f) => ({ id: f.scratch, kind: "panel", title: "Renamed", startTime: "", durationMinutes: "30", description: "", participantIds: [] })),
    state: scratchAgendaRows,
  },
  [`${AGENDA}#removeAgendaItem`]: { prepare: scratchSegments, call: action((f) => ({ id: f.scratch })), state: scratchAgendaRows },
  [`${AGENDA}#moveAgendaItem`]: { prepare: scratchSegments, call: action((f) => ({ id: f.scratch, direction: "down" })), state: scratchAgendaRows },
};
