"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { db, type Executor } from "@/db";
import { shiftAgendaStarts } from "@/db/queries/agenda";
import { writeAudit } from "@/db/queries/audit";
import {
  changeEventStatus,
  copyEvent,
  countRegistrations,
  deleteEventRow,
  eventWithSeriesNumber,
  freeEventSlug,
  getEvent,
  insertEvent,
  isEventSlugTaken,
  lockEvent,
  lockSeries,
  nextSeriesNumber,
  topicOfSeries,
  updateEventRow,
} from "@/db/queries/events";
import type { EventStatus } from "@/db/schema";
import { action, type ActionContext } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { kickOutbox } from "@/lib/email/sender";
import { type ActionResult, fail, invalidFields } from "@/lib/errors";
import { type RegistrationContext, registrationContext } from "@/lib/registration/context";
import { notifyDetailsChanged, notifyEventCancelled } from "@/lib/registration/notices";
import { promoteFromWaitlist } from "@/lib/registration/seats";
import { slugify } from "@/lib/slug";
import { idSchema } from "@/lib/validations/common";
import { copyEventSchema, eventInstants, type EventFormValues, eventSchema, updateEventSchema } from "@/lib/validations/event";
import { ordinalWord } from "@/lib/names";
import { zonedDateTimeToUtc } from "@/lib/time";
import { publicChanged } from "@/lib/public-cache";
import { getSettings } from "@/db/queries/settings";
import { duplicateCopy, nextMeetingCopy } from "@/lib/event-copies";
import { mergeTranslations } from "@/lib/translations";

const SLUG_TAKEN = { slug: ["Another event already uses this address. Choose another."] };

/** What a concurrent change can still make the database refuse, in words for the form. */
const REFUSALS = {
  events_series_number_key: { seriesNumber: ["Another event already has this number in the series. Choose another."] },
  // A second submit of the same form lands here: the address is already taken by the first.
  unique: SLUG_TAKEN,
  foreign_key: "A topic, series or venue you chose no longer exists. Reload the page and choose again.",
};

/** The row an event form describes: local dates and times become instants in the event's zone. */
function eventRow(v: EventFormValues) {
  return {
    title: v.title,
    topicId: v.topicId,
    seriesId: v.seriesId,
    seriesNumber: v.seriesNumber,
    venueId: v.venueId,
    timeZone: v.timeZone,
    capacity: v.capacity,
    description: v.description,
    // Left out when the form did not send the field, so that the event keeps the categories it has.
    ...(v.registrationCategories ? { registrationCategories: v.registrationCategories } : {}),
    ...eventInstants(v),
  };
}

/** The duplicates the unique indexes would refuse, found first so that each gets a sentence of its own. */
async function duplicateProblems(row: { slug: string; seriesId: string | null; seriesNumber: number | null }, exceptId: string | undefined, tx: Executor) {
  const fieldErrors: Record<string, string[]> = {};
  if (await isEventSlugTaken(row.slug, exceptId, tx)) Object.assign(fieldErrors, SLUG_TAKEN);
  if (row.seriesId && row.seriesNumber != null) {
    const holder = await eventWithSeriesNumber(row.seriesId, row.seriesNumber, exceptId, tx);
    if (holder) {
      fieldErrors.seriesNumber = [
        `“${holder.title}” is already the ${ordinalWord(row.seriesNumber)} meeting of this series. Choose another number.`,
      ];
    }
  }
  return Object.keys(fieldErrors).length ? invalidFields(fieldErrors) : null;
}

/** Without an id: a draft was created or deleted, which no public page shows. */
function revalidateEvent(id?: string) {
  revalidatePath("/admin");
  revalidatePath("/admin/events");
  if (id) revalidatePath(`/admin/events/${id}`, "layout");
  // Public pages list events and show them by address; a status or time change touches several.
  if (id) publicChanged({ kind: "event", id });
}

