import "server-only";
import { and, asc, count, eq, getTableColumns, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events, type OutboxAttachment, type Registration, registrationManageTokens, type RegistrationStatus, registrations } from "@/db/schema";

// Registrations as the transactions of lib/registration/ read and write them, under the event's lock.

// Timestamps that order the waitlist come from the database clock at the moment of the write, after
// the event's lock is held: now() would be the start of the transaction, which may predate a
// registration that queued for the lock ahead of it, and app servers' clocks may disagree.
export const clock = sql`clock_timestamp()`;

/** First come, first served: when they joined the waitlist, then when they registered, then the id as a tiebreak. */
const waitlistOrder = [asc(registrations.waitlistedAt), asc(registrations.createdAt), asc(registrations.id)];

/**
 * A waitlisted row's place in its event's waitlist (1 = next), computed in SQL so that no timestamp
 * precision is lost. The outer row is named through the table itself: a bare column name would
 * resolve to the inner `w`.
 */
export const waitlistPositionSql = sql<number | null>`case when ${registrations}.status = 'waitlisted' then (
  select count(*)::int from ${registrations} w
  where w.event_id = ${registrations}.event_id and w.status = 'waitlisted'
    and (w.waitlisted_at, w.created_at, w.id) <= (${registrations}.waitlisted_at, ${registrations}.created_at, ${registrations}.id)
) end`;

// ---------------------------------------------------------------------------
// Reads and writes under the event's lock

export async function findByIdempotencyKey(eventId: string, key: string, executor: Executor = db): Promise<Registration | undefined> {
  const [row] = await executor
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.idempotencyKey, key)));
  return row;
}

/** The registration that is not cancelled for this address, if any: there is at most one. */
export async function findActiveByEmail(eventId: string, emailNormalized: string, executor: Executor = db): Promise<Registration | undefined> {
  const [row] = await executor
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.emailNormalized, emailNormalized), ne(registrations.status, "cancelled")));
  return row;
}

/** What registering someone needs to know about an event, read in one statement once its lock is held. */
export type RegistrationState = {
  confirmed: number;
  waitlisted: number;
  /** The registration this filling-in of the form made already, if it did. */
  repeatId: string | null;
  /** The registration that is not cancelled for this address, if any. */
  activeId: string | null;
  /** Whether the check-in code drawn for the new registration is another's already. */
  codeTaken: boolean;
};

/**
 * The seat counts and the checks for a new registration in one round trip, so that the event's lock is
 * held as briefly as can be. Call it after the lock is taken: its snapshot then sees every registration
 * committed before.
 */
export async function readRegistrationState(
  eventId: string,
  { idempotencyKey, emailNormalized, checkInCode }: { idempotencyKey: string | null; emailNormalized: string; checkInCode: string },
  executor: Executor,
): Promise<RegistrationState> {
  const mine = (condition: SQL) => sql`select ${registrations.id} from ${registrations} where ${registrations.eventId} = ${eventId} and ${condition} limit 1`;
  const counted = (status: RegistrationStatus) =>
    sql<number>`(select count(*)::int from ${registrations} where ${registrations.eventId} = ${eventId} and ${registrations.status} = ${status})`.mapWith(Number);
  const [row] = await executor
    .select({
      confirmed: counted("confirmed"),
      waitlisted: counted("waitlisted"),
      repeatId: idempotencyKey ? sql<string | null>`(${mine(sql`${registrations.idempotencyKey} = ${idempotencyKey}`)})` : sql<null>`null`,
      activeId: sql<string | null>`(${mine(sql`${registrations.emailNormalized} = ${emailNormalized} and ${registrations.status} <> 'cancelled'`)})`,
      codeTaken: sql<boolean>`exists (${mine(sql`${registrations.checkInCode} = ${checkInCode}`)})`.mapWith(Boolean),
    })
    .from(events)
    .where(eq(events.id, eventId));
  return row ?? { confirmed: 0, waitlisted: 0, repeatId: null, activeId: null, codeTaken: false };
}

