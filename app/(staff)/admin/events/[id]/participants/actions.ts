"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getEvent } from "@/db/queries/events";
import {
  currentPosition,
  deleteParticipantRow,
  getParticipant,
  insertParticipant,
  moveParticipant as moveParticipantRow,
  updateParticipantRow,
} from "@/db/queries/participants";
import type { EventParticipant } from "@/db/schema";
import { requireRole } from "@/lib/auth";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalid, isUniqueViolation } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { idSchema } from "@/lib/validations/common";
import { addParticipantSchema, type InvitationStatus, moveSchema, updateParticipantSchema } from "@/lib/validations/participant";

const SAME_ROLE = "This person already has that role at this event.";

/** When an invitation was sent and answered follow its status as staff set it by hand. */
function invitationTimes(status: InvitationStatus, before: Pick<EventParticipant, "invitedAt" | "respondedAt"> | undefined, now = new Date()) {
  if (status === "not_invited") return { invitedAt: null, respondedAt: null };
  const invitedAt = before?.invitedAt ?? now;
  if (status === "invited") return { invitedAt, respondedAt: null };
  return { invitedAt, respondedAt: before?.respondedAt ?? now };
}

function revalidateParticipants(eventId: string) {
  revalidatePath(`/admin/events/${eventId}`, "layout");
  revalidatePath("/", "layout");
}

export async function addParticipant(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("staff");
  const parsed = addParticipantSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { eventId, personId, role, positionAtEvent, invitationStatus } = parsed.data;
  try {
    const result = await db.transaction(async (tx) => {
      if (!(await getEvent(eventId, tx))) return fail("This event no longer exists.");
      const person = await currentPosition(personId, tx);
      if (!person) return fail("Some fields need attention.", { personId: ["That person no longer exists. Choose another."] });
      // The position is copied, not linked: a later change to the person's title must not rewrite this event.
      const values = { eventId, personId, role, invitationStatus, positionAtEvent: positionAtEvent ?? person.position, ...invitationTimes(invitationStatus, undefined) };
      const participant = await insertParticipant(values, tx);
      await writeAudit({ actorId: me.id, action: "participant.add", entityType: "event_participant", entityId: participant.id, changes: values }, tx);
      return { ok: true as const, data: { id: participant.id }, message: "Participant added." };
    });
    revalidateParticipants(eventId);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Some fields need attention.", { personId: [SAME_ROLE] });
    throw error;
  }
}

export async function updateParticipant(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const parsed = updateParticipantSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, role, positionAtEvent, invitationStatus } = parsed.data;
  try {
    const result = await db.transaction(async (tx) => {
      const before = await getParticipant(id, tx);
      if (!before) return fail("This participant is no longer on the event.");
      const values = { role, positionAtEvent, invitationStatus, ...invitationTimes(invitationStatus, before) };
      const changes = changedFields(before, values);
      if (Object.keys(changes).length === 0) return { ok: true as const, data: before.eventId, message: "No changes to save." };
      await updateParticipantRow(id, values, tx);
      await writeAudit(
        { actorId: me.id, action: "participant.update", entityType: "event_participant", entityId: id, changes: { eventId: before.eventId, ...changes } },
        tx,
      );
      return { ok: true as const, data: before.eventId, message: "Participant saved." };
    });
    if (!result.ok) return result;
    revalidateParticipants(result.data);
    return { ok: true, data: undefined, message: result.message };
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Some fields need attention.", { role: [SAME_ROLE] });
    throw error;
  }
}

/** Takes a person off the event, and so out of every agenda segment they were in. */
export async function removeParticipant(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const before = await getParticipant(id, tx);
    if (!before) return fail("This participant is no longer on the event.");
    await deleteParticipantRow(id, tx);
    await writeAudit(
      {
        actorId: me.id,
        action: "participant.remove",
        entityType: "event_participant",
        entityId: id,
        changes: { eventId: before.eventId, personId: before.personId, role: before.role, positionAtEvent: before.positionAtEvent },
      },
      tx,
    );
    return { ok: true as const, data: { eventId: before.eventId } };
  });
  if (!result.ok) return result;
  revalidateParticipants(result.data.eventId);
  return { ok: true, data: undefined };
}

export async function moveParticipant(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const parsed = moveSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, direction } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const moved = await moveParticipantRow(id, direction, tx);
    if (!moved) return fail("This participant is no longer on the event.");
    if (moved.changes.length > 0) {
      await writeAudit(
        { actorId: me.id, action: "participant.move", entityType: "event_participant", entityId: id, changes: { eventId: moved.eventId, direction, sortOrders: moved.changes } },
        tx,
      );
    }
    return { ok: true as const, data: { eventId: moved.eventId } };
  });
  if (!result.ok) return result;
  revalidateParticipants(result.data.eventId);
  return { ok: true, data: undefined };
}