export const createEvent = action({ role: "staff", schema: eventSchema, conflicts: REFUSALS }, async ({ user: me, input, client }): Promise<ActionResult<{ id: string }>> => {
  const row = { ...eventRow(input), translations: mergeTranslations({}, input.translations), slug: input.slug ?? slugify(input.title), status: "draft" as const };
  const result = await db.transaction(async (tx): Promise<ActionResult<{ id: string }>> => {
    const problem = await duplicateProblems(row, undefined, tx);
    if (problem) return problem;
    if (row.seriesId && !row.topicId) row.topicId = await topicOfSeries(row.seriesId, tx);
    const event = await insertEvent(row, tx);
    await writeAudit({ actorId: me.id, client, action: "event.create", entityType: "event", entityId: event.id, changes: row }, tx);
    return { ok: true, data: { id: event.id } };
  });
  if (!result.ok) return result;
  revalidateEvent();
  redirect(`/admin/events/${result.data.id}?saved=1`);
});

export const updateEvent = action({ role: "staff", schema: updateEventSchema, conflicts: REFUSALS }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const { id, ...values } = input;
  // Read before the transaction: inside it, only the transaction may query.
  const ctx = await registrationContext();
  const result = await db.transaction(async (tx) => {
    const before = await lockEvent(id, tx);
    if (!before) return fail("This event no longer exists.");
    // An emptied address is made again from the title while the event is a draft; after that it stays.
    const slug = values.slug ?? (before.status === "draft" ? slugify(values.title) : before.slug);
    const row = { ...eventRow(values), translations: mergeTranslations(before.translations, values.translations), slug };
    if (row.slug !== before.slug && before.status !== "draft") {
      return invalidFields({ slug: ["This event is public, so its address can no longer change."] });
    }
    if (row.capacity != null && row.capacity !== before.capacity) {
      const confirmed = await countRegistrations(id, tx, { only: "confirmed" });
      if (row.capacity < confirmed) {
        return invalidFields({
          capacity: [`${confirmed} ${confirmed === 1 ? "person is" : "people are"} already confirmed. Capacity cannot be lower than that.`],
        });
      }
    }
    const problem = await duplicateProblems(row, id, tx);
    if (problem) return problem;
    if (row.seriesId && !row.topicId) row.topicId = await topicOfSeries(row.seriesId, tx);
    const changes = changedFields(before, row);
    if (Object.keys(changes).length === 0) return { ok: true as const, data: undefined, message: "No changes to save." };
    const after = (await updateEventRow(id, row, tx))!;
    const shift = row.startsAt.getTime() - before.startsAt.getTime();
    const segmentsMoved = await shiftAgendaStarts(id, shift, tx);
    await writeAudit(
      { actorId: me.id, client, action: "event.update", entityType: "event", entityId: id, changes: segmentsMoved ? { ...changes, agendaShiftedMinutes: shift / 60_000 } : changes },
      tx,
    );
    // More seats (or no limit) go to the waitlist at once; a new time or place is news to everyone registered.
    // Not so for an event already held: that is a correction of the record, and nobody is emailed.
    const held = before.status === "scheduled" && before.endsAt <= ctx.now;
    const promoted = "capacity" in changes && !held ? await promoteFromWaitlist(tx, after, ctx, { kind: "staff", userId: me.id, client }) : [];
    const notified =
      after.status === "scheduled" && !held && NOTICE_FIELDS.some((f) => f in changes) ? await notifyDetailsChanged(tx, id, ctx) : 0;
    // Sent once the response has gone out, by when this transaction has committed.
    if (promoted.length > 0 || notified > 0) kickOutbox();
    return { ok: true as const, data: undefined, message: savedMessage(promoted.length, notified) };
  });
  revalidateEvent(id);
  return result;
});

/** Changes that registered people are told about by email. */
const NOTICE_FIELDS = ["startsAt", "endsAt", "timeZone", "venueId"] as const;

