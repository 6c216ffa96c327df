import "server-only";
import { and, asc, eq, gt, inArray, max, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { agendaItems, type EventParticipant, eventParticipants, events, people, type Person } from "@/db/schema";
import { personNameColumns } from "./util";

/** An event's participants in programme order, with each person's name and current position. */
export async function listParticipants(eventId: string, executor: Executor = db) {
  return executor
    .select({
      id: eventParticipants.id,
      personId: eventParticipants.personId,
      role: eventParticipants.role,
      positionAtEvent: eventParticipants.positionAtEvent,
      translations: eventParticipants.translations,
      invitationStatus: eventParticipants.invitationStatus,
      sortOrder: eventParticipants.sortOrder,
      ...personNameColumns,
      currentPosition: people.position,
    })
    .from(eventParticipants)
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .where(eq(eventParticipants.eventId, eventId))
    .orderBy(asc(eventParticipants.sortOrder), asc(eventParticipants.createdAt), asc(eventParticipants.id));
}
export type ParticipantRow = Awaited<ReturnType<typeof listParticipants>>[number];

export async function getParticipant(id: string, executor: Executor = db): Promise<EventParticipant | undefined> {
  const [row] = await executor.select().from(eventParticipants).where(eq(eventParticipants.id, id));
  return row;
}

/** The person's current position: what a new participant's position at the event starts from. */
export async function currentPosition(
  personId: string,
  executor: Executor = db,
): Promise<{ position: string | null; translations: EventParticipant["translations"] } | undefined> {
  const [row] = await executor.select({ position: people.position, translations: people.translations }).from(people).where(eq(people.id, personId));
  return row && { position: row.position, translations: positionTranslations(row.translations) };
}

/** Adds a participant at the end of the event's list. */
export async function insertParticipant(values: Omit<typeof eventParticipants.$inferInsert, "sortOrder">, executor: Executor = db) {
  const [last] = await executor
    .select({ n: max(eventParticipants.sortOrder) })
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, values.eventId));
  const [row] = await executor
    .insert(eventParticipants)
    .values({ ...values, sortOrder: last?.n == null ? 0 : last.n + 1 })
    .returning();
  return row!;
}

export async function updateParticipantRow(id: string, values: Partial<typeof eventParticipants.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(eventParticipants).set(values).where(eq(eventParticipants.id, id)).returning();
  return row;
}

export async function deleteParticipantRow(id: string, executor: Executor = db): Promise<boolean> {
  const rows = await executor.delete(eventParticipants).where(eq(eventParticipants.id, id)).returning({ id: eventParticipants.id });
  return rows.length > 0;
}

/** Which of `ids` are participants of the event (to refuse another event's participants in a segment). */
export async function participantsOfEvent(eventId: string, ids: readonly string[], executor: Executor = db) {
  if (ids.length === 0) return [];
  return executor
    .select({ id: eventParticipants.id, sortOrder: eventParticipants.sortOrder })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), inArray(eventParticipants.id, [...ids])));
}

type Ordered = { id: string; sortOrder: number };

/**
 * The new sort orders that move `id` one step: the two neighbours swap their sort orders. When earlier
 * data left ties (two rows with the same order), swapping equal numbers would change nothing, so the
 * whole list is numbered afresh in its new order. Empty when there is nowhere to move.
 */
export function planMove(rows: readonly Ordered[], id: string, direction: "up" | "down"): Ordered[] {
  const index = rows.findIndex((r) => r.id === id);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= rows.length) return [];
  const a = rows[index]!;
  const b = rows[other]!;
  const distinct = new Set(rows.map((r) => r.sortOrder)).size === rows.length;
  if (distinct) {
    return [
      { id: a.id, sortOrder: b.sortOrder },
      { id: b.id, sortOrder: a.sortOrder },
    ];
  }
  const reordered = [...rows];
  reordered[index] = b;
  reordered[other] = a;
  return reordered.map((r, i) => ({ id: r.id, sortOrder: i, before: r.sortOrder })).filter((r) => r.sortOrder !== r.before).map(({ id, sortOrder }) => ({ id, sortOrder }));
}

/** The lists of an event that keep their own order: its participants and its agenda's segments. */
type EventOrderedTable = typeof eventParticipants | typeof agendaItems;

/**
 * Moves row `id` of `table` one step up or down its event's list, in the caller's transaction. The
 * event's rows are locked first so that two moves at once cannot interleave. Returns the rows it changed.
 */
