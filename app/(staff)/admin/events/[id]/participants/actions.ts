"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
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
import { mergeTranslations } from "@/lib/translations";
import { action } from "@/lib/action";
import { createSignInLink } from "@/lib/auth/invitation-link";
import { changedFields } from "@/lib/diff";
import { invitationDetails, invitationEmail } from "@/lib/email/panelist-emails";
import { kickOutbox } from "@/lib/email/sender";
import { appUrl } from "@/lib/env";
import { type ActionResult, fail, invalidFields } from "@/lib/errors";
import { displayName, plainName } from "@/lib/names";
import { idSchema } from "@/lib/validations/common";
import { inviteSchema } from "@/lib/validations/invitation";
import { addParticipantSchema, type InvitationStatus, moveSchema, updateParticipantSchema } from "@/lib/validations/participant";
import { changeEventPart } from "@/lib/records";
import { publicChanged } from "@/lib/public-cache";

const SAME_ROLE = ["This person already has that role at this event."];
const NOT_ON_EVENT = "This participant is no longer on the event.";

/** The event's own pages, in the admin and in public. */
function eventPagesChanged(eventId: string): void {
  revalidatePath(`/admin/events/${eventId}`, "layout");
  publicChanged({ kind: "event", id: eventId });
}

/** When an invitation was sent and answered follow its status as staff set it by hand. */
function invitationTimes(status: InvitationStatus, before: Pick<EventParticipant, "invitedAt" | "respondedAt"> | undefined, now = new Date()) {
  if (status === "not_invited") return { invitedAt: null, respondedAt: null };
  const invitedAt = before?.invitedAt ?? now;
  if (status === "invited") return { invitedAt, respondedAt: null };
  return { invitedAt, respondedAt: before?.respondedAt ?? now };
}

export const addParticipant = action(
  { role: "staff", schema: addParticipantSchema, conflicts: { unique: { personId: SAME_ROLE } } },
  async ({ user: me, input, client }): Promise<ActionResult<{ id: string }>> => {
    const { eventId, personId, role, positionAtEvent, invitationStatus } = input;
    const result = await db.transaction(async (tx): Promise<ActionResult<{ id: string }>> => {
      if (!(await getEvent(eventId, tx))) return fail("This event no longer exists.");
      const person = await currentPosition(personId, tx);
      if (!person) return invalidFields({ personId: ["That person no longer exists. Choose another."] });
      // The position is copied, not linked: a later change to the person's title must not rewrite this event.
      const values = {
        eventId,
        personId,
        role,
        invitationStatus,
        positionAtEvent: positionAtEvent ?? person.position,
        // In the other languages too, unless the form sent a position in them.
        translations: mergeTranslations(person.translations, input.translations),
        ...invitationTimes(invitationStatus, undefined),
      };
      const participant = await insertParticipant(values, tx);
      await writeAudit({ actorId: me.id, client, action: "participant.add", entityType: "event_participant", entityId: participant.id, changes: values }, tx);
      return { ok: true, data: { id: participant.id }, message: "Participant added." };
    });
    eventPagesChanged(eventId);
    return result;
  },
);

export const updateParticipant = action(
  { role: "staff", schema: updateParticipantSchema, conflicts: { unique: { role: SAME_ROLE } } },
  async ({ user: me, input, client }): Promise<ActionResult> => {
    const { id, role, positionAtEvent, invitationStatus } = input;
    const result = await db.transaction(async (tx) => {
      const before = await getParticipant(id, tx);
      if (!before) return fail(NOT_ON_EVENT);
      const values = { role, positionAtEvent, invitationStatus, translations: mergeTranslations(before.translations, input.translations), ...invitationTimes(invitationStatus, before) };
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
    eventPagesChanged(result.data);
    return { ok: true, data: undefined, message: result.message };
  },
);

/** Takes a person off the event, and so out of every agenda segment they were in. */
export const removeParticipant = action({ role: "staff", schema: idSchema }, ({ user: me, input: { id }, client }) =>
  changeEventPart(NOT_ON_EVENT, async (tx) => {
    const before = await getParticipant(id, tx);
    if (!before) return undefined;
    await deleteParticipantRow(id, tx);
    const changes = { eventId: before.eventId, personId: before.personId, role: before.role, positionAtEvent: before.positionAtEvent };
    await writeAudit({ actorId: me.id, client, action: "participant.remove", entityType: "event_participant", entityId: id, changes }, tx);
    return before.eventId;
  }, eventPagesChanged),
);

export const moveParticipant = action({ role: "staff", schema: moveSchema }, ({ user: me, input: { id, direction }, client }) =>
  changeEventPart(NOT_ON_EVENT, async (tx) => {
    const moved = await moveParticipantRow(id, direction, tx);
    if (moved?.changes.length) {
      const changes = { eventId: moved.eventId, direction, sortOrders: moved.changes };
      await writeAudit({ actorId: me.id, client, action: "participant.move", entityType: "event_participant", entityId: id, changes }, tx);
    }
    return moved?.eventId;
  }, eventPagesChanged),
);

/**
 * Sends (or sends again) a participant's invitation: links or creates the account for the person's
 * private email, marks them invited, and writes the email with a sign-in link that opens the
 * invitation, all in one transaction. An existing staff or admin account is linked as it is: its
 * role never changes here.
 */
export const inviteParticipant = action(
  { role: "staff", schema: inviteSchema, conflicts: { unique: "Someone else changed this person's account in the meantime. Reload and try again." } },
  async ({ user: me, input: { id }, client }): Promise<ActionResult> => {
    const settings = await getSettings();
    const now = new Date();
    const result = await db.transaction(async (tx): Promise<ActionResult<{ eventId: string }>> => {
      const found = await lockParticipantForInvitation(id, tx);
      if (!found) return fail(NOT_ON_EVENT);
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
      await enqueueEmail(
        invitationEmail({
          to: account.email,
          organization: settings.organizationName,
          // In the account's language, else the organization's default.
          ...invitationDetails(account.language ?? settings.defaultLanguage, settings.defaultLanguage, person, event, { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel }),
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
      return { ok: true, data: { eventId: event.id }, message: again ? `Invitation sent to ${name} again.` : `Invitation sent to ${name}.` };
    });
    if (!result.ok) return result;
    kickOutbox();
    eventPagesChanged(result.data.eventId);
    return { ok: true, data: undefined, message: result.message };
  },
);
