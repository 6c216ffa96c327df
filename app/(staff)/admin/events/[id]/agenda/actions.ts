"use server";

import { revalidatePath } from "next/cache";
import { db, type Executor } from "@/db";
import {
  agendaItemParticipantIds,
  deleteAgendaItemRow,
  getAgendaItem,
  insertAgendaItem,
  moveAgendaItem as moveAgendaItemRow,
  setAgendaItemParticipants,
  updateAgendaItemRow,
} from "@/db/queries/agenda";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { getEvent } from "@/db/queries/events";
import { participantsOfEvent } from "@/db/queries/participants";
import type { Event } from "@/db/schema";
import { requireRole } from "@/lib/auth";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalid } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { addAgendaItemSchema, segmentStartToUtc, updateAgendaItemSchema, type UpdateAgendaItemValues } from "@/lib/validations/agenda";
import { idSchema } from "@/lib/validations/common";
import { moveSchema } from "@/lib/validations/participant";
import { publicChanged } from "@/lib/public-cache";

type SegmentInput = Omit<UpdateAgendaItemValues, "id">;

/**
 * The segment's row and its participants in the event's order, or a refusal when a chosen participant
 * is not (or no longer) on this event.
 */
async function segmentValues(event: Event, input: SegmentInput, tx: Executor) {
  const found = await participantsOfEvent(event.id, input.participantIds, tx);
  if (found.length !== input.participantIds.length) {
    return { ok: false as const, refusal: fail("Some fields need attention.", { participantIds: ["Someone you chose is no longer a participant of this event. Reload and choose again."] }) };
  }
  const participantIds = [...found].sort((a, b) => a.sortOrder - b.sortOrder).map((p) => p.id);
  const row = {
    kind: input.kind,
    title: input.title,
    startsAt: input.startTime ? segmentStartToUtc(input.startTime, event) : null,
    durationMinutes: input.durationMinutes,
    description: input.description,
  };
  return { ok: true as const, row, participantIds };
}

function revalidateAgenda(eventId: string) {
  revalidatePath(`/admin/events/${eventId}`, "layout");
  publicChanged({ kind: "event", id: eventId });
}

export async function addAgendaItem(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = addAgendaItemSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { eventId, ...segment } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const event = await getEvent(eventId, tx);
    if (!event) return fail("This event no longer exists.");
    const values = await segmentValues(event, segment, tx);
    if (!values.ok) return values.refusal;
    const item = await insertAgendaItem({ eventId, ...values.row }, tx);
    await setAgendaItemParticipants(item.id, values.participantIds, tx);
    await writeAudit(
      { actorId: me.id, client, action: "agenda.add", entityType: "agenda_item", entityId: item.id, changes: { eventId, ...values.row, participantIds: values.participantIds } },
      tx,
    );
    return { ok: true as const, data: { id: item.id }, message: "Segment added." };
  });
  if (result.ok) revalidateAgenda(eventId);
  return result;
}

export async function updateAgendaItem(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = updateAgendaItemSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...segment } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const before = await getAgendaItem(id, tx);
    const event = before && (await getEvent(before.eventId, tx));
    if (!before || !event) return fail("This segment is no longer on the agenda.");
    const values = await segmentValues(event, segment, tx);
    if (!values.ok) return values.refusal;
    const participantsBefore = await agendaItemParticipantIds(id, tx);
    const changes = {
      ...changedFields(before, values.row),
      ...changedFields({ participantIds: participantsBefore }, { participantIds: values.participantIds }),
    };
    if (Object.keys(changes).length === 0) return { ok: true as const, data: event.id, message: "No changes to save." };
    await updateAgendaItemRow(id, values.row, tx);
    await setAgendaItemParticipants(id, values.participantIds, tx);
    await writeAudit({ actorId: me.id, client, action: "agenda.update", entityType: "agenda_item", entityId: id, changes: { eventId: event.id, ...changes } }, tx);
    return { ok: true as const, data: event.id, message: "Segment saved." };
  });
  if (!result.ok) return result;
  revalidateAgenda(result.data);
  return { ok: true, data: undefined, message: result.message };
}

export async function removeAgendaItem(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const before = await getAgendaItem(id, tx);
    if (!before) return fail("This segment is no longer on the agenda.");
    await deleteAgendaItemRow(id, tx);
    await writeAudit(
      { actorId: me.id, client, action: "agenda.remove", entityType: "agenda_item", entityId: id, changes: { eventId: before.eventId, kind: before.kind, title: before.title } },
      tx,
    );
    return { ok: true as const, data: before.eventId };
  });
  if (!result.ok) return result;
  revalidateAgenda(result.data);
  return { ok: true, data: undefined };
}

export async function moveAgendaItem(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = moveSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, direction } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const moved = await moveAgendaItemRow(id, direction, tx);
    if (!moved) return fail("This segment is no longer on the agenda.");
    if (moved.changes.length > 0) {
      await writeAudit(
        { actorId: me.id, client, action: "agenda.move", entityType: "agenda_item", entityId: id, changes: { eventId: moved.eventId, direction, sortOrders: moved.changes } },
        tx,
      );
    }
    return { ok: true as const, data: moved.eventId };
  });
  if (!result.ok) return result;
  revalidateAgenda(result.data);
  return { ok: true, data: undefined };
}
