"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { answerOwnInvitation, getOwnInvitation, invitationNoticeRecipients } from "@/db/queries/invitations";
import { insertMedia, isApprovedPortrait, portraitChoice, setMediaAltText } from "@/db/queries/media";
import { enqueueEmail } from "@/db/queries/outbox";
import {
  closePendingRevision,
  getOwnPerson,
  getPendingRevision,
  insertRevision,
  isOwnRevision,
  lockOwnPerson,
  revisionFields,
  withdrawOwnRevision,
} from "@/db/queries/profiles";
import { action } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { invitationAnswerEmail } from "@/lib/email/panelist-emails";
import { kickOutbox } from "@/lib/email/sender";
import { appUrl } from "@/lib/env";
import { type ActionResult, fail, invalidFields } from "@/lib/errors";
import { displayName } from "@/lib/names";
import { invitationAnswerSchema } from "@/lib/validations/invitation";
import { profileSchema, revisionIdSchema } from "@/lib/validations/profile";
import { publicChanged } from "@/lib/public-cache";

const PHOTO_AGAIN = "That photo is not available any more. Upload it again.";

/**
 * Proposes changes to the panelist's own profile. Nothing public changes: the proposal becomes the
 * one pending revision (replacing an earlier one) for staff to review. A person id that is not the
 * caller's own changes nothing, is logged, and answers "not found".
 */
export const saveProfile = action({ role: "panelist", schema: profileSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const { personId, portraitAlt, ...fields } = input;

  const outcome = await db.transaction(async (tx) => {
    const person = await lockOwnPerson(personId, me.id, tx);
    if (!person) {
      await writeAudit({ actorId: me.id, client, action: "profile.denied", entityType: "person", entityId: personId, changes: { attemptedPersonId: personId } }, tx);
      return "denied" as const;
    }

    let portraitId = fields.portraitId;
    if (portraitId) {
      const chosen = await portraitChoice(portraitId, person.id, tx);
      if (!chosen) return invalidFields({ portraitId: [PHOTO_AGAIN] });
      if (chosen.altText !== portraitAlt) {
        if (await isApprovedPortrait(chosen.id, tx)) {
          // The public photo keeps its description until staff approve a new one: the proposal gets
          // a copy of the row (the file is shared, being stored by content).
          const { storageKey, mimeType, width, height, bytes, caption } = chosen;
          const copy = { storageKey, mimeType, width, height, bytes, caption, altText: portraitAlt, personId: person.id, uploadedById: me.id };
          portraitId = (await insertMedia(copy, tx)).id;
        } else {
          await setMediaAltText(chosen.id, portraitAlt, tx);
        }
      }
    }

    const proposed = { ...fields, portraitId };
    const pending = await getPendingRevision(person.id, tx);
    const changes = changedFields(revisionFields(person), proposed);
    if (Object.keys(changes).length === 0) {
      if (!pending) return { ok: true as const, data: undefined, message: "Nothing to send: this is already your public profile." };
      await closePendingRevision(pending.id, tx);
      await writeAudit({ actorId: me.id, client, action: "profile.withdraw", entityType: "profile_revision", entityId: pending.id, changes: { personId: person.id, reason: "same as public" } }, tx);
      return { ok: true as const, data: undefined, message: "This is your public profile as it stands, so nothing waits for review any more." };
    }
    if (pending && Object.keys(changedFields(revisionFields(pending), proposed)).length === 0) {
      return { ok: true as const, data: undefined, message: "No changes to save: this is what waits for review." };
    }
    if (pending) await closePendingRevision(pending.id, tx);
    const revision = await insertRevision({ personId: person.id, authorId: me.id, status: "pending", ...proposed }, tx);
    await writeAudit(
      {
        actorId: me.id, client,
        action: "profile.propose",
        entityType: "profile_revision",
        entityId: revision.id,
        changes: { personId: person.id, replaces: pending?.id ?? null, ...changes },
      },
      tx,
    );
    return {
      ok: true as const,
      data: undefined,
      message: "Sent for review. Your public profile changes once staff approve it; we will email you then.",
    };
  });
  return profileAnswer(outcome);
});

