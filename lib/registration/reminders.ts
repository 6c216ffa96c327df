import "server-only";
import { db, type Executor } from "@/db";
import { enqueueEmail } from "@/db/queries/outbox";
import { getEventCalendarSource } from "@/db/queries/public";
import {
  addManageTokenHashes,
  listEventsStartingBetween,
  lockReminderCandidates,
  queuedReminderKeys,
  recordReminders,
  type ReminderEvent,
} from "@/db/queries/reminders";
import type { ReminderOffset } from "@/db/schema";
import { seatAttachments } from "@/lib/email/attachments";
import { reminderEmail } from "@/lib/email/reminder-emails";
import { utcToZonedParts, zonedDateTimeToUtc } from "@/lib/time";
import { REMINDER_LIMITS, reminderFromKey, reminderKey } from "@/lib/validations/reminders";
import { oneRoundAtATime } from "@/lib/rounds";
import { manageUrl, type RegistrationContext, registrationContext } from "./context";
import { hashManageToken, newManageToken } from "./tokens";

// Reminders before an event. Each event lists its offsets (events.reminders: a day and an hour before,
// unless staff chose others); the outbox's sender looks every round for reminders that are due and
// queues them. Nothing is planned ahead: the due times are worked out from the event's start as it is
// at that moment, so a moved event is reminded of at its new time, and a reminder queued for the old
// start (registration_reminders keeps the start it was for) does not stand in the way.
//
// Who gets one: the people holding a seat (confirmed), not yet checked in, who had their seat before
// the reminder's time. Nobody waiting for a seat, awaiting approval, declined or cancelled: a
// waitlisted person hears from us when a seat comes free (the promotion email), and a reminder of an
// event they have no seat at would read as an invitation to come anyway.

const DAY_MS = 86_400_000;
const UNIT_MS = { hours: 3_600_000, minutes: 60_000 } as const;
/** The furthest ahead of its start an event can have a reminder due: the longest offset, and a day for time changes. */
const HORIZON_MS = (REMINDER_LIMITS.days.max + 1) * DAY_MS;
const BATCH_SIZE = 100;

/**
 * When a reminder `offset` before a start at `startsAt` falls. Hours and minutes are elapsed time;
 * days are days of the event's own calendar: a day before 10:00 is 10:00 the day before on the
 * event's clocks, a daylight-saving change in between or not. A time that day skips (02:30 on the
 * night clocks go forward) moves on by the gap, as `zonedDateTimeToUtc` does.
 */
export function reminderDueAt(startsAt: Date, timeZone: string, offset: ReminderOffset): Date {
  if (offset.unit !== "days") return new Date(startsAt.getTime() - offset.amount * UNIT_MS[offset.unit]);
  const { date, time } = utcToZonedParts(startsAt, timeZone);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const earlier = new Date(Date.UTC(2000, month - 1, day - offset.amount));
  earlier.setUTCFullYear(year + (earlier.getUTCFullYear() - 2000));
  const at = zonedDateTimeToUtc(earlier.toISOString().slice(0, 10), time, timeZone);
  // The wall clock is read to the minute; a start's seconds, if it has any, carry over.
  return new Date(at.getTime() + (startsAt.getTime() % 60_000));
}

export type PlannedReminder = { offset: ReminderOffset; key: string; dueAt: Date };

/** The event's reminders with their due times, earliest first. */
export function planReminders(event: Pick<ReminderEvent, "startsAt" | "timeZone" | "reminders">): PlannedReminder[] {
  return event.reminders
    .map((offset) => ({ offset, key: reminderKey(offset), dueAt: reminderDueAt(event.startsAt, event.timeZone, offset) }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * The reminder to send at `now`: the latest one due. When several are due at once (the sender was
 * stopped, the event was moved closer, reminders were added), the nearest to the start stands for them
 * all; the earlier ones are never sent once a later one is due.
 */
export function currentReminder(plan: PlannedReminder[], now: Date): PlannedReminder | null {
  return plan.filter((p) => p.dueAt.getTime() <= now.getTime()).at(-1) ?? null;
}

/**
 * Queues every reminder due at `now` and returns how many it queued. Safe to run from several
 * instances at once and again after a restart: a reminder is queued only by the transaction that
 * records it in registration_reminders, whose primary key (registration, offset, start) lets one
 * transaction write it; the others' insert waits for that one and then writes nothing.
 */
export async function queueDueReminders(now = new Date(), { batchSize = BATCH_SIZE }: { batchSize?: number } = {}): Promise<number> {
  const upcoming = await listEventsStartingBetween(now, new Date(now.getTime() + HORIZON_MS));
  let ctx: RegistrationContext | undefined;
  let queued = 0;
  for (const event of upcoming) {
    const due = currentReminder(planReminders(event), now);
    if (!due) continue;
    ctx ??= await registrationContext(now);
    // Whoever has a reminder for this start that went out as late as this one or later (an offset
    // since taken off the list, say) has been reminded already.
    const done = (await queuedReminderKeys(event.id, event.startsAt)).filter((key) => {
      const offset = reminderFromKey(key);
      return offset && reminderDueAt(event.startsAt, event.timeZone, offset).getTime() >= due.dueAt.getTime();
    });
    const keys = [...new Set([due.key, ...done])];
    for (;;) {
      const batch = await db.transaction((tx) => queueBatch(tx, event, due, keys, ctx!, batchSize));
      queued += batch.queued;
      // A full batch that queued nothing was another sender's work: it carries on, this one need not.
      if (batch.seen < batchSize || batch.queued === 0) break;
    }
  }
  return queued;
}

/** One transaction's share: up to `limit` people recorded and emailed together, or none if the event changed meanwhile. */
async function queueBatch(tx: Executor, event: ReminderEvent, due: PlannedReminder, keys: string[], ctx: RegistrationContext, limit: number) {
  const source = await getEventCalendarSource(event.id, tx);
  // Moved, cancelled or unscheduled since the list was read: the next round plans it as it is then.
  if (!source || source.status !== "scheduled" || source.startsAt.getTime() !== event.startsAt.getTime()) return { seen: 0, queued: 0 };
  const candidates = await lockReminderCandidates(tx, { eventId: event.id, startsAt: event.startsAt, dueAt: due.dueAt, keys, limit });
  const recorded = new Set(await recordReminders(tx, candidates.map((c) => c.id), due.key, event.startsAt));
  const people = candidates.filter((c) => recorded.has(c.id));
  // A new manage link for each email, as on promotion: only hashes are stored, so earlier links cannot be sent again.
  const links = people.map((p) => ({ person: p, token: newManageToken() }));
  await addManageTokenHashes(tx, links.map(({ person, token }) => ({ registrationId: person.id, tokenHash: hashManageToken(token) })));
  for (const { person, token } of links) {
    await enqueueEmail(
      reminderEmail({
        to: { name: person.name, email: person.email, language: person.language },
        event: source,
        ctx,
        manageUrl: manageUrl(ctx, token, person.language),
        checkInCode: person.checkInCode,
        attachments: seatAttachments(source, person.checkInCode),
      }),
      tx,
    );
  }
  return { seen: candidates.length, queued: people.length };
}

/** One round of queueing due reminders; rounds never overlap in one process, and a failure is logged, not thrown. */
export const reminderRound = oneRoundAtATime(() => queueDueReminders(), "[reminders] queueing due reminders failed");
