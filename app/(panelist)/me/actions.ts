"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { db, type Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { answerOwnInvitation, getOwnInvitation, invitationNoticeRecipients } from "@/db/queries/invitations";
import { insertMedia, isApprovedPortrait, portraitChoice, setMediaAltText } from "@/db/queries/media";
import { enqueueEmail } from "@/db/queries/outbox";
import { getLanguageSettings } from "@/db/queries/settings";
import type { Person } from "@/db/schema";
import {
  closePendingRevision,
  getOwnPerson,
  getPendingRevision,
  insertRevision,
  isOwnRevision,
  lockOwnPerson,
  type RevisionFields,
  revisionFields,
  setOwnEmailLanguage,
  versionOf,
  withdrawOwnRevision,
} from "@/db/queries/profiles";
import { action, type Caller } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { invitationAnswerEmail } from "@/lib/email/panelist-emails";
import { kickOutbox } from "@/lib/email/sender";
import { appUrl } from "@/lib/env";
import { type ActionResult, fail, invalidFields } from "@/lib/errors";
import type { Language } from "@/lib/i18n/languages";
import type { Translator } from "@/lib/i18n/messages";
import { panelistTranslator } from "@/lib/i18n/panelist";
import { displayName } from "@/lib/names";
import { invitationAnswerSchema } from "@/lib/validations/invitation";
import { emailLanguageSchema, profileSchema, profileTranslationSchema, revisionIdSchema } from "@/lib/validations/profile";
import { publicChanged } from "@/lib/public-cache";

/**
 * Proposes changes to the panelist's own profile. Nothing public changes: the proposal becomes the
 * one pending revision (replacing an earlier one) for staff to review. A person id that is not the
 * caller's own changes nothing, is logged, and answers "not found".
 */
