"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import type { Event, Role, Summary } from "@/db/schema";
import { getEvent } from "@/db/queries/events";
import { getLanguageSettings } from "@/db/queries/settings";
import {
  deleteEventPhoto,
  draftInputForEvent,
  getSummaryRevision,
  insertSummaryRevision,
  listReferences,
  lockExistingSummary,
  lockSummary,
  orderEventPhotos,
  replaceReferences,
  setReferenceTranslations,
  updateEventPhoto,
  updateEventPhotoTranslation,
  updateSummaryRow,
} from "@/db/queries/summaries";
import { action, type ActionContext } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { LANGUAGE_LABELS, type Language } from "@/lib/i18n/languages";
import { withTranslation } from "@/lib/i18n/localize";
import { type ActionResult, fail } from "@/lib/errors";
import { publicChanged } from "@/lib/public-cache";
import { registrationContext } from "@/lib/registration/context";
import { sendThankYou, type ThankYouResult } from "@/lib/registration/thank-you";
import { generateSummaryDraft } from "@/lib/summary-draft";
import { isPublishedIn, publishProblems, summaryVersion, textProblems, textProblemsByField, translationProblems } from "@/lib/summary-publish";
import { formatStaffTime } from "@/lib/time";
import { thankYouSchema } from "@/lib/validations/after-event";
import {
    generateDraftSchema,
  photoDetailsSchema,
  photoIdSchema,
  photoOrderSchema,
  publishSchema,
  referencesSchema,
  referenceTranslationsSchema,
  restoreRevisionSchema,
  summarySchema,
} from "@/lib/validations/summary";

type Saved = { title: string; lede: string | null; body: string; attendanceCount: number | null; attendanceWording: string | null; updatedAt: string };

const NO_EVENT = "This event no longer exists.";

/**
 * An action on the event its input names: the handler is given that event too, and an event that no
 * longer exists is the answer.
 */
function eventAction<S extends z.ZodType<{ eventId: string }>, R extends ActionResult<unknown>>(
  options: { role: Role; schema: S },
  handler: (context: ActionContext<z.output<S>> & { event: Event }) => Promise<R>,
) {
  return action<S, R | ActionResult<never>>(options, async (context) => {
    const event = await getEvent(context.input.eventId);
    if (!event) return fail(NO_EVENT);
    return handler({ ...context, event });
  });
}

/** A change to a summary shows on the public page at once, if the event has one. */
function changed(event: Event): void {
  if (event.status !== "draft") publicChanged({ kind: "event", id: event.id });
}

/**
 * A published summary's text goes live with every save, so each save is held to the rules publishing
 * checks; the answer lists what is wrong, as a refused publication does.
 */
function refusedWhilePublished(what: string, problems: string[]): ActionResult<never> {
  return fail(`This summary is published, so ${what} would go live at once, and it cannot be published as it is. Nothing was changed:`, { problems });
}

/** The same for the editor's own save: the reasons go beside the fields they are about. */
function saveRefusedWhilePublished(fields: { title?: string; body?: string }): ActionResult<never> {
  return fail("This summary is published, so this save would go live at once, and it cannot be published as it is. Nothing was saved: fix the marked fields, or unpublish the summary first.", {
    title: fields.title ? [fields.title] : undefined,
    body: fields.body ? [fields.body] : undefined,
  });
}

/** The version an action works on, and whether it is the default language's (the summary's own columns). */
type Version = { language: Language; defaultLanguage: Language; isDefault: boolean };

/** The version `language` names (the default when left out), or the answer when it is not an enabled language. */
async function versionOf(language: Language | undefined): Promise<Version | ActionResult<never>> {
  const { defaultLanguage, enabledLanguages } = await getLanguageSettings();
  const chosen = language ?? defaultLanguage;
  if (!enabledLanguages.includes(chosen) && chosen !== defaultLanguage) return fail(`${LANGUAGE_LABELS[chosen]} is not among the site's languages. Reload the page.`);
  return { language: chosen, defaultLanguage, isDefault: chosen === defaultLanguage };
}
const isVersion = (v: Version | ActionResult<never>): v is Version => "isDefault" in v;