export async function moveWithinEvent(table: EventOrderedTable, id: string, direction: "up" | "down", executor: Executor) {
  const [target] = await executor.select({ eventId: table.eventId }).from(table).where(eq(table.id, id));
  if (!target) return undefined;
  const rows = await executor
    .select({ id: table.id, sortOrder: table.sortOrder })
    .from(table)
    .where(eq(table.eventId, target.eventId))
    .orderBy(asc(table.sortOrder), asc(table.createdAt), asc(table.id))
    .for("update");
  const plan = planMove(rows, id, direction);
  for (const change of plan) {
    await executor.update(table).set({ sortOrder: change.sortOrder }).where(eq(table.id, change.id));
  }
  return { eventId: target.eventId, changes: plan };
}

/** Moves a participant one step up or down the event's list, in the caller's transaction. */
export async function moveParticipant(id: string, direction: "up" | "down", executor: Executor) {
  return moveWithinEvent(eventParticipants, id, direction, executor);
}

// Events still to come and not called off: where a title printed today is still the title to print.
const upcoming = (now: Date) => and(gt(events.startsAt, now), ne(events.status, "cancelled"));
const snapshotIs = (position: string | null) => sql`${eventParticipants.positionAtEvent} is not distinct from ${position}`;

/** A person's places on upcoming events whose position snapshot reads `position` (their old title). */
export async function listUpcomingSnapshots(personId: string, position: string | null, now = new Date(), executor: Executor = db) {
  return executor
    .select({
      participantId: eventParticipants.id,
      role: eventParticipants.role,
      eventId: events.id,
      eventTitle: events.title,
      startsAt: events.startsAt,
      timeZone: events.timeZone,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(eq(eventParticipants.personId, personId), upcoming(now), snapshotIs(position)))
    .orderBy(asc(events.startsAt), asc(eventParticipants.id));
}
export type UpcomingSnapshot = Awaited<ReturnType<typeof listUpcomingSnapshots>>[number];

/**
 * Sets the position snapshot of the given places to `to`, only where they belong to the person, are on
 * an upcoming event and still read `from`: a snapshot someone edited meanwhile is left as they made it.
 */
export async function updateUpcomingSnapshots(
  personId: string,
  participantIds: readonly string[],
  from: string | null,
  to: string | null,
  executor: Executor,
  now = new Date(),
) {
  const upcomingEvents = executor.select({ id: events.id }).from(events).where(upcoming(now));
  return executor
    .update(eventParticipants)
    .set({ positionAtEvent: to })
    .where(
      and(
        inArray(eventParticipants.id, [...participantIds]),
        eq(eventParticipants.personId, personId),
        inArray(eventParticipants.eventId, upcomingEvents),
        snapshotIs(from),
      ),
    )
    .returning({ id: eventParticipants.id, eventId: eventParticipants.eventId });
}

/**
 * Copies an event's participants onto another event: the same people in the same roles and order, each
 * with the position they hold today as the new snapshot, and no invitation yet (nothing is sent).
 * Returns the new participant id of each old one, for the agenda's links.
 */
/** A person's position in each language, as a participant's position at the event. */
export function positionTranslations(person: Person["translations"]): EventParticipant["translations"] {
  return Object.fromEntries(
    Object.entries(person).flatMap(([language, fields]) => (fields?.position ? [[language, { positionAtEvent: fields.position }]] : [])),
  );
}

export async function copyParticipants(fromEventId: string, toEventId: string, executor: Executor): Promise<Map<string, string>> {
  const rows = await executor
    .select({
      id: eventParticipants.id,
      personId: eventParticipants.personId,
      role: eventParticipants.role,
      sortOrder: eventParticipants.sortOrder,
      position: people.position,
      personTranslations: people.translations,
    })
    .from(eventParticipants)
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .where(eq(eventParticipants.eventId, fromEventId))
    .orderBy(asc(eventParticipants.sortOrder), asc(eventParticipants.createdAt), asc(eventParticipants.id));
  const ids = new Map<string, string>();
  if (rows.length === 0) return ids;
  const inserted = await executor
    .insert(eventParticipants)
    .values(rows.map((r) => ({ eventId: toEventId, personId: r.personId, role: r.role, positionAtEvent: r.position, translations: positionTranslations(r.personTranslations), sortOrder: r.sortOrder })))
    .returning({ id: eventParticipants.id });
  // Multi-row INSERT … RETURNING gives rows back in the order of VALUES.
  rows.forEach((r, i) => ids.set(r.id, inserted[i]!.id));
  return ids;
}
