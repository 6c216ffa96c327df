"use server";

import { revalidatePath } from "next/cache";
import { db, type Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { updatePersonRow } from "@/db/queries/people";
import { enqueueEmail } from "@/db/queries/outbox";
import { isProfilePublic, lockRevisionForReview, markRevisionReviewed, personAccountEmail, revisionFields } from "@/db/queries/profiles";
import { getSettings } from "@/db/queries/settings";
import type { Person } from "@/db/schema";
import { requireRole } from "@/lib/auth";
import { changedFields } from "@/lib/diff";
import { revisionDecisionEmail } from "@/lib/email/panelist-emails";
import { kickOutbox } from "@/lib/email/sender";
import { appUrl } from "@/lib/env";
import { type ActionResult, fail, invalid } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { displayName } from "@/lib/names";
import { approveRevisionSchema, rejectRevisionSchema } from "@/lib/validations/profile";

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

function revalidateReview(slug?: string) {
  revalidatePath("/admin", "layout");
  revalidatePath("/me", "layout");
  // Names and portraits show on event pages too.
  revalidatePath("/", "layout");
  if (slug) revalidatePath(`/people/${slug}`);
}

/** Applies a pending revision to the person, all fields at once, and tells the panelist. */
export async function approveRevision(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const parsed = approveRevisionSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, note } = parsed.data;
  const { organizationName } = await getSettings();
  const result = await db.transaction(async (tx) => {
    const locked = await lockRevisionForReview(id, tx);
    if (!locked) return fail(GONE);
    const { person, revision } = locked;
    const fields = revisionFields(revision);
    const changes = changedFields(revisionFields(person), fields);
    const updated = (await updatePersonRow(person.id, fields, tx))!;
    await markRevisionReviewed(revision.id, "approved", me.id, note, tx);
    await writeAudit({ actorId: me.id, action: "profile.approve", entityType: "person", entityId: person.id, changes: { revisionId: revision.id, note, ...changes } }, tx);
    await emailDecision(updated, { decision: "approved", note }, organizationName, tx);
    return { ok: true as const, data: person.slug, message: `Approved: ${displayName(updated)}'s profile is updated.` };
  });
  if (!result.ok) return result;
  kickOutbox();
  revalidateReview(result.data);
  return { ok: true, data: undefined, message: result.message };
}

/** Turns a pending revision down with a note saying why; the public profile stays as it was. */
export async function rejectRevision(input: unknown): Promise<ActionResult> {
  const me = await requireRole("staff");
  const parsed = rejectRevisionSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { id, note } = parsed.data;
  const { organizationName } = await getSettings();
  const result = await db.transaction(async (tx) => {
    const locked = await lockRevisionForReview(id, tx);
    if (!locked) return fail(GONE);
    const { person, revision } = locked;
    await markRevisionReviewed(revision.id, "rejected", me.id, note, tx);
    await writeAudit({ actorId: me.id, action: "profile.reject", entityType: "profile_revision", entityId: revision.id, changes: { personId: person.id, note } }, tx);
    await emailDecision(person, { decision: "rejected", note }, organizationName, tx);
    return { ok: true as const, data: undefined, message: `Not approved. ${displayName(person)} has been told why.` };
  });
  if (!result.ok) return result;
  kickOutbox();
  revalidateReview();
  return result;
}