function savedOf(row: Summary, v: Version): Saved {
  const text = summaryVersion(row, v.language, v.defaultLanguage);
  return { ...text, attendanceCount: row.attendanceCount, updatedAt: row.updatedAt.toISOString() };
}

/** The columns that hold `text` as `v`'s version: the summary's own, or its translations. */
function versionValues(summary: Summary, v: Version, text: Partial<Omit<Saved, "attendanceCount" | "updatedAt">>): Partial<Summary> {
  if (v.isDefault) return text;
  const current = summaryVersion(summary, v.language, v.defaultLanguage);
  return { translations: withTranslation(summary.translations, v.language, { ...current, ...text }) };
}

/**
 * Writes a first draft from the event's data. When the summary already has text, it is replaced only
 * when the caller confirms (`overwrite`); the text it replaces stays in the revisions.
 */
export const generateSummary = eventAction({ role: "staff", schema: generateDraftSchema }, async ({ user: me, client, event, input }): Promise<ActionResult<Saved>> => {
  const { eventId, overwrite } = input;
  const v = await versionOf(input.language);
  if (!isVersion(v)) return v;
  const draftInput = await draftInputForEvent(eventId);
  if (!draftInput) return fail(NO_EVENT);
  // The draft in the version's language, from the records' versions in it (lib/summary-draft.ts).
  const draft = generateSummaryDraft(draftInput, v.language);

  const result = await db.transaction(async (tx): Promise<ActionResult<Saved>> => {
    const summary = await lockSummary(eventId, tx);
    const current = summaryVersion(summary, v.language, v.defaultLanguage);
    const title = current.title.trim() ? current.title : draft.title;
    if (isPublishedIn(summary, v.language, v.defaultLanguage)) {
      const problems = textProblems({ title, body: draft.body }, v.isDefault ? undefined : v.language);
      if (problems.length) return refusedWhilePublished("a new draft", problems);
    }
    if (current.body.trim() && !overwrite) {
      return fail("This summary already has text. Generating again replaces it (the current text stays in the revisions).", { confirm: ["needed"] });
    }
    const row = await updateSummaryRow(
      summary.id,
      {
        ...versionValues(summary, v, { title, lede: draft.lede, body: draft.body, attendanceWording: draft.attendanceWording }),
        attendanceCount: draft.attendanceCount,
      },
      tx,
    );
    const saved = savedOf(row, v);
    await insertSummaryRevision({ summaryId: summary.id, title: saved.title, lede: saved.lede, body: saved.body, language: v.isDefault ? null : v.language, authorId: me.id }, tx);
    await writeAudit(
      { actorId: me.id, client, action: "summary.generate", entityType: "summary", entityId: summary.id, changes: { eventId, language: v.language, replacedText: Boolean(current.body.trim()) } },
      tx,
    );
    return { ok: true, data: saved };
  });
  if (!result.ok) return result;
  changed(event);
  return { ok: true, data: result.data, message: "Draft generated from the event's data." };
});

export const saveSummary = eventAction({ role: "staff", schema: summarySchema }, async ({ user: me, client, event, input }): Promise<ActionResult<Saved>> => {
  const { eventId, baseUpdatedAt, language, attendanceCount, ...text } = input;
  const v = await versionOf(language);
  if (!isVersion(v)) return v;

  const result = await db.transaction(async (tx) => {
    const summary = await lockSummary(eventId, tx);
    if (baseUpdatedAt && summary.updatedAt.toISOString() !== baseUpdatedAt) {
      return fail("Someone else saved this summary while you were editing. Copy your text, reload the page and apply it again.");
    }
    const changes = changedFields({ ...summaryVersion(summary, v.language, v.defaultLanguage), attendanceCount: summary.attendanceCount }, { ...text, attendanceCount });
    if (Object.keys(changes).length === 0) return { ok: true as const, data: savedOf(summary, v), message: "No changes to save." };
    if (isPublishedIn(summary, v.language, v.defaultLanguage)) {
      const fields = textProblemsByField({ title: text.title, body: text.body }, v.isDefault ? undefined : v.language);
      if (fields.title || fields.body) return saveRefusedWhilePublished(fields);
    }
    const row = await updateSummaryRow(summary.id, { ...versionValues(summary, v, text), attendanceCount }, tx);
    const saved = savedOf(row, v);
    if (changes.title || changes.lede || changes.body) {
      await insertSummaryRevision({ summaryId: summary.id, title: saved.title, lede: saved.lede, body: saved.body, language: v.isDefault ? null : v.language, authorId: me.id }, tx);
    }
    await writeAudit(
      { actorId: me.id, client, action: "summary.update", entityType: "summary", entityId: summary.id, changes: { ...summarizeChanges(changes), ...(v.isDefault ? {} : { language: v.language }) } },
      tx,
    );
    return { ok: true as const, data: saved, message: "Saved." };
  });
  if (result.ok) changed(event);
  return result;
});

