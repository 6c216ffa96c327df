import "server-only";
import { db, type Executor } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { countDueForRetention, forgetMessages, lockDueForRetention, lockUnanonymized, removePersonalData } from "@/db/queries/retention";
import { getSettings } from "@/db/queries/settings";
import { REGISTRATION_REMOVED_TEXT, REGISTRATION_REMOVED_WITHDRAWN } from "@/lib/email/visibility";
import { oneRoundAtATime } from "@/lib/rounds";

// Registrations lose their personal data (name, address, organization, answers, feedback comment, the
// emails' recipient and text, the manage links) after the retention period, or when the person asks
// (lib/registration/erase.ts). The status and every timestamp stay: the counts, the attendance, the
// hourly chart and the check-in figures read the same before and after.

export type Anonymized = { registrations: number; messages: number };

const MESSAGE_TEXTS = { body: REGISTRATION_REMOVED_TEXT, withdrawn: REGISTRATION_REMOVED_WITHDRAWN };

/**
 * Removes the personal data of these registrations, in the caller's transaction. Registrations already
 * anonymized are left as they are, so that running it twice changes nothing.
 */
export async function anonymizeRegistrations(tx: Executor, ids: string[], now = new Date()): Promise<Anonymized> {
  const locked = await lockUnanonymized(ids, tx);
  return anonymizeLocked(tx, locked, now);
}

/** Removes one registration's personal data in the caller's transaction (`registrations` is 0 when it had none left). */
export async function anonymizeRegistration(tx: Executor, id: string, now = new Date()): Promise<Anonymized> {
  return anonymizeRegistrations(tx, [id], now);
}

async function anonymizeLocked(tx: Executor, ids: string[], now: Date): Promise<Anonymized> {
  if (ids.length === 0) return { registrations: 0, messages: 0 };
  // The messages first: they are found by the address the registrations still hold.
  const messages = await forgetMessages(ids, MESSAGE_TEXTS, now, tx);
  await removePersonalData(ids, now, tx);
  return { registrations: ids.length, messages };
}

/**
 * `now` moved back by `months` calendar months, in UTC; a day the month lacks falls on its last
 * (31 March less one month is 28 or 29 February).
 */
export function retentionCutoff(now: Date, months: number): Date {
  const day = now.getUTCDate();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first;
}

/** The retention period now set, and the end before which an event's registrations are due. */
export async function retentionWindow(now = new Date()): Promise<{ months: number; cutoff: Date }> {
  const months = (await getSettings()).registrationRetentionMonths;
  return { months, cutoff: retentionCutoff(now, months) };
}

/** How many registrations the next run would anonymize at the current setting. */
export async function countDue(now = new Date()): Promise<{ months: number; cutoff: Date; due: number }> {
  const window = await retentionWindow(now);
  return { ...window, due: await countDueForRetention(window.cutoff) };
}

export type RetentionRun = { months: number; cutoff: Date } & Anonymized;

/**
 * Anonymizes every registration of events that ended more than the retention period ago
 * (`settings.registrationRetentionMonths`), `batchSize` per transaction. Idempotent; runs on several
 * instances at once share the rows (each batch skips the rows another holds). Writes one audit row
 * with the numbers, when it anonymized anything.
 */
export async function applyRetention(now = new Date(), { batchSize = 500 } = {}): Promise<RetentionRun> {
  const { months, cutoff } = await retentionWindow(now);
  const total: Anonymized = { registrations: 0, messages: 0 };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const ids = await lockDueForRetention(cutoff, batchSize, tx);
      return { found: ids.length, ...(await anonymizeLocked(tx, ids, now)) };
    });
    total.registrations += done.registrations;
    total.messages += done.messages;
    if (done.found < batchSize) break;
  }
  if (total.registrations > 0) {
    await writeAudit({
      actorId: null,
      client: null,
      action: "registration.retention",
      entityType: "registration",
      entityId: null,
      changes: { anonymized: total.registrations, messages: total.messages, retentionMonths: months, endedBefore: cutoff.toISOString() },
    });
  }
  return { months, cutoff, ...total };
}

// ---------------------------------------------------------------------------
// Once a day in every server process

const DAY_MS = 86_400_000;
// Looking every hour costs one counter comparison; a run starts once a day at most.
const CHECK_INTERVAL_MS = 60 * 60_000;
let lastStarted = 0;
let running: Promise<unknown> | undefined;

const retentionRun = oneRoundAtATime(
  async () => {
    const run = await applyRetention();
    if (run.registrations > 0) {
      console.log(`[retention] Anonymized ${run.registrations} registration(s) of events that ended before ${run.cutoff.toISOString()} (kept ${run.months} months).`);
    }
  },
  "[retention] anonymizing old registrations failed",
  // Tried again at the next hourly look rather than the next day.
  () => (lastStarted = 0),
);

/** Starts a run unless one ran in this process within the last day (or is running). */
export function retentionRound(nowMs = Date.now()): Promise<unknown> | undefined {
  if (running || nowMs - lastStarted < DAY_MS) return running;
  lastStarted = nowMs;
  running = retentionRun().finally(() => {
    running = undefined;
  });
  return running;
}

/** Runs the retention now and then once a day, for as long as the process lives. */
export function startRetentionSchedule(): void {
  const timer = setInterval(() => void retentionRound(), CHECK_INTERVAL_MS);
  timer.unref();
  void retentionRound();
}
