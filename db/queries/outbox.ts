import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { outbox, type OutboxMessage } from "@/db/schema";
import { type EmailMessage, validateEmailMessage } from "@/lib/email/message";
import { REDACTED_TEXT } from "@/lib/email/visibility";

export const MAX_ATTEMPTS = 8;
// How long a claimed message stays reserved for one sender before another may retry it.
const LEASE_MS = 5 * 60_000;

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
 * Reserves up to `limit` due messages for this sender. SKIP LOCKED lets several senders share the
 * queue; the lease pushes the next attempt forward so a crashed sender's messages come back later.
 */
export async function claimDueMessages(limit: number, now?: Date): Promise<OutboxMessage[]> {
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
    return tx
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: now ? new Date(now.getTime() + LEASE_MS) : sql`now() + ${`${LEASE_MS} milliseconds`}::interval`,
      })
      .where(inArray(outbox.id, due.map((d) => d.id)))
      .returning();
  });
}

export async function markSent(id: string, now = new Date()): Promise<void> {
  await db.update(outbox).set({ status: "sent", sentAt: now, lastError: null }).where(eq(outbox.id, id));
}

/** Records a failed attempt: retried later with exponential backoff, or given up after MAX_ATTEMPTS. */
export async function markFailed(message: OutboxMessage, error: string, now = new Date()): Promise<void> {
  const giveUp = message.attempts >= MAX_ATTEMPTS;
  const delayMs = Math.min(60 * 60_000, 30_000 * 2 ** (message.attempts - 1));
  await db
    .update(outbox)
    .set({
      status: giveUp ? "failed" : "pending",
      lastError: error.slice(0, 1000),
      nextAttemptAt: new Date(now.getTime() + delayMs),
    })
    .where(eq(outbox.id, message.id));
}

/** Puts a failed message back in the queue for another round of attempts. */
export async function retryMessage(id: string): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date() })
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed")))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export type OutboxFilter = { status?: OutboxMessage["status"]; to?: string; page: number; pageSize: number };

export async function listOutbox(filter: OutboxFilter) {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(outbox.status, filter.status));
  if (filter.to) where.push(eq(outbox.to, filter.to.trim().toLowerCase()));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
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
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(outbox).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
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
