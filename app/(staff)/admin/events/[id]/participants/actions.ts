"use server";

import { revalidatePath } from "next/cache";
import { seriesLine } from "@/lib/names";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { getEvent } from "@/db/queries/events";
import {
  findUserByEmail,
  INVITE_ACTION,
  linkPersonToUser,
  lockParticipantForInvitation,
  markInvited,
  personLinkedTo,
} from "@/db/queries/invitations";
import { enqueueEmail } from "@/db/queries/outbox";
import {
  currentPosition,
  deleteParticipantRow,
  getParticipant,
  insertParticipant,
  moveParticipant as moveParticipantRow,
  updateParticipantRow,
} from "@/db/queries/participants";
import { getSettings } from "@/db/queries/settings";
import { insertUser } from "@/db/queries/users";
import type { EventParticipant } from "@/db/schema";
import { requireRole } from "@/lib/auth";
import { createSignInLink } from "@/lib/auth/invitation-link";
import { changedFields } from "@/lib/diff";
import { invitationEmail } from "@/lib/email/panelist-emails";
import { kickOutbox } from "@/lib/email/sender";
import { appUrl } from "@/lib/env";
import { type ActionResult, fail, invalid, isUniqueViolation } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { displayName, plainName } from "@/lib/names";
import { formatDualTime } from "@/lib/time";
import { idSchema } from "@/lib/validations/common";
import { inviteSchema } from "@/lib/validations/invitation";
import { addParticipantSchema, type InvitationStatus, moveSchema, updateParticipantSchema } from "@/lib/validations/participant";
import { publicChanged } from "@/lib/public-cache";

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
  publicChanged({ kind: "event", id: eventId });
}

export async function addParticipant(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("staff");
  const client = await requestInfo();
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
      await writeAudit({ actorId: me.id, client, action: "participant.add", entityType: "event_participant", entityId: participant.id, changes: values }, tx);
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
  const client = await requestInfo();
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
        { actorId: me.id, client, action: "participant.update", entityType: "event_participant", entityId: id, changes: { eventId: before.eventId, ...changes } },
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
  const client = await requestInfo();
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const before = await getParticipant(id, tx);
    if (!before) return fail("This participant is no longer on the event.");
    await deleteParticipantRow(id, tx);
    await writeAudit(
      {
        actorId: me.id, client,
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
  const client = await requestInfo();
  const parsed = moveSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, direction } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const moved = await moveParticipantRow(id, direction, tx);
    if (!moved) return fail("This participant is no longer on the event.");
    if (moved.changes.length > 0) {
      await writeAudit(
        { actorId: me.id, client, action: "participant.move", entityType: "event_participant", entityId: id, changes: { eventId: moved.eventId, direction, sortOrders: moved.changes } },
        tx,
      );
    }
    return { ok: true as const, data: { eventId: moved.eventId } };
  });
  if (!result.ok) return result;
  revalidateParticipants(result.data.eventId);
  return { ok: true, data: undefined };
}

/**
 * Sends (or sends again) a participant's invitation: links or creates the account for the person's
 * private email, marks them invited, and writes the email with a sign-in link that opens the
 * invitation, all in one transaction. An existing staff or admin account is linked as it is: its
 * role never changes here.
 */
export async function inviteParticipant(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const client = await requestInfo();
  const parsed = inviteSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const settings = await getSettings();
  const now = new Date();
  let result: ActionResult<{ eventId: string }>;
  try {
    result = await db.transaction(async (tx) => {
      const found = await lockParticipantForInvitation(id, tx);
      if (!found) return fail("This participant is no longer on the event.");
      const { participant, person, event } = found;
      const name = displayName(person);
      if (event.status === "draft") {
        return fail("Schedule the event before inviting anyone: an invitation shows the event's details, and a draft stays private until then.");
      }
      if (event.status === "cancelled") return fail("This event is cancelled, so nobody can be invited to it.");
      if (event.endsAt <= now) return fail("This event is over, so nobody can be invited to it.");
      if (participant.invitationStatus === "confirmed") {
        return fail(`${name} has already accepted. To ask again, set their invitation back by hand under Edit.`);
      }
      if (!person.email) {
        return fail(`${name} has no private email address yet. Add one on their page under People, then invite them.`);
      }

      let account = await findUserByEmail(person.email, tx);
      if (account?.disabledAt) {
        return fail(`The account for ${account.email} is disabled. An admin can enable it under Users; then invite again.`);
      }
      if (account) {
        const linked = await personLinkedTo(account.id, tx);
        if (linked && linked.id !== person.id) {
          return fail(`${account.email} is already the address of ${displayName(linked)}'s account. Give ${name} an address of their own.`);
        }
      } else {
        account = await insertUser({ email: person.email, name: plainName(person), role: "panelist", passwordHash: null }, tx);
        await writeAudit({ actorId: me.id, client, action: "user.create", entityType: "user", entityId: account.id, changes: { role: "panelist", via: "invitation", personId: person.id } }, tx);
      }
      if (person.userId !== account.id) {
        await linkPersonToUser(person.id, account.id, tx);
        await writeAudit({ actorId: me.id, client, action: "person.link_account", entityType: "person", entityId: person.id, changes: { userId: [person.userId, account.id] } }, tx);
      }

      await markInvited(participant.id, now, tx);
      const link = await createSignInLink(account.email, `/me/invitations/${participant.id}`, tx, now);
      const venue = event.venue?.name ? [event.venue.name, event.venue.city, event.venue.country].filter(Boolean).join(", ") : null;
      await enqueueEmail(
        invitationEmail({
          to: account.email,
          organization: settings.organizationName,
          personName: name,
          eventTitle: event.title,
          seriesLine: seriesLine(event.seriesName, event.seriesNumber),
          when: formatDualTime(event.startsAt, event.timeZone, settings.homeTimeZone, settings.homeTimeZoneLabel),
          venue,
          role: participant.role,
          positionAtEvent: participant.positionAtEvent,
          signInUrl: link.url,
          linkMinutes: link.minutes,
          loginUrl: `${appUrl()}/login?next=${encodeURIComponent(`/me/invitations/${participant.id}`)}`,
        }),
        tx,
      );
      // The inviter is read back from this row when the answer comes in.
      await writeAudit(
        {
          actorId: me.id, client,
          action: INVITE_ACTION,
          entityType: "event_participant",
          entityId: participant.id,
          changes: { eventId: event.id, personId: person.id, invitationStatus: [participant.invitationStatus, "invited"] },
        },
        tx,
      );
      const again = participant.invitationStatus !== "not_invited";
      return { ok: true as const, data: { eventId: event.id }, message: again ? `Invitation sent to ${name} again.` : `Invitation sent to ${name}.` };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Someone else changed this person's account in the meantime. Reload and try again.");
    throw error;
  }
  if (!result.ok) return result;
  kickOutbox();
  revalidateParticipants(result.data.eventId);
  return { ok: true, data: undefined, message: result.message };
}