function savedMessage(promoted: number, notified: number): string {
  const parts = ["Saved."];
  if (promoted > 0) parts.push(`${promoted} ${promoted === 1 ? "person moved" : "people moved"} from the waitlist to a seat and ${promoted === 1 ? "was" : "were"} emailed.`);
  if (notified > 0) parts.push(`${notified} registered ${notified === 1 ? "person was" : "people were"} emailed the new time or place.`);
  return parts.join(" ");
}

type Transition = {
  from: readonly EventStatus[];
  to: EventStatus;
  audit: string;
  refused: (status: EventStatus) => string;
  /** A further condition checked under the event's lock. */
  guard?: (eventId: string, tx: Executor) => Promise<string | null>;
  /** Runs in the same transaction once the status has changed; returns how many emails it queued. */
  after?: (eventId: string, tx: Executor, ctx: RegistrationContext) => Promise<number>;
};

const NO_REGISTRATIONS = (sentence: string) => async (eventId: string, tx: Executor) =>
  (await countRegistrations(eventId, tx)) > 0 ? sentence : null;

// Checked under the event's lock (transition() holds it): a held event is corrected, not cancelled.
const NOT_HELD = (sentence: string) => async (eventId: string, tx: Executor) => {
  const event = await getEvent(eventId, tx);
  return event && event.endsAt <= new Date() ? sentence : null;
};

const TRANSITIONS = {
  schedule: {
    from: ["draft"],
    to: "scheduled",
    audit: "event.schedule",
    refused: (s) => (s === "scheduled" ? "This event is already scheduled." : "A cancelled event cannot be scheduled again. Create a new event instead."),
  },
  cancel: {
    from: ["scheduled"],
    to: "cancelled",
    audit: "event.cancel",
    refused: (s) => (s === "cancelled" ? "This event is already cancelled." : "Only a scheduled event can be cancelled. A draft can simply be deleted."),
    guard: NOT_HELD("This event has already taken place, so it cannot be cancelled. Correct its details instead."),
    // Everyone registered hears of it, with a calendar file that cancels their entry.
    after: (eventId, tx, ctx) => notifyEventCancelled(tx, eventId, ctx),
  },
  draft: {
    from: ["scheduled"],
    to: "draft",
    audit: "event.draft",
    refused: (s) => (s === "draft" ? "This event is already a draft." : "A cancelled event cannot go back to draft."),
    guard: NO_REGISTRATIONS("People have registered for this event, so it cannot go back to draft. Cancel it instead."),
  },
} satisfies Record<string, Transition>;

async function transition({ user: me, input: { id }, client }: ActionContext<{ id: string }>, which: keyof typeof TRANSITIONS): Promise<ActionResult> {
  const t: Transition = TRANSITIONS[which];
  const ctx = await registrationContext();
  const result = await db.transaction(async (tx) => {
    const before = await lockEvent(id, tx);
    if (!before) return fail("This event no longer exists.");
    if (!t.from.includes(before.status)) return fail(t.refused(before.status));
    const refusedBy = await t.guard?.(id, tx);
    if (refusedBy) return fail(refusedBy);
    const after = await changeEventStatus(id, t.from, t.to, tx);
    if (!after) return fail("Someone else changed this event in the meantime. Reload and try again.");
    await writeAudit(
      { actorId: me.id, client, action: t.audit, entityType: "event", entityId: id, changes: { status: [before.status, after.status], cancelledAt: [before.cancelledAt, after.cancelledAt] } },
      tx,
    );
    // Sent once the response has gone out, by when this transaction has committed.
    if (((await t.after?.(id, tx, ctx)) ?? 0) > 0) kickOutbox();
    return { ok: true as const, data: undefined };
  });
  revalidateEvent(id);
  return result;
}

/** Draft → scheduled: the event becomes public and its address is fixed. */
export const scheduleEvent = action({ role: "staff", schema: idSchema }, (context) => transition(context, "schedule"));

/** Scheduled → cancelled: the page stays up, marked cancelled. */
export const cancelEvent = action({ role: "staff", schema: idSchema }, (context) => transition(context, "cancel"));