// Long texts are recorded as "changed" with their lengths; the revisions keep the texts themselves.
function summarizeChanges(changes: Record<string, [unknown, unknown]>) {
  return Object.fromEntries(
    Object.entries(changes).map(([key, [before, after]]) =>
      key === "body" ? [key, { before: String(before ?? "").length, after: String(after ?? "").length }] : [key, [before, after]],
    ),
  );
}

export const restoreSummaryRevision = eventAction({ role: "staff", schema: restoreRevisionSchema }, async ({ user: me, client, event, input }): Promise<ActionResult<Saved>> => {
  const { eventId, revisionId } = input;
  const v = await versionOf(input.language);
  if (!isVersion(v)) return v;
  const result = await db.transaction(async (tx) => {
    const summary = await lockSummary(eventId, tx);
    const revision = await getSummaryRevision(summary.id, revisionId, tx);
    if (!revision || (revision.language ?? v.defaultLanguage) !== v.language) return fail("That revision does not belong to this summary.");
    if (isPublishedIn(summary, v.language, v.defaultLanguage)) {
      const problems = textProblems(revision, v.isDefault ? undefined : v.language);
      if (problems.length) return refusedWhilePublished("restoring this revision", problems);
    }
    const row = await updateSummaryRow(summary.id, versionValues(summary, v, { title: revision.title, lede: revision.lede, body: revision.body }), tx);
    const saved = savedOf(row, v);
    await insertSummaryRevision({ summaryId: summary.id, title: saved.title, lede: saved.lede, body: saved.body, language: v.isDefault ? null : v.language, authorId: me.id }, tx);
    await writeAudit({ actorId: me.id, client, action: "summary.restore", entityType: "summary", entityId: summary.id, changes: { revisionId, language: v.language } }, tx);
    return { ok: true as const, data: saved, message: "Revision restored." };
  });
  if (result.ok) changed(event);
  return result;
});

export const saveReferences = eventAction({ role: "staff", schema: referencesSchema }, async ({ user: me, client, event, input }): Promise<ActionResult> => {
  const { eventId, references } = input;
  await db.transaction(async (tx) => {
    const summary = await lockSummary(eventId, tx);
    const before = await listReferences(summary.id, tx);
    await replaceReferences(summary.id, references, tx);
    await writeAudit(
      { actorId: me.id, client, action: "summary.references", entityType: "summary", entityId: summary.id, changes: { references: [before.map((r) => r.title), references.map((r) => r.title)] } },
      tx,
    );
  });
  changed(event);
  return { ok: true, data: undefined, message: "References saved." };
});

/** The references' titles and texts in a language other than the default; the list itself is edited in the default. */
export const saveReferenceTranslations = eventAction({ role: "staff", schema: referenceTranslationsSchema }, async ({ user: me, client, event, input }): Promise<ActionResult> => {
  const { eventId, references } = input;
  const v = await versionOf(input.language);
  if (!isVersion(v)) return v;
  if (v.isDefault) return fail("Edit the references in the default language with the list itself. Reload the page.");
  await db.transaction(async (tx) => {
    const summary = await lockSummary(eventId, tx);
    await setReferenceTranslations(summary.id, v.language, references, tx);
    await writeAudit(
      { actorId: me.id, client, action: "summary.references", entityType: "summary", entityId: summary.id, changes: { language: v.language, references: references.map((r) => r.title) } },
      tx,
    );
  });
  changed(event);
  return { ok: true, data: undefined, message: "References saved." };
});

