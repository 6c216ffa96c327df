import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { auditLog, users } from "@/db/schema";
import { requestInfo } from "@/lib/request-info";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
};

/** Writes one audit row, in the caller's transaction when one is given. */
export async function writeAudit(input: AuditInput, executor: Executor = db): Promise<void> {
  const { ip, userAgent } = await requestInfo();
  await executor.insert(auditLog).values({
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    changes: input.changes ?? null,
    ip,
    userAgent,
  });
}

export async function listAudit(filter: { entityType?: string; entityId?: string; page: number; pageSize: number }) {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        changes: auditLog.changes,
        ip: auditLog.ip,
        createdAt: auditLog.createdAt,
        actorEmail: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(condition)
      .orderBy(desc(auditLog.createdAt))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return { rows, total: total?.n ?? 0 };
}