export async function getRegistration(id: string, executor: Executor = db): Promise<Registration | undefined> {
  const [row] = await executor.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

/** The registration a manage link names: its first link, or any sent since (none is ever replaced). */
export const holdsToken = (hash: string) =>
  or(
    eq(registrations.manageTokenHash, hash),
    sql`${registrations.id} = (select ${registrationManageTokens.registrationId} from ${registrationManageTokens} where ${registrationManageTokens.tokenHash} = ${hash})`,
  )!;

export async function getRegistrationByTokenHash(hash: string, executor: Executor = db): Promise<Registration | undefined> {
  const [row] = await executor.select().from(registrations).where(holdsToken(hash));
  return row;
}

export async function countConfirmed(eventId: string, executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")));
  return row?.n ?? 0;
}

export async function isCheckInCodeTaken(eventId: string, code: string, executor: Executor = db): Promise<boolean> {
  const [row] = await executor
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.checkInCode, code)));
  return (row?.n ?? 0) > 0;
}

export type RegistrationInsert = Pick<
  typeof registrations.$inferInsert,
  "eventId" | "name" | "email" | "emailNormalized" | "organization" | "category" | "manageTokenHash" | "checkInCode" | "idempotencyKey" | "answers" | "language"
> & { status: "confirmed" | "waitlisted" | "pending" };

export async function insertRegistration(values: RegistrationInsert, executor: Executor): Promise<Registration> {
  const [row] = await executor
    .insert(registrations)
    .values({
      ...values,
      consentAt: clock,
      confirmedAt: values.status === "confirmed" ? clock : null,
      waitlistedAt: values.status === "waitlisted" ? clock : null,
    })
    .returning();
  return row!;
}

/** A message as the outbox stores it, already validated. */
export type QueuedMessage = { subject: string; text: string; html: string | null; kind: string; attachments: OutboxAttachment[] };

export type PublicSeatInput = Omit<RegistrationInsert, "status"> & {
  /** The moment the registration window is judged at. */
  now: Date;
  /** The event's updated_at when the emails' details were read: a later change sends Node to the slow path. */
  seenUpdatedAt: Date;
  /** The outbox's recipient (lower case) and the two messages, one of which is queued. */
  to: string;
  confirmed: QueuedMessage;
  waitlisted: QueuedMessage;
  /** Stands in the waitlisted message where the place in the waitlist goes. */
  positionMarker: string;
};

export type PublicSeatResult =
  | { outcome: "created"; registration: Registration; waitlistPosition: number | null; tookLastSeat: boolean }
  | { outcome: "missing" | "refused" | "stale" | "repeat" | "registered" | "code_taken" };

const registrationColumns = Object.entries(getTableColumns(registrations));

/** A registrations row as to_jsonb writes it, read as drizzle reads the table. */
function registrationFromJson(json: Record<string, unknown>): Registration {
  const row: Record<string, unknown> = {};
  for (const [key, column] of registrationColumns) {
    const value = json[column.name];
    row[key] = value == null ? null : column.mapFromDriverValue(value);
  }
  return row as Registration;
}

/**
 * A new public registration in one database call: `register_public_seat` (drizzle/0004_…, changed in
 * 0006_… and 0008_…) locks the event, checks it and the registrations again, decides confirmed, waitlisted or (on an
 * event that requires approval) pending, and writes the row and
 * its email, so that the event's lock is held only inside the database. Not in a transaction: the
 * statement is one.
 */