export const updatePhotoDetails = eventAction({ role: "staff", schema: photoDetailsSchema }, async ({ user: me, client, event, input }): Promise<ActionResult> => {
  const { eventId, id, caption, altText } = input;
  const v = await versionOf(input.language);
  if (!isVersion(v)) return v;
  if (!v.isDefault) {
    // Another language's caption and description may stay empty: the default language's stand in for them.
    const saved = await db.transaction(async (tx) => {
      if (!(await updateEventPhotoTranslation(eventId, id, v.language, { caption, altText }, tx))) return false;
      await writeAudit({ actorId: me.id, client, action: "photo.update", entityType: "media", entityId: id, changes: { language: v.language, caption, altText } }, tx);
      return true;
    });
    if (!saved) return fail("That photo is no longer part of this event.");
    changed(event);
    return { ok: true, data: undefined, message: "Photo details saved." };
  }
  const result = await db.transaction(async (tx): Promise<ActionResult> => {
    // Under the summary's lock, so that publishing cannot slip in between this check and the change.
    const summary = await lockExistingSummary(eventId, tx);
    if (summary?.status === "published" && !altText) {
      return fail("This summary is published, and every photo on it needs a description. Nothing was changed. To take the photo off the page, remove it.", {
        altText: ["Describe the photo for people who cannot see it."],
      });
    }
    if (!(await updateEventPhoto(eventId, id, { caption, altText }, tx))) return fail("That photo is no longer part of this event.");
    await writeAudit({ actorId: me.id, client, action: "photo.update", entityType: "media", entityId: id, changes: { caption, altText } }, tx);
    return { ok: true, data: undefined };
  });
  if (!result.ok) return result;
  changed(event);
  return { ok: true, data: undefined, message: "Photo details saved." };
});

export const removePhoto = eventAction({ role: "staff", schema: photoIdSchema }, async ({ user: me, client, event, input }): Promise<ActionResult> => {
  const { eventId, id } = input;
  const removed = await db.transaction(async (tx) => {
    if (!(await deleteEventPhoto(eventId, id, tx))) return false;
    await writeAudit({ actorId: me.id, client, action: "photo.remove", entityType: "media", entityId: id, changes: { eventId } }, tx);
    return true;
  });
  if (!removed) return fail("That photo is no longer part of this event.");
  changed(event);
  return { ok: true, data: undefined, message: "Photo removed." };
});

export const orderPhotos = eventAction({ role: "staff", schema: photoOrderSchema }, async ({ user: me, client, event, input }): Promise<ActionResult> => {
  const { eventId, ids } = input;
  await db.transaction(async (tx) => {
    await orderEventPhotos(eventId, ids, tx);
    await writeAudit({ actorId: me.id, client, action: "photo.order", entityType: "event", entityId: eventId, changes: { ids } }, tx);
  });
  changed(event);
  return { ok: true, data: undefined };
});

export const publishSummary = eventAction({ role: "staff", schema: publishSchema }, async ({ user: me, client, event, input }): Promise<ActionResult<{ problems?: string[] }>> => {
  const { eventId } = input;
  const v = await versionOf(input.language);
  if (!isVersion(v)) return v;
  if (event.status === "draft") return fail("Schedule the event before publishing its summary: a draft event has no public page.");
  const result = await db.transaction(async (tx): Promise<ActionResult<{ problems?: string[] }>> => {
    const summary = await lockSummary(eventId, tx);
    // Checked under the lock: a save that lands between a check and the lock would otherwise be
    // published unchecked.
    if (!v.isDefault) {
      const problems = translationProblems(summary, v.language, v.defaultLanguage);
      if (problems.length) return fail(`The ${LANGUAGE_LABELS[v.language]} version cannot be published yet:`, { problems });
      const translationPublishedAt = { ...summary.translationPublishedAt, [v.language]: summary.translationPublishedAt[v.language] ?? new Date().toISOString() };
      await updateSummaryRow(summary.id, { translationPublishedAt, updatedAt: summary.updatedAt }, tx);
      await writeAudit({ actorId: me.id, client, action: "summary.publish", entityType: "summary", entityId: summary.id, changes: { eventId, language: v.language } }, tx);
      return { ok: true, data: {} };
    }
    const problems = await publishProblems(eventId, tx);
    if (problems.length) return fail("The summary cannot be published yet:", { problems });
    // The text is unchanged, so its version (updatedAt) is too: an editor open on it can still save.
    await updateSummaryRow(summary.id, { status: "published", publishedAt: summary.publishedAt ?? new Date(), updatedAt: summary.updatedAt }, tx);
    await writeAudit({ actorId: me.id, client, action: "summary.publish", entityType: "summary", entityId: summary.id, changes: { eventId } }, tx);
    return { ok: true, data: {} };
  });
  if (!result.ok) return result;
  publicChanged({ kind: "event", id: event.id });
  return { ok: true, data: {}, message: v.isDefault ? "Published." : `Published in ${LANGUAGE_LABELS[v.language]}.` };
});

