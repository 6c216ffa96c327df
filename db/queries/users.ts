import "server-only";
import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, type Role, type User, users } from "@/db/schema";
import { containsPattern, paged } from "./util";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function getUserById(id: string, executor: Executor = db): Promise<User | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await executor.select().from(users).where(eq(users.id, id));
  return row;
}

/** An account that may sign in: exists and is not disabled. */
export async function getActiveUserByEmail(email: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, normalizeEmail(email)), isNull(users.disabledAt)));
  return row;
}

export async function recordSignIn(id: string): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}

export type UserListFilter = { q?: string; page: number; pageSize: number };

export async function listUsers(filter: UserListFilter) {
  const where: SQL[] = [];
  const q = filter.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    where.push(or(ilike(users.email, pattern), ilike(users.name, pattern))!);
  }
  const condition = where.length ? and(...where) : undefined;
  return paged(
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabledAt: users.disabledAt,
        lastSignInAt: users.lastSignInAt,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        personSlug: people.slug,
      })
      .from(users)
      .leftJoin(people, eq(people.userId, users.id))
      .where(condition)
      .orderBy(asc(users.email))
      .$dynamic(),
    db.select({ n: count() }).from(users).where(condition),
    filter.page,
    filter.pageSize,
  );
}

export async function insertUser(
  values: { email: string; name: string | null; role: Role; passwordHash: string | null },
  executor: Executor = db,
): Promise<User> {
  const [row] = await executor
    .insert(users)
    .values({ ...values, email: normalizeEmail(values.email) })
    .returning();
  return row!;
}

/** Changes a role. Sessions carry no role of their own: each request reads it from here. */
export async function updateUserRole(id: string, role: Role, executor: Executor = db) {
  const [row] = await executor
    .update(users)
    .set({ role })
    .where(eq(users.id, id))
    .returning({ id: users.id, role: users.role });
  return row;
}

export async function setUserDisabled(id: string, disabled: boolean, executor: Executor = db) {
  const [row] = await executor
    .update(users)
    .set({
      disabledAt: disabled ? new Date() : null,
      sessionVersion: sql`${users.sessionVersion} + 1`,
    })
    .where(eq(users.id, id))
    .returning({ id: users.id, disabledAt: users.disabledAt });
  return row;
}

/**
 * The active admins, locked until the transaction ends. Two admins demoting or disabling each other at
 * once would each count two admins and leave none; with the rows locked, the second waits for the
 * first, then counts again and sees one.
 */
export async function lockActiveAdmins(executor: Executor): Promise<string[]> {
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for("update");
  return rows.map((r) => r.id);
}

/**
 * Ends every session of the user that carries `version` (sign-out): the version moves on, so a copy
 * of the signed-out session cookie is refused from now on. A stale session's sign-out changes nothing.
 */
export async function endSessionVersion(id: string, version: number, executor: Executor = db): Promise<boolean> {
  const rows = await executor
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, id), eq(users.sessionVersion, version)))
    .returning({ id: users.id });
  return rows.length > 0;
}
