import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, lte, notExists, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import type { Language } from "@/lib/i18n/languages";
import { events, type ReminderOffset, registrationManageTokens, registrationReminders, registrations } from "@/db/schema";

// The reminders before an event: which events may have one due, who is owed one, and the record of
// each reminder queued (registration_reminders), whose primary key makes it go once.

export type ReminderEvent = { id: string; startsAt: Date; timeZone: string; reminders: ReminderOffset[] };

/** Scheduled events that start after `now` and no later than `until`: the only ones a reminder can be due for. */
export async function listEventsStartingBetween(now: Date, until: Date, executor: Executor = db): Promise<ReminderEvent[]> {
  return executor
    .select({ id: events.id, startsAt: events.startsAt, timeZone: events.timeZone, reminders: events.reminders })
    .from(events)
    .where(and(eq(events.status, "scheduled"), isNull(events.cancelledAt), gt(events.startsAt, now), lte(events.startsAt, until)))
    .orderBy(asc(events.startsAt), asc(events.id));
}

/** The event's start and status as they are now, to check that nothing moved since the plan was made. */
export async function readReminderEvent(eventId: string, executor: Executor) {
  const [row] = await executor.select({ startsAt: events.startsAt, status: events.status }).from(events).where(eq(events.id, eventId));
  return row;
}

/** The offsets already queued for someone registered for the event, for the start `startsAt`. */
export async function queuedReminderKeys(eventId: string, startsAt: Date, executor: Executor = db): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ key: registrationReminders.offsetKey })
    .from(registrationReminders)
    .innerJoin(registrations, eq(registrations.id, registrationReminders.registrationId))
    .where(and(eq(registrations.eventId, eventId), eq(registrationReminders.startsAt, startsAt)));
  return rows.map((r) => r.key);
}

/** How many people each offset was queued for, for the start `startsAt`. */
export async function countQueuedReminders(eventId: string, startsAt: Date, executor: Executor = db): Promise<Record<string, number>> {
  const rows = await executor
    .select({ key: registrationReminders.offsetKey, n: count() })
    .from(registrationReminders)
    .innerJoin(registrations, eq(registrations.id, registrationReminders.registrationId))
    .where(and(eq(registrations.eventId, eventId), eq(registrationReminders.startsAt, startsAt)))
    .groupBy(registrationReminders.offsetKey);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

export type ReminderCandidate = { id: string; name: string; email: string; language: Language; checkInCode: string };

/**
 * Up to `limit` people owed the reminder due at `dueAt`: holding a seat since before then, not yet
 * at the door, and not reminded for this start at any offset in `keys` (this one, and those due as
 * late or later). The rows are share-locked until the transaction ends, so that a cancellation
 * committing meanwhile either comes first (and the person is left out) or waits for the reminder;
 * rows another transaction is changing are skipped, for the next round.
 */
export async function lockReminderCandidates(
  tx: Executor,
  { eventId, startsAt, dueAt, keys, limit }: { eventId: string; startsAt: Date; dueAt: Date; keys: string[]; limit: number },
): Promise<ReminderCandidate[]> {
  const reminded = tx
    .select({ one: sql`1` })
    .from(registrationReminders)
    .where(
      and(
        eq(registrationReminders.registrationId, registrations.id),
        eq(registrationReminders.startsAt, startsAt),
        inArray(registrationReminders.offsetKey, keys),
      ),
    );
  return tx
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, language: registrations.language, checkInCode: registrations.checkInCode })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.status, "confirmed"),
        isNull(registrations.checkedInAt),
        isNull(registrations.anonymizedAt),
        // A seat taken after the reminder's time (a late registration, a promotion) came with its own email.
        sql`coalesce(${registrations.confirmedAt}, ${registrations.createdAt}) <= ${dueAt.toISOString()}::timestamptz`,
        notExists(reminded),
      ),
    )
    .orderBy(asc(registrations.id))
    .limit(limit)
    .for("share", { of: registrations, skipLocked: true });
}

/**
 * Records the reminder for each registration that has none for this offset and start yet, and returns
 * those recorded. A registration another sender recorded first (committed or not: the insert waits for
 * it) is left out: only the transaction that wrote the row queues the email.
 */
export async function recordReminders(tx: Executor, registrationIds: string[], offsetKey: string, startsAt: Date): Promise<string[]> {
  if (registrationIds.length === 0) return [];
  const rows = await tx
    .insert(registrationReminders)
    .values(registrationIds.map((registrationId) => ({ registrationId, offsetKey, startsAt })))
    .onConflictDoNothing()
    .returning({ id: registrationReminders.registrationId });
  return rows.map((r) => r.id);
}

/** More working manage links, one per registration; the ones sent before keep working. */
export async function addManageTokenHashes(tx: Executor, tokens: { registrationId: string; tokenHash: string }[]): Promise<void> {
  if (tokens.length > 0) await tx.insert(registrationManageTokens).values(tokens);
}

/**
 * Sets an event's reminders. The event's updated_at stays as it was: it versions what the public and the
 * calendars see (a calendar file's sequence, a registration's check that the details it emails are
 * current), and reminders are none of that.
 */
export async function setEventReminders(eventId: string, reminders: ReminderOffset[], executor: Executor): Promise<void> {
  await executor.update(events).set({ reminders, updatedAt: sql`${events.updatedAt}` }).where(eq(events.id, eventId));
}