/**
 * Withdraws one language's version; withdrawing the default language's withdraws the page in every
 * language (the others are published beside it, and must be published again after it).
 */
export const unpublishSummary = eventAction({ role: "staff", schema: publishSchema }, async ({ user: me, client, event, input }): Promise<ActionResult> => {
  const { eventId } = input;
  const v = await versionOf(input.language);
  if (!isVersion(v)) return v;
  await db.transaction(async (tx) => {
    const summary = await lockSummary(eventId, tx);
    const translationPublishedAt = { ...summary.translationPublishedAt };
    if (v.isDefault) for (const key of Object.keys(translationPublishedAt)) delete translationPublishedAt[key as Language];
    else delete translationPublishedAt[v.language];
    await updateSummaryRow(summary.id, { ...(v.isDefault ? { status: "draft" as const } : {}), translationPublishedAt, updatedAt: summary.updatedAt }, tx);
    await writeAudit(
      { actorId: me.id, client, action: "summary.unpublish", entityType: "summary", entityId: summary.id, changes: v.isDefault ? { eventId } : { eventId, language: v.language } },
      tx,
    );
  });
  publicChanged({ kind: "event", id: event.id });
  return {
    ok: true,
    data: undefined,
    message: v.isDefault ? "Unpublished: the summary is no longer public." : `Unpublished: the ${LANGUAGE_LABELS[v.language]} version is no longer public.`,
  };
});

const NOT_SENT: Record<Exclude<ThankYouResult["outcome"], "sent" | "already_sent">, string> = {
  missing: NO_EVENT,
  not_published: "Publish the summary first: the thank-you email links to it. Nothing was sent.",
  not_over: "The event has not ended yet: the thank-you email goes after it. Nothing was sent.",
  cancelled: "This event was cancelled, so there is nobody to thank. Nothing was sent.",
  nobody:
    "Nobody in this group can get the email (addresses that unsubscribed and registrations whose details were removed are left out). Nothing was sent; choose the other group, if it has anyone.",
};

const people = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`;

/**
 * "Thank you, here is the summary", to everyone checked in or everyone confirmed: once per event,
 * however many staff press the button at once (lib/registration/thank-you.ts).
 */
export const sendThankYouEmail = eventAction({ role: "staff", schema: thankYouSchema }, async ({ user: me, client, event, input }): Promise<ActionResult<{ recipients: number }>> => {
  const ctx = await registrationContext();
  const result = await sendThankYou(event.id, input.audience, { kind: "staff", userId: me.id, client }, ctx);
  revalidatePath(`/admin/events/${event.id}/summary`);
  if (result.outcome === "already_sent") {
    const to = result.recipients == null ? "" : ` to ${people(result.recipients)}`;
    return fail(`The thank-you email was already sent ${formatStaffTime(result.sentAt, ctx.home)}${to}. It goes only once, so nothing more was sent.`);
  }
  if (result.outcome !== "sent") return fail(NOT_SENT[result.outcome]);
  return { ok: true, data: { recipients: result.recipients }, message: `Sent: the thank-you email is on its way to ${people(result.recipients)}.` };
});