/** Someone else's profile or revision is "not found"; a change to one's own shows in both areas. */
function profileAnswer(outcome: ActionResult | "denied"): ActionResult {
  if (outcome === "denied") notFound();
  revalidatePath("/me");
  revalidatePath("/admin", "layout");
  return outcome;
}

/** Withdraws the panelist's own pending revision; someone else's is "not found" (and logged). */
export const withdrawRevision = action({ role: "panelist", schema: revisionIdSchema }, async ({ user: me, input: { id }, client }): Promise<ActionResult> => {
  const outcome = await db.transaction(async (tx) => {
    const row = await withdrawOwnRevision(id, me.id, tx);
    if (row) {
      await writeAudit({ actorId: me.id, client, action: "profile.withdraw", entityType: "profile_revision", entityId: id, changes: { personId: row.personId } }, tx);
      return { ok: true as const, data: undefined, message: "Withdrawn. Your public profile stays as it is." };
    }
    // A second click after withdrawing is the owner's; anything else is someone else's revision.
    if (await isOwnRevision(id, me.id, tx)) return fail("This change is no longer waiting for review.");
    await writeAudit({ actorId: me.id, client, action: "profile.denied", entityType: "profile_revision", entityId: id, changes: { attemptedRevisionId: id } }, tx);
    return "denied" as const;
  });
  return profileAnswer(outcome);
});

/**
 * The invitee accepts or declines, with an optional message. Staff hear about it by email (the one
 * who sent the invitation, or every staff member when that is unknown), in the same transaction.
 */
export const respondToInvitation = action({ role: "panelist", schema: invitationAnswerSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const { participantId, answer, message } = input;
  const invitation = await getOwnInvitation(participantId, me.id);
  if (!invitation) {
    await writeAudit({ actorId: me.id, client, action: "invitation.denied", entityType: "event_participant", entityId: participantId });
    notFound();
  }
  const { event } = invitation;
  if (invitation.invitationStatus === "not_invited") return fail("There is no invitation to answer here.");
  if (event.status === "cancelled") return fail("This event has been cancelled, so there is nothing to answer.");
  if (event.endsAt <= new Date()) return fail("This event is over, so the invitation can no longer be answered.");
  const status = answer === "accept" ? "confirmed" : "declined";
  if (invitation.invitationStatus === status && invitation.invitationMessage === message) {
    return { ok: true, data: undefined, message: status === "confirmed" ? "You have already accepted." : "You have already declined." };
  }

  const person = await getOwnPerson(me.id);
  const name = person ? displayName(person) : me.email;
  const result = await db.transaction(async (tx) => {
    const row = await answerOwnInvitation(participantId, me.id, { status, message }, tx);
    if (!row) return fail("This invitation changed in the meantime. Reload the page and try again.");
    await writeAudit(
      {
        actorId: me.id, client,
        action: status === "confirmed" ? "invitation.accept" : "invitation.decline",
        entityType: "event_participant",
        entityId: participantId,
        changes: { eventId: event.id, invitationStatus: [invitation.invitationStatus, status], message },
      },
      tx,
    );
    for (const to of await invitationNoticeRecipients(participantId, tx)) {
      await enqueueEmail(
        invitationAnswerEmail({
          to,
          personName: name,
          eventTitle: event.title,
          answer: status,
          message,
          participantsUrl: `${appUrl()}/admin/events/${event.id}/participants`,
        }),
        tx,
      );
    }
    return { ok: true as const, data: undefined, message: status === "confirmed" ? "Thank you: you accepted. The organizers have been told." : "You declined. The organizers have been told." };
  });
  if (!result.ok) return result;
  kickOutbox();
  revalidatePath("/me", "layout");
  revalidatePath(`/admin/events/${event.id}`, "layout");
  // The event page lists confirmed speakers.
  publicChanged({ kind: "event", id: event.id });
  return result;
});
