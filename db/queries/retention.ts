import "server-only";
import { and, count, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { auditLog, events, outbox, registrationFeedback, registrationManageTokens, registrations } from "@/db/schema";

// Removing the personal data of registrations (lib/registration/retention.ts): what goes, and which
// registrations are due. The status and every timestamp stay, so that every count reads the same.

/** What an anonymized registration is called wherever its name was shown. */
export const REMOVED_NAME = "Removed";

/**
 * The address an anonymized registration keeps: unique (the index on event and address among active
 * registrations must hold) and no one's (the `.invalid` top-level domain never resolves).
 */
export const removedAddress = sql<string>`'removed+' || ${registrations.id}::text || '@invalid'`;

/** Keys of audit rows' changes that may hold a registrant's details; they are dropped with the registration's data. */
const PERSONAL_AUDIT_KEYS = ["name", "email", "organization", "answers", "comment"];

/**
 * Locks the given registrations that still hold personal data, and returns their ids. Rows another
 * transaction holds are waited for, then skipped if it anonymized them.
 */
export async function lockUnanonymized(ids: string[], tx: Executor): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(inArray(registrations.id, ids), isNull(registrations.anonymizedAt)))
    .for("update");
  return rows.map((r) => r.id);
}

/**
 * Up to `limit` registrations of events that ended before `cutoff` and still hold personal data,
 * locked for this transaction. Rows another run holds are skipped, so that runs on several
 * instances at once share the work instead of waiting for each other.
 */
export async function lockDueForRetention(cutoff: Date, limit: number, tx: Executor): Promise<string[]> {
  const rows = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(lt(events.endsAt, cutoff), isNull(registrations.anonymizedAt)))
    .limit(limit)
    .for("update", { of: registrations, skipLocked: true });
  return rows.map((r) => r.id);
}

/** How many registrations of events that ended before `cutoff` still hold personal data. */
export async function countDueForRetention(cutoff: Date, executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(lt(events.endsAt, cutoff), isNull(registrations.anonymizedAt)));
  return row?.n ?? 0;
}

/**
 * The outbox's messages about these registrations lose their recipient and their body. A message is
 * about a registration when it went to its address, while the registration was active (from its
 * creation to its cancellation), and names its event: the subject ends with the event's title, as
 * every registration email's does, or the text links to the event's page. Delivered messages keep
 * their subject and times; those not yet sent are withdrawn (failed, with the reason), since their
 * recipient is gone. Returns how many messages were changed.
 */
export async function forgetMessages(ids: string[], texts: { body: string; withdrawn: string }, now: Date, tx: Executor): Promise<number> {
  if (ids.length === 0) return 0;
  const about = sql`(
    select r.id, lower(r.email) as address, r.created_at, r.cancelled_at, e.slug,
      regexp_replace(btrim(e.title), '\\s+', ' ', 'g') as title
    from ${registrations} r join ${events} e on e.id = r.event_id
    where r.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
  )`;
  const rows = await tx.execute(sql`
    update ${outbox} o set
      "to" = 'removed+' || m.id::text || '@invalid',
      text = ${texts.body},
      html = null,
      attachments = '[]'::jsonb,
      redacted_at = coalesce(o.redacted_at, ${now.toISOString()}::timestamptz),
      status = case when o.status = 'pending' then 'failed'::outbox_status else o.status end,
      last_error = case when o.status = 'pending' then ${texts.withdrawn} else o.last_error end,
      claim_token = null,
      updated_at = ${now.toISOString()}::timestamptz
    from ${about} m
    where o."to" = m.address
      and o.created_at >= m.created_at
      and (m.cancelled_at is null or o.created_at <= m.cancelled_at)
      and (
        right(o.subject, length(m.title) + 2) = ': ' || m.title
        or strpos(o.text, '/events/' || m.slug || E'\\n') > 0
        or strpos(o.text, '/events/' || m.slug || '/') > 0
      )
    returning o.id`);
  return rowCount(rows);
}

/** Rows an `execute` returned, whichever driver ran it. */
function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const rows = (result as { rows?: unknown[] }).rows;
  return rows?.length ?? 0;
}

/**
 * Everything else that holds the registrants' details: the manage links (so that they stop working),
 * feedback comments (the rating stays), the details audit rows recorded (and the network address of
 * the registrant's own actions, which have no actor), and the registration's own fields.
 */
export async function removePersonalData(ids: string[], now: Date, tx: Executor): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(registrationManageTokens).where(inArray(registrationManageTokens.registrationId, ids));
  await tx.update(registrationFeedback).set({ comment: null }).where(inArray(registrationFeedback.registrationId, ids));
  await tx
    .update(auditLog)
    .set({
      changes: sql`${auditLog.changes} - ${sql.raw(`array[${PERSONAL_AUDIT_KEYS.map((k) => `'${k}'`).join(", ")}]::text[]`)}`,
      ip: sql`case when ${auditLog.actorId} is null then null else ${auditLog.ip} end`,
      userAgent: sql`case when ${auditLog.actorId} is null then null else ${auditLog.userAgent} end`,
    })
    .where(and(eq(auditLog.entityType, "registration"), inArray(auditLog.entityId, ids)));
  await tx
    .update(registrations)
    .set({
      name: REMOVED_NAME,
      email: removedAddress,
      emailNormalized: removedAddress,
      organization: null,
      answers: {},
      idempotencyKey: null,
      // No token hashes to this (a hash is 64 hex digits): the first link stops working too.
      manageTokenHash: sql`'removed:' || ${registrations.id}::text`,
      anonymizedAt: now,
    })
    .where(inArray(registrations.id, ids));
}
