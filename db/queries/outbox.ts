import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { outbox, type OutboxMessage } from "@/db/schema";
import { type EmailMessage, validateEmailMessage } from "@/lib/email/message";
import { REDACTED_TEXT } from "@/lib/email/visibility";
import { env } from "@/lib/env";
import { paged } from "./util";

export const MAX_ATTEMPTS = 8;

/** A message a sender holds: the token proves the claim when the sender records the outcome. */
export type ClaimedMessage = OutboxMessage & { claimToken: string };

/** Queues a message. Pass the transaction of the change that causes it, so both commit or neither. */
export async function enqueueEmail(message: EmailMessage, executor: Executor = db): Promise<string> {
  const m = validateEmailMessage(message);
  const [row] = await executor
    .insert(outbox)
    .values({
      to: m.to.toLowerCase(),
      subject: m.subject,
      text: m.text,
      html: m.html ?? null,
      kind: m.kind,
      attachments: m.attachments,
    })
    .returning({ id: outbox.id });
  return row!.id;
}

/**
 * Queues many messages in one statement (validated one by one, as enqueueEmail does). Keep a call to a
 * few hundred messages: each row is six parameters.
 */
export async function enqueueEmails(messages: EmailMessage[], executor: Executor = db): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map((message) => {
    const m = validateEmailMessage(message);
    return { to: m.to.toLowerCase(), subject: m.subject, text: m.text, html: m.html ?? null, kind: m.kind, attachments: m.attachments };
  });
  await executor.insert(outbox).values(rows);
  return rows.length;
}

/**
 * Reserves up to `limit` due messages for this sender. SKIP LOCKED lets several senders share the
 * queue; the lease (OUTBOX_LEASE_SECONDS) pushes the next attempt forward, so a message whose sender
 * died comes back once it runs out. Each claim draws a new token: a sender whose lease ran out and was
 * taken over can no longer record an outcome for the message (markSent, markFailed).
 */
export async function claimDueMessages(limit: number, now?: Date, leaseSeconds = env().OUTBOX_LEASE_SECONDS): Promise<ClaimedMessage[]> {
  // Without a given time, the database's own clock decides what is due: the one that stamped the rows.
  const current = now ?? sql`now()`;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, current)))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const rows = await tx
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: now ? new Date(now.getTime() + leaseSeconds * 1000) : sql`now() + make_interval(secs => ${leaseSeconds})`,
        claimToken: sql`gen_random_uuid()`,
      })
      .where(inArray(outbox.id, due.map((d) => d.id)))
      .returning();
    return rows as ClaimedMessage[];
  });
}

/** The claim a sender holds on a message: the token of its claim, while the message still waits. */
const held = (message: Pick<ClaimedMessage, "id" | "claimToken">) =>
  and(eq(outbox.id, message.id), eq(outbox.claimToken, message.claimToken), eq(outbox.status, "pending"));

/**
 * Records a delivery. False when the sender no longer held the message: its lease ran out and another
 * sender claimed it (and may send it again), or it was already recorded.
 */
export async function markSent(message: Pick<ClaimedMessage, "id" | "claimToken">, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: "sent", sentAt: now, lastError: null, claimToken: null })
    .where(held(message))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt: retried later with exponential backoff, or given up after MAX_ATTEMPTS.
 * False, and nothing recorded, when the sender no longer held the message (see markSent).
 */
export async function markFailed(message: Pick<ClaimedMessage, "id" | "claimToken" | "attempts">, error: string, now = new Date()): Promise<boolean> {
  const giveUp = message.attempts >= MAX_ATTEMPTS;
  const delayMs = Math.min(60 * 60_000, 30_000 * 2 ** (message.attempts - 1));
  const rows = await db
    .update(outbox)
    .set({
      status: giveUp ? "failed" : "pending",
      lastError: error.slice(0, 1000),
      nextAttemptAt: new Date(now.getTime() + delayMs),
      claimToken: null,
    })
    .where(held(message))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Puts a failed message back in the queue for another round of attempts. */
export async function retryMessage(id: string): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), claimToken: null })
    // A message whose text was removed (with its registration's data) has nothing left to send.
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed"), isNull(outbox.redactedAt)))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export type OutboxFilter = { status?: OutboxMessage["status"]; to?: string; page: number; pageSize: number };

export async function listOutbox(filter: OutboxFilter) {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(outbox.status, filter.status));
  if (filter.to) where.push(eq(outbox.to, filter.to.trim().toLowerCase()));
  const condition = where.length ? and(...where) : undefined;
  return paged(
    db
      .select({
        id: outbox.id,
        to: outbox.to,
        subject: outbox.subject,
        kind: outbox.kind,
        status: outbox.status,
        attempts: outbox.attempts,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
      })
      .from(outbox)
      .where(condition)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .$dynamic(),
    db.select({ n: count() }).from(outbox).where(condition),
    filter.page,
    filter.pageSize,
  );
}

export async function getOutboxMessage(id: string): Promise<OutboxMessage | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

export async function countOutboxByStatus(): Promise<Record<OutboxMessage["status"], number>> {
  const rows = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const result = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) result[r.status] = r.n;
  return result;
}

/**
 * Removes the bodies (text, HTML, attachments) of messages delivered more than `retentionDays` ago:
 * they carry manage links, QR codes and personal details that the outbox need not keep once the
 * recipient has them. Who, when and what subject stay for the record. Idempotent; several instances
 * may run it at once (each row is taken by one of them, the others skip it). Returns how many it removed.
 */
export async function redactDeliveredMessages(retentionDays: number, now?: Date, batch = 500): Promise<number> {
  const cutoff = now ? new Date(now.getTime() - retentionDays * 86_400_000) : sql`now() - ${`${retentionDays} days`}::interval`;
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, "sent"), isNull(outbox.redactedAt), lt(outbox.sentAt, cutoff)))
        .limit(batch)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      await tx
        .update(outbox)
        .set({ text: REDACTED_TEXT, html: null, attachments: [], redactedAt: now ?? sql`now()` })
        .where(inArray(outbox.id, due.map((d) => d.id)));
      return due.length;
    });
    total += done;
    if (done < batch) return total;
  }
}