/** Scheduled → draft, only while nobody has registered: it takes the page down. */
export const revertEventToDraft = action({ role: "staff", schema: idSchema }, (context) => transition(context, "draft"));

/** Deletes a draft nobody has registered for; anything public stays, to be cancelled instead. */
export const deleteEvent = action({ role: "staff", schema: idSchema }, async ({ user: me, input: { id }, client }) => {
  const result = await db.transaction(async (tx) => {
    const event = await lockEvent(id, tx);
    if (!event) return fail("This event no longer exists.");
    if (event.status !== "draft") return fail("Only a draft can be deleted. Cancel a scheduled event instead.");
    if ((await countRegistrations(id, tx)) > 0) return fail("People have registered for this event, so it cannot be deleted.");
    await deleteEventRow(id, tx);
    await writeAudit(
      { actorId: me.id, client, action: "event.delete", entityType: "event", entityId: id, changes: { title: event.title, slug: event.slug, startsAt: event.startsAt } },
      tx,
    );
    return { ok: true as const, data: undefined };
  });
  revalidateEvent();
  return result;
});

// ---------------------------------------------------------------------------
// Copies: the next meeting of a series, or a duplicate of any event

// The unique indexes are the last word when two copies race for an address or number.
const RACED = { unique: "Someone else created an event at the same moment. Try again." };

/**
 * A new draft from an event, on a date staff choose in the event's zone. "next" gives it the series'
 * next number and a title naming that number; "duplicate" keeps the series but takes no number (a
 * repeat is not the next meeting, and one number is one meeting), titled as a copy.
 */
async function copyEventAs(
  { user: me, input: { id, startDate, startTime }, client }: ActionContext<z.output<typeof copyEventSchema>>,
  kind: "next" | "duplicate",
): Promise<ActionResult<{ id: string }>> {
  // Read before the transaction: inside it, only the transaction may query.
  const { defaultLanguage } = await getSettings();
  const result = await db.transaction(async (tx): Promise<ActionResult<{ id: string }>> => {
    // Locked so that it cannot be deleted or moved while it is being copied.
    const source = await lockEvent(id, tx);
    if (!source) return fail("This event no longer exists.");
    const startsAt = zonedDateTimeToUtc(startDate, startTime, source.timeZone);
    let texts = duplicateCopy(source, defaultLanguage);
    let seriesNumber: number | null = null;
    if (kind === "next") {
      const inSeries = source.seriesId ? await lockSeries(source.seriesId, tx) : undefined;
      if (!inSeries) return fail("This event is not part of a series, so it has no next meeting. Duplicate it instead.");
      seriesNumber = await nextSeriesNumber(inSeries.id, tx);
      texts = nextMeetingCopy(inSeries, seriesNumber, defaultLanguage);
    }
    const { title } = texts;
    const slug = await freeEventSlug(slugify(title) || "event", tx);
    const copied = await copyEvent(source, { ...texts, slug, seriesNumber, startsAt }, tx);
    await writeAudit(
      {
        actorId: me.id, client,
        action: kind === "next" ? "event.plan_next" : "event.duplicate",
        entityType: "event",
        entityId: copied.event.id,
        changes: { from: source.id, title, slug, seriesNumber, startsAt, participants: copied.participants, segments: copied.segments },
      },
      tx,
    );
    return { ok: true, data: { id: copied.event.id } };
  });
  if (!result.ok) return result;
  revalidateEvent();
  redirect(`/admin/events/${result.data.id}?copied=${kind}`);
}

/** "Plan the next meeting": a draft of the series' next meeting, from this one. */
export const planNextMeeting = action({ role: "staff", schema: copyEventSchema, conflicts: RACED }, (context) => copyEventAs(context, "next"));

/** "Duplicate": a draft copy of any event, on another date. */
export const duplicateEvent = action({ role: "staff", schema: copyEventSchema, conflicts: RACED }, (context) => copyEventAs(context, "duplicate"));
