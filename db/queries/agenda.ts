import "server-only";
import { and, asc, eq, inArray, isNotNull, max, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { type AgendaItem, agendaItemParticipants, agendaItems, eventParticipants, people } from "@/db/schema";
import { moveWithinEvent } from "./participants";
import { personNameColumns } from "./util";

/**
 * An event's agenda in order, each segment with its participants (in the event's participant order)
 * and their names and positions at the event.
 */
export async function listAgenda(eventId: string, executor: Executor = db) {
  const items = await executor
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.sortOrder), asc(agendaItems.createdAt), asc(agendaItems.id));
  if (items.length === 0) return [];
  const links = await executor
    .select({
      agendaItemId: agendaItemParticipants.agendaItemId,
      participantId: agendaItemParticipants.participantId,
      role: eventParticipants.role,
      positionAtEvent: eventParticipants.positionAtEvent,
      ...personNameColumns,
    })
    .from(agendaItemParticipants)
    .innerJoin(eventParticipants, eq(eventParticipants.id, agendaItemParticipants.participantId))
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .where(inArray(agendaItemParticipants.agendaItemId, items.map((i) => i.id)))
    .orderBy(asc(agendaItemParticipants.sortOrder), asc(eventParticipants.sortOrder), asc(eventParticipants.id));
  return items.map((item) => ({
    ...item,
    participants: links
      .filter((l) => l.agendaItemId === item.id)
      .map((l) => ({
        participantId: l.participantId,
        role: l.role,
        positionAtEvent: l.positionAtEvent,
        honorific: l.honorific,
        givenName: l.givenName,
        familyName: l.familyName,
        nameOrder: l.nameOrder,
      })),
  }));
}
export type AgendaRow = Awaited<ReturnType<typeof listAgenda>>[number];

export async function getAgendaItem(id: string, executor: Executor = db): Promise<AgendaItem | undefined> {
  const [row] = await executor.select().from(agendaItems).where(eq(agendaItems.id, id));
  return row;
}

/** The participant ids of a segment, in order. */
export async function agendaItemParticipantIds(agendaItemId: string, executor: Executor = db): Promise<string[]> {
  const rows = await executor
    .select({ id: agendaItemParticipants.participantId })
    .from(agendaItemParticipants)
    .where(eq(agendaItemParticipants.agendaItemId, agendaItemId))
    .orderBy(asc(agendaItemParticipants.sortOrder));
  return rows.map((r) => r.id);
}

/** Adds a segment at the end of the event's agenda. */
export async function insertAgendaItem(values: Omit<typeof agendaItems.$inferInsert, "sortOrder">, executor: Executor = db): Promise<AgendaItem> {
  const [last] = await executor.select({ n: max(agendaItems.sortOrder) }).from(agendaItems).where(eq(agendaItems.eventId, values.eventId));
  const [row] = await executor
    .insert(agendaItems)
    .values({ ...values, sortOrder: last?.n == null ? 0 : last.n + 1 })
    .returning();
  return row!;
}

export async function updateAgendaItemRow(id: string, values: Partial<typeof agendaItems.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(agendaItems).set(values).where(eq(agendaItems.id, id)).returning();
  return row;
}

/** Replaces who takes part in a segment; `participantIds` are already in the order to keep. */
export async function setAgendaItemParticipants(agendaItemId: string, participantIds: readonly string[], executor: Executor = db) {
  await executor.delete(agendaItemParticipants).where(eq(agendaItemParticipants.agendaItemId, agendaItemId));
  if (participantIds.length === 0) return;
  await executor
    .insert(agendaItemParticipants)
    .values(participantIds.map((participantId, sortOrder) => ({ agendaItemId, participantId, sortOrder })));
}

export async function deleteAgendaItemRow(id: string, executor: Executor = db): Promise<boolean> {
  const rows = await executor.delete(agendaItems).where(eq(agendaItems.id, id)).returning({ id: agendaItems.id });
  return rows.length > 0;
}

/** Moves a segment one step up or down its agenda, in the caller's transaction (see moveWithinEvent). */
export async function moveAgendaItem(id: string, direction: "up" | "down", executor: Executor) {
  return moveWithinEvent(agendaItems, id, direction, executor);
}

/**
 * Moves every segment start of an event by `ms`: when the event itself moves, its programme moves with
 * it instead of staying behind on the old day. Returns how many segments moved.
 */
export async function shiftAgendaStarts(eventId: string, ms: number, executor: Executor = db): Promise<number> {
  if (ms === 0) return 0;
  const rows = await executor
    .update(agendaItems)
    .set({ startsAt: sql`${agendaItems.startsAt} + make_interval(secs => ${ms / 1000})` })
    .where(and(eq(agendaItems.eventId, eventId), isNotNull(agendaItems.startsAt)))
    .returning({ id: agendaItems.id });
  return rows.length;
}

/**
 * Copies an event's agenda onto another event: each segment's kind, title, length, description and
 * order, its start moved by `shiftMs` (the distance between the two events), and its participants
 * through `participantIds` (old participant id → new). Returns how many segments were copied.
 */
export async function copyAgenda(fromEventId: string, toEventId: string, shiftMs: number, participantIds: ReadonlyMap<string, string>, executor: Executor): Promise<number> {
  const items = await executor
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.eventId, fromEventId))
    .orderBy(asc(agendaItems.sortOrder), asc(agendaItems.createdAt), asc(agendaItems.id));
  if (items.length === 0) return 0;
  const inserted = await executor
    .insert(agendaItems)
    .values(
      items.map((i) => ({
        eventId: toEventId,
        kind: i.kind,
        title: i.title,
        startsAt: i.startsAt ? new Date(i.startsAt.getTime() + shiftMs) : null,
        durationMinutes: i.durationMinutes,
        description: i.description,
        translations: i.translations,
        sortOrder: i.sortOrder,
      })),
    )
    .returning({ id: agendaItems.id });
  const newItemIds = new Map(items.map((item, index) => [item.id, inserted[index]!.id]));
  const links = await executor
    .select()
    .from(agendaItemParticipants)
    .where(inArray(agendaItemParticipants.agendaItemId, items.map((i) => i.id)));
  const copies = links.flatMap((l) => {
    const participantId = participantIds.get(l.participantId);
    return participantId ? [{ agendaItemId: newItemIds.get(l.agendaItemId)!, participantId, sortOrder: l.sortOrder }] : [];
  });
  if (copies.length) await executor.insert(agendaItemParticipants).values(copies);
  return items.length;
}