export async function registerPublicSeat(input: PublicSeatInput): Promise<PublicSeatResult> {
  const { confirmed: c, waitlisted: w } = input;
  const call = sql`register_public_seat(
    ${input.eventId}::uuid, ${input.now.toISOString()}::timestamptz, ${input.seenUpdatedAt.toISOString()}::timestamptz,
    ${input.name}, ${input.email}, ${input.emailNormalized}, ${input.organization ?? null}::text, ${input.category ?? null}::text,
    ${JSON.stringify(input.answers ?? {})}::jsonb, ${input.language ?? "en"}::text,
    ${input.manageTokenHash}, ${input.checkInCode}, ${input.idempotencyKey ?? null}::text,
    ${input.to},
    ${c.subject}, ${c.text}, ${c.html}::text, ${c.kind}, ${JSON.stringify(c.attachments)}::jsonb,
    ${w.subject}, ${w.text}, ${w.html}::text, ${w.kind}, ${JSON.stringify(w.attachments)}::jsonb,
    ${input.positionMarker}
  ) f`;
  const [row] = await db
    .select({
      outcome: sql<string>`f.outcome`,
      registration: sql<Record<string, unknown> | string | null>`f.registration`,
      waitlistPosition: sql<number | null>`f.waitlist_position`,
      tookLastSeat: sql<boolean>`f.took_last_seat`,
    })
    .from(call);
  if (!row) throw new Error("register_public_seat returned no row");
  if (row.outcome !== "created") return { outcome: row.outcome as Exclude<PublicSeatResult["outcome"], "created"> };
  const json = typeof row.registration === "string" ? (JSON.parse(row.registration) as Record<string, unknown>) : row.registration!;
  return {
    outcome: "created",
    registration: registrationFromJson(json),
    waitlistPosition: row.waitlistPosition == null ? null : Number(row.waitlistPosition),
    tookLastSeat: Boolean(row.tookLastSeat),
  };
}

/** One more working manage link for a registration; the ones sent before keep working. */
export async function addManageTokenHash(registrationId: string, tokenHash: string, executor: Executor): Promise<void> {
  await executor.insert(registrationManageTokens).values({ registrationId, tokenHash });
}

/** More working manage links at once, one statement (an email to each of many registrations). */
export async function addManageTokenHashes(rows: { registrationId: string; tokenHash: string }[], executor: Executor): Promise<void> {
  if (rows.length) await executor.insert(registrationManageTokens).values(rows);
}

/**
 * Cancels a registration that is neither cancelled nor checked in. The condition is part of the update,
 * so a check-in that commits first wins and this returns undefined.
 */
export async function markCancelled(id: string, executor: Executor): Promise<Registration | undefined> {
  const [row] = await executor
    .update(registrations)
    .set({ status: "cancelled", cancelledAt: clock, waitlistedAt: null })
    .where(and(eq(registrations.id, id), ne(registrations.status, "cancelled"), sql`${registrations.checkedInAt} is null`))
    .returning();
  return row;
}

/** The first `limit` people on the waitlist (all of them when `limit` is null), in order. */
export async function nextOnWaitlist(eventId: string, limit: number | null, executor: Executor): Promise<Registration[]> {
  const query = executor
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "waitlisted")))
    .orderBy(...waitlistOrder);
  return limit == null ? query : query.limit(limit);
}

/** Gives a waitlisted person a seat. */
export async function promoteRow(id: string, executor: Executor): Promise<Registration | undefined> {
  const [row] = await executor
    .update(registrations)
    .set({ status: "confirmed", confirmedAt: clock, waitlistedAt: null })
    .where(and(eq(registrations.id, id), eq(registrations.status, "waitlisted")))
    .returning();
  return row;
}

/** Everyone holding a seat, waiting for one or for the staff's decision: whom a change to the event concerns. */
export async function listActiveRegistrants(eventId: string, executor: Executor = db) {
  return executor
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, language: registrations.language, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), notInArray(registrations.status, ["cancelled", "declined"])))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}

export async function waitlistPosition(id: string, executor: Executor = db): Promise<number | null> {
  const [row] = await executor.select({ position: waitlistPositionSql }).from(registrations).where(eq(registrations.id, id));
  return row?.position ?? null;
}
