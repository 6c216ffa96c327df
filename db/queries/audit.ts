import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { RequestInfo } from "@/lib/request-info";
import { paged } from "./util";

/** Where a change came from: the client's full address and agent, as the request gave them; null outside a request. */
export type AuditClient = Pick<RequestInfo, "address" | "userAgent">;

export type AuditInput = {
  actorId: string | null;
  client: AuditClient | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
};

/** Writes one audit row, in the caller's transaction when one is given. */
export async function writeAudit(input: AuditInput, executor: Executor = db): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    changes: input.changes ?? null,
    // The full address for the record; rate limits count IPv6 clients by /64, the log does not.
    ip: input.client?.address ?? null,
    userAgent: input.client?.userAgent ?? null,
  });
}

export type AuditFilter = { entityType?: string; entityId?: string; page: number; pageSize: number };

/** Audit entries newest first, one page of them, with the acting account's email when it still exists. */
export async function listAudit(filter: AuditFilter) {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  const condition = where.length ? and(...where) : undefined;
  return paged(
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        changes: auditLog.changes,
        ip: auditLog.ip,
        createdAt: auditLog.createdAt,
        actorId: auditLog.actorId,
        actorEmail: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(condition)
      // Rows written in one transaction share a timestamp; the id keeps pages from overlapping.
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .$dynamic(),
    db.select({ n: count() }).from(auditLog).where(condition),
    filter.page,
    filter.pageSize,
  );
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** The record types that occur in the log, for the filter's choices. */
export async function listAuditEntityTypes(): Promise<string[]> {
  const rows = await db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType));
  return rows.map((r) => r.entityType);
}
