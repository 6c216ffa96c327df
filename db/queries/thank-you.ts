import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, lte, notExists, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import type { Language } from "@/lib/i18n/languages";
import { auditLog, emailUnsubscribes, events, registrations, summaries, type ThankYouAudience } from "@/db/schema";

// The "thank you, here is the summary" email: whom it goes to, and the once-only mark on the event.

export const THANK_YOU_AUDIT_ACTION = "event.thank_you";

/**
 * The registrations an audience holds: confirmed seats (checked in at the door, for "checked_in"),
 * without the registrations whose details were removed and the addresses that unsubscribed.
 */
function audienceWhere(eventId: string, audience: ThankYouAudience): SQL {
  return and(
    eq(registrations.eventId, eventId),
    eq(registrations.status, "confirmed"),
    isNull(registrations.anonymizedAt),
    audience === "checked_in" ? isNotNull(registrations.checkedInAt) : undefined,
    notExists(db.select({ one: sql`1` }).from(emailUnsubscribes).where(eq(emailUnsubscribes.emailNormalized, registrations.emailNormalized))),
  )!;
}

/** How many people each audience would reach now. */
export async function countThankYouAudiences(eventId: string, executor: Executor = db): Promise<Record<ThankYouAudience, number>> {
  const [row] = await executor
    .select({ confirmed: count(), checkedIn: sql<number>`count(*) filter (where ${registrations.checkedInAt} is not null)`.mapWith(Number) })
    .from(registrations)
    .where(audienceWhere(eventId, "confirmed"));
  return { confirmed: row?.confirmed ?? 0, checked_in: row?.checkedIn ?? 0 };
}

export type ThankYouRecipient = { id: string; name: string; email: string; language: Language };

export async function listThankYouRecipients(eventId: string, audience: ThankYouAudience, executor: Executor): Promise<ThankYouRecipient[]> {
  return executor
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, language: registrations.language })
    .from(registrations)
    .where(audienceWhere(eventId, audience))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}

/**
 * The summary's status, read under a share lock: publishing and unpublishing (which lock it for update)
 * wait until the transaction that sends ends, so the email never links to a summary taken down meanwhile.
 */
export async function lockSummaryForSending(eventId: string, tx: Executor) {
  const [row] = await tx.select({ title: summaries.title, status: summaries.status }).from(summaries).where(eq(summaries.eventId, eventId)).for("share");
  return row;
}

/**
 * Marks the event's thank-you as sent, if it was not, the event is over and not cancelled: the condition
 * is part of the update, so of two sends at once the second finds it set (it waits for the first's row
 * lock, then reads the row again) and gets nothing. The event's version (updatedAt) stays, so that an
 * editor open on the event can still save.
 */
export async function claimThankYou(eventId: string, audience: ThankYouAudience, tx: Executor) {
  const [row] = await tx
    .update(events)
    .set({ thankYouSentAt: sql`now()`, thankYouAudience: audience, updatedAt: sql`${events.updatedAt}` })
    .where(and(eq(events.id, eventId), isNull(events.thankYouSentAt), eq(events.status, "scheduled"), lte(events.endsAt, sql`now()`)))
    .returning({ id: events.id, slug: events.slug, title: events.title, translations: events.translations, startsAt: events.startsAt, timeZone: events.timeZone, sentAt: events.thankYouSentAt });
  return row;
}

/** When the thank-you went, to whom and to how many (from its audit row); undefined when it has not. */
export async function getThankYouSent(eventId: string, executor: Executor = db): Promise<{ sentAt: Date; audience: ThankYouAudience; recipients: number | null } | undefined> {
  const [event] = await executor.select({ sentAt: events.thankYouSentAt, audience: events.thankYouAudience }).from(events).where(eq(events.id, eventId));
  if (!event?.sentAt) return undefined;
  const [audit] = await executor
    .select({ changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "event"), eq(auditLog.entityId, eventId), eq(auditLog.action, THANK_YOU_AUDIT_ACTION)))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  const recipients = audit?.changes?.recipients;
  return { sentAt: event.sentAt, audience: event.audience ?? "confirmed", recipients: typeof recipients === "number" ? recipients : null };
}
