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
import { getEvent } from "@/db/queries/events";
import { participantsOfEvent } from "@/db/queries/participants";
import type { AgendaItem, Event } from "@/db/schema";
import { mergeTranslations } from "@/lib/translations";
import { action } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalidFields } from "@/lib/errors";
import { changeEventPart } from "@/lib/records";
import { publicChanged } from "@/lib/public-cache";
import { addAgendaItemSchema, segmentStartToUtc, updateAgendaItemSchema, type UpdateAgendaItemValues } from "@/lib/validations/agenda";
import { idSchema } from "@/lib/validations/common";
import { moveSchema } from "@/lib/validations/participant";

type SegmentInput = Omit<UpdateAgendaItemValues, "id">;

const NOT_ON_AGENDA = "This segment is no longer on the agenda.";

/** The event's own pages, in the admin and in public. */
function eventPagesChanged(eventId: string): void {
  revalidatePath(`/admin/events/${eventId}`, "layout");
  publicChanged({ kind: "event", id: eventId });
}

/**
 * The segment's row and its participants in the event's order, or a refusal when a chosen participant
 * is not (or no longer) on this event.
 */
async function segmentValues(event: Event, input: SegmentInput, current: AgendaItem["translations"], tx: Executor) {
  const found = await participantsOfEvent(event.id, input.participantIds, tx);
  if (found.length !== input.participantIds.length) {
    return { ok: false as const, refusal: invalidFields({ participantIds: ["Someone you chose is no longer a participant of this event. Reload and choose again."] }) };
  }
  const participantIds = [...found].sort((a, b) => a.sortOrder - b.sortOrder).map((p) => p.id);
  const row = {
    kind: input.kind,
    title: input.title,
    startsAt: input.startTime ? segmentStartToUtc(input.startTime, event) : null,
    durationMinutes: input.durationMinutes,
    description: input.description,
    translations: mergeTranslations(current, input.translations),
  };
  return { ok: true as const, row, participantIds };
}

export const addAgendaItem = action({ role: "staff", schema: addAgendaItemSchema }, async ({ user: me, input, client }) => {
  const { eventId, ...segment } = input;
  const result = await db.transaction(async (tx): Promise<ActionResult<{ id: string }>> => {
    const event = await getEvent(eventId, tx);
    if (!event) return fail("This event no longer exists.");
    const values = await segmentValues(event, segment, {}, tx);
    if (!values.ok) return values.refusal;
    const item = await insertAgendaItem({ eventId, ...values.row }, tx);
    await setAgendaItemParticipants(item.id, values.participantIds, tx);
    await writeAudit(
      { actorId: me.id, client, action: "agenda.add", entityType: "agenda_item", entityId: item.id, changes: { eventId, ...values.row, participantIds: values.participantIds } },
      tx,
    );
    return { ok: true, data: { id: item.id }, message: "Segment added." };
  });
  if (result.ok) eventPagesChanged(eventId);
  return result;
});

export const updateAgendaItem = action({ role: "staff", schema: updateAgendaItemSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const { id, ...segment } = input;
  const result = await db.transaction(async (tx) => {
    const before = await getAgendaItem(id, tx);
    const event = before && (await getEvent(before.eventId, tx));
    if (!before || !event) return fail(NOT_ON_AGENDA);
    const values = await segmentValues(event, segment, before.translations, tx);
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
  eventPagesChanged(result.data);
  return { ok: true, data: undefined, message: result.message };
});

export const removeAgendaItem = action({ role: "staff", schema: idSchema }, ({ user: me, input: { id }, client }) =>
  changeEventPart(NOT_ON_AGENDA, async (tx) => {
    const before = await getAgendaItem(id, tx);
    if (!before) return undefined;
    await deleteAgendaItemRow(id, tx);
    await writeAudit(
      { actorId: me.id, client, action: "agenda.remove", entityType: "agenda_item", entityId: id, changes: { eventId: before.eventId, kind: before.kind, title: before.title } },
      tx,
    );
    return before.eventId;
  }, eventPagesChanged),
);

export const moveAgendaItem = action({ role: "staff", schema: moveSchema }, ({ user: me, input: { id, direction }, client }) =>
  changeEventPart(NOT_ON_AGENDA, async (tx) => {
    const moved = await moveAgendaItemRow(id, direction, tx);
    if (moved?.changes.length) {
      await writeAudit(
        { actorId: me.id, client, action: "agenda.move", entityType: "agenda_item", entityId: id, changes: { eventId: moved.eventId, direction, sortOrders: moved.changes } },
        tx,
      );
    }
    return moved?.eventId;
  }, eventPagesChanged),
);
