"use server";

import { revalidatePath } from "next/cache";
import { db, type Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { updatePersonRow } from "@/db/queries/people";
import { enqueueEmail } from "@/db/queries/outbox";
import { listUpcomingSnapshots, updateUpcomingSnapshots } from "@/db/queries/participants";
import { isProfilePublic, lockPerson, lockRevisionForReview, markRevisionReviewed, personAccountEmail, type RevisionFields, revisionFields, versionOf } from "@/db/queries/profiles";
import { getSettings } from "@/db/queries/settings";
import type { Person } from "@/db/schema";
import { action } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { revisionDecisionEmail } from "@/lib/email/panelist-emails";
import { kickOutbox } from "@/lib/email/sender";
import { appUrl } from "@/lib/env";
import { type ActionResult, fail } from "@/lib/errors";
import { displayName } from "@/lib/names";
import { LANGUAGE_LABELS } from "@/lib/i18n/languages";
import { withTranslation } from "@/lib/i18n/localize";
import { MERGE_FIELDS, type MergeField, type MergePlan, planMerge, type Resolution } from "@/lib/profile-merge";
import { approveRevisionSchema, updateUpcomingPositionsSchema } from "@/lib/validations/approval";
import { PROFILE_FIELD_LABELS, rejectRevisionSchema, TRANSLATED_PROFILE_FIELDS } from "@/lib/validations/profile";
import { publicChanged } from "@/lib/public-cache";

const GONE = "This change is no longer waiting for review: it was withdrawn, replaced or reviewed in the meantime.";

type Decision = { decision: "approved" | "rejected"; note: string | null };

/** The panelist hears the decision, in the transaction that records it. */
async function emailDecision(person: Person, { decision, note }: Decision, organization: string, tx: Transaction) {
  const to = await personAccountEmail(person.id, tx);
  if (!to) return;
  const base = appUrl();
  const profileUrl = (await isProfilePublic(person.id, tx)) ? `${base}/people/${person.slug}` : null;
  await enqueueEmail(revisionDecisionEmail({ to, organization, personName: displayName(person), decision, note, profileUrl, meUrl: `${base}/me` }), tx);
}

function revalidateReview() {
  revalidatePath("/admin", "layout");
  revalidatePath("/me", "layout");
  // Names and portraits show on event pages too (the people pages are rendered per request).
  publicChanged({ kind: "person" });
}

/** What staff are offered after approving a new position: the upcoming events that print the old one. */
export type PositionFollowUp = {
  personId: string;
  personName: string;
  from: string | null;
  to: string | null;
  events: { participantId: string; eventTitle: string; startsAt: string; timeZone: string }[];
};

const fieldLabel = (f: (typeof MERGE_FIELDS)[number]) => (f === "portraitId" ? "Photo" : PROFILE_FIELD_LABELS[f]);

/** A field both staff and the panelist changed waits for staff's choice. */
const unresolved = (plan: MergePlan, person: Person) =>
  fail(`Staff changed ${plan.unresolved.map(fieldLabel).join(", ")} after ${displayName(person)} proposed a different value. Choose which to keep for each, then approve.`);

/** What an approval changed, how conflicts were settled, and which staff edits stayed. */
function auditedPlan(plan: MergePlan, before: RevisionFields, resolutions: Partial<Record<MergeField, Resolution>>) {
  const resolved = Object.fromEntries(plan.conflicts.map((f) => [f, resolutions[f]]));
  return {
    ...changedFields(before, plan.result),
    ...(plan.conflicts.length ? { conflicts: resolved } : {}),
    ...(plan.keptStaffEdits.length ? { keptStaffEdits: plan.keptStaffEdits } : {}),
  };
}

/**
 * Applies a pending revision to the person (another language's to their translation in it) and tells the panelist. What the panelist did not change
 * keeps any edit staff made since they proposed; a field both changed needs staff's choice, and is
 * refused without one, so an approval never silently undoes a staff edit.
 */
export const approveRevision = action({ role: "staff", schema: approveRevisionSchema }, async ({ user: me, input, client }): Promise<ActionResult<{ followUp: PositionFollowUp | null }>> => {
  const { id, note, resolutions } = input;
  const { organizationName, defaultLanguage } = await getSettings();
  const result = await db.transaction(async (tx) => {
    const locked = await lockRevisionForReview(id, tx);
    if (!locked) return fail(GONE);
    const { person, revision } = locked;
    const { language } = revision;
    // Another language's version is merged against that version, and written into the translations.
    if (language !== defaultLanguage) {
      const before = versionOf(person, language, defaultLanguage);
      const plan = planMerge(before, revisionFields(revision), revision.base, resolutions);
      if (plan.unresolved.length > 0) return unresolved(plan, person);
      const fields = Object.fromEntries(TRANSLATED_PROFILE_FIELDS.map((f) => [f, plan.result[f]]));
      const translations = withTranslation(person.translations, language, fields);
      const updated = (await updatePersonRow(person.id, { translations }, tx))!;
      await markRevisionReviewed(revision.id, "approved", me.id, note, tx);
      await writeAudit(
        { actorId: me.id, client, action: "profile.approve", entityType: "person", entityId: person.id, changes: { revisionId: revision.id, language, note, ...auditedPlan(plan, before, resolutions) } },
        tx,
      );
      await emailDecision(updated, { decision: "approved", note }, organizationName, tx);
      return { ok: true as const, data: { slug: person.slug, followUp: null }, message: `Approved: ${displayName(updated)}'s profile in ${LANGUAGE_LABELS[language]} is updated.` };
    }
    const before = revisionFields(person);
    const plan = planMerge(before, revisionFields(revision), revision.base, resolutions);
    if (plan.unresolved.length > 0) return unresolved(plan, person);
    const updated = (await updatePersonRow(person.id, plan.result, tx))!;
    await markRevisionReviewed(revision.id, "approved", me.id, note, tx);
    await writeAudit(
      { actorId: me.id, client, action: "profile.approve", entityType: "person", entityId: person.id, changes: { revisionId: revision.id, note, ...auditedPlan(plan, before, resolutions) } },
      tx,
    );
    await emailDecision(updated, { decision: "approved", note }, organizationName, tx);
    let followUp: PositionFollowUp | null = null;
    if ((before.position ?? null) !== (updated.position ?? null)) {
      const places = await listUpcomingSnapshots(person.id, before.position, new Date(), tx);
      if (places.length > 0) {
        followUp = {
          personId: person.id,
          personName: displayName(updated),
          from: before.position,
          to: updated.position,
          events: places.map((p) => ({ participantId: p.participantId, eventTitle: p.eventTitle, startsAt: p.startsAt.toISOString(), timeZone: p.timeZone })),
        };
      }
    }
    return { ok: true as const, data: { slug: person.slug, followUp }, message: `Approved: ${displayName(updated)}'s profile is updated.` };
  });
  if (!result.ok) return result;
  kickOutbox();
  revalidateReview();
  return { ok: true, data: { followUp: result.data.followUp }, message: result.message };
});

/**
 * After a position change: writes the person's position (as it is now) into their places on upcoming
 * events that still print the old one. Past events keep theirs: a summary reports the title as it was.
 */
export const updateUpcomingPositions = action({ role: "staff", schema: updateUpcomingPositionsSchema }, async ({ user: me, input, client }): Promise<ActionResult<{ updated: number }>> => {
  const { personId, from, participantIds } = input;
  const result = await db.transaction(async (tx) => {
    const person = await lockPerson(personId, tx);
    if (!person) return fail("That person no longer exists.");
    const to = person.position;
    if ((to ?? null) === (from ?? null)) return fail("The position has not changed.");
    const rows = await updateUpcomingSnapshots(personId, participantIds, from, to, tx);
    if (rows.length > 0) {
      await writeAudit(
        { actorId: me.id, client, action: "participant.position_update", entityType: "person", entityId: personId, changes: { positionAtEvent: [from, to], participants: rows.map((r) => r.id), events: rows.map((r) => r.eventId) } },
        tx,
      );
    }
    return { ok: true as const, data: { updated: rows.length, eventIds: rows.map((r) => r.eventId) } };
  });
  if (!result.ok) return result;
  revalidatePath("/admin", "layout");
  // The position printed beside the person on those events' pages.
  publicChanged({ kind: "person" });
  const n = result.data.updated;
  const message =
    n === 0
      ? "Nothing to update: those events already show another position."
      : `Updated the position on ${n === 1 ? "1 upcoming event" : `${n} upcoming events`}.`;
  return { ok: true, data: { updated: n }, message };
});

/** Turns a pending revision down with a note saying why; the public profile stays as it was. */
export const rejectRevision = action({ role: "staff", schema: rejectRevisionSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const { id, note } = input;
  const { organizationName } = await getSettings();
  const result = await db.transaction(async (tx) => {
    const locked = await lockRevisionForReview(id, tx);
    if (!locked) return fail(GONE);
    const { person, revision } = locked;
    await markRevisionReviewed(revision.id, "rejected", me.id, note, tx);
    await writeAudit({ actorId: me.id, client, action: "profile.reject", entityType: "profile_revision", entityId: revision.id, changes: { personId: person.id, note } }, tx);
    await emailDecision(person, { decision: "rejected", note }, organizationName, tx);
    return { ok: true as const, data: undefined, message: `Not approved. ${displayName(person)} has been told why.` };
  });
  if (!result.ok) return result;
  kickOutbox();
  revalidateReview();
  return result;
});