export const saveProfile = action({ role: "panelist", schema: profileSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const { personId, portraitAlt, ...fields } = input;
  const [{ defaultLanguage }, t] = await Promise.all([getLanguageSettings(), panelistTranslator(me.id)]);

  const outcome = await db.transaction(async (tx) => {
    const person = await lockOwnPerson(personId, me.id, tx);
    if (!person) {
      await writeAudit({ actorId: me.id, client, action: "profile.denied", entityType: "person", entityId: personId, changes: { attemptedPersonId: personId } }, tx);
      return "denied" as const;
    }

    let portraitId = fields.portraitId;
    if (portraitId) {
      const chosen = await portraitChoice(portraitId, person.id, tx);
      if (!chosen) return invalidFields({ portraitId: [t("actions.photoAgain")] });
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

    return propose({ me, client, person, language: defaultLanguage, proposed: { ...fields, portraitId }, current: revisionFields(person), t }, tx);
  });
  return profileAnswer(outcome);
});

type Proposal = {
  me: { id: string };
  client: Caller["client"];
  person: Person;
  language: Language;
  /** The version proposed, and the one the public sees now in that language. */
  proposed: RevisionFields;
  current: RevisionFields;
  /** The panelist area's words, for the answer. */
  t: Translator<"panelist">;
};

/**
 * The proposal becomes the person's one pending revision in its language, replacing an earlier one
 * there (the other languages' stay); one that is the public version withdraws what was pending.
 */
async function propose({ me, client, person, language, proposed, current, t }: Proposal, tx: Transaction): Promise<ActionResult> {
  const pending = await getPendingRevision(person.id, language, tx);
  const changes = changedFields(current, proposed);
  if (Object.keys(changes).length === 0) {
    if (!pending) return { ok: true, data: undefined, message: t("actions.nothingToSend") };
    await closePendingRevision(pending.id, tx);
    await writeAudit({ actorId: me.id, client, action: "profile.withdraw", entityType: "profile_revision", entityId: pending.id, changes: { personId: person.id, language, reason: "same as public" } }, tx);
    return { ok: true, data: undefined, message: t("actions.backToPublic") };
  }
  if (pending && Object.keys(changedFields(revisionFields(pending), proposed)).length === 0) {
    return { ok: true, data: undefined, message: t("actions.sameAsPending") };
  }
  if (pending) await closePendingRevision(pending.id, tx);
  const revision = await insertRevision({ personId: person.id, authorId: me.id, status: "pending", language, ...proposed, base: current }, tx);
  await writeAudit(
    {
      actorId: me.id, client,
      action: "profile.propose",
      entityType: "profile_revision",
      entityId: revision.id,
      changes: { personId: person.id, language, replaces: pending?.id ?? null, ...changes },
    },
    tx,
  );
  return { ok: true, data: undefined, message: t("actions.sent") };
}

/**
 * Proposes the panelist's profile in another enabled language than the default: a revision of that
 * language only, reviewed like the default one. A person id that is not the caller's changes nothing,
 * is logged, and answers "not found".
 */
export const saveProfileTranslation = action(
  { role: "panelist", schema: profileTranslationSchema },
  async ({ user: me, input, client }): Promise<ActionResult> => {
    const { personId, language, ...fields } = input;
    const [{ defaultLanguage, enabledLanguages }, t] = await Promise.all([getLanguageSettings(), panelistTranslator(me.id)]);
    if (language === defaultLanguage || !enabledLanguages.includes(language)) {
      return invalidFields({ language: [t("actions.offeredLanguage")] });
    }
    const outcome = await db.transaction(async (tx) => {
      const person = await lockOwnPerson(personId, me.id, tx);
      if (!person) {
        await writeAudit({ actorId: me.id, client, action: "profile.denied", entityType: "person", entityId: personId, changes: { attemptedPersonId: personId, language } }, tx);
        return "denied" as const;
      }
      const current = versionOf(person, language, defaultLanguage);
      const proposed = { ...current, ...fields, givenName: fields.givenName ?? "", familyName: fields.familyName ?? "" };
      return propose({ me, client, person, language, proposed, current, t }, tx);
    });
    return profileAnswer(outcome);
  },
);

/**
 * The language of the emails the account receives, among the enabled ones. The default language (or
 * none) is stored as null, so the account follows the organization if it changes its default.
 */
export const saveEmailLanguage = action({ role: "panelist", schema: emailLanguageSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const { defaultLanguage, enabledLanguages } = await getLanguageSettings();
  if (input.language && !enabledLanguages.includes(input.language)) {
    return invalidFields({ language: [(await panelistTranslator(me.id))("actions.offeredHere")] });
  }
  const language = input.language === defaultLanguage ? null : input.language;
  const result = await db.transaction(async (tx) => {
    const changed = await setOwnEmailLanguage(me.id, language, tx);
    if (!changed) return "gone" as const;
    if (changed.before === language) return "same" as const;
    await writeAudit({ actorId: me.id, client, action: "user.email_language", entityType: "user", entityId: me.id, changes: { language: [changed.before, language] } }, tx);
    return "saved" as const;
  });
  // The whole area follows the choice: the answer already speaks the new language, and so does the layout.
  revalidatePath("/me", "layout");
  const t = await panelistTranslator(me.id);
  if (result === "gone") return fail(t("actions.accountGone"));
  return { ok: true, data: undefined, message: result === "same" ? t("actions.noChanges") : t("actions.languageSaved") };
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
  const t = await panelistTranslator(me.id);
  const outcome = await db.transaction(async (tx) => {
    const row = await withdrawOwnRevision(id, me.id, tx);
    if (row) {
      await writeAudit({ actorId: me.id, client, action: "profile.withdraw", entityType: "profile_revision", entityId: id, changes: { personId: row.personId } }, tx);
      return { ok: true as const, data: undefined, message: t("actions.withdrawn") };
    }
    // A second click after withdrawing is the owner's; anything else is someone else's revision.
    if (await isOwnRevision(id, me.id, tx)) return fail(t("actions.notWaiting"));
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
  const t = await panelistTranslator(me.id);
  if (invitation.invitationStatus === "not_invited") return fail(t("actions.noInvitation"));
  if (event.status === "cancelled") return fail(t("actions.eventCancelled"));
  if (event.endsAt <= new Date()) return fail(t("actions.eventOver"));
  const status = answer === "accept" ? "confirmed" : "declined";
  if (invitation.invitationStatus === status && invitation.invitationMessage === message) {
    return { ok: true, data: undefined, message: status === "confirmed" ? t("actions.alreadyAccepted") : t("actions.alreadyDeclined") };
  }

  const person = await getOwnPerson(me.id);
  const name = person ? displayName(person) : me.email;
  const result = await db.transaction(async (tx) => {
    const row = await answerOwnInvitation(participantId, me.id, { status, message }, tx);
    if (!row) return fail(t("actions.changedMeanwhile"));
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
    return { ok: true as const, data: undefined, message: status === "confirmed" ? t("actions.accepted") : t("actions.declined") };
  });
  if (!result.ok) return result;
  kickOutbox();
  revalidatePath("/me", "layout");
  revalidatePath(`/admin/events/${event.id}`, "layout");
  // The event page lists confirmed speakers.
  publicChanged({ kind: "event", id: event.id });
  return result;
});
