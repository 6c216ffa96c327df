import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getUserById } from "@/db/queries/users";
import type { Role, User } from "@/db/schema";
import { auth } from "./config";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role">;

const RANK: Record<Role, number> = { panelist: 1, staff: 2, admin: 3 };

/** Whether `role` includes the rights of `required` (admin ⊃ staff ⊃ panelist). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/**
 * The signed-in user, checked against the database on every request: a disabled account, a
 * revoked session or a changed role takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserById(id);
  if (!user || user.disabledAt || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(next?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  return user;
}

/**
 * The signed-in user holding `role`. Anyone else sees "not found", so that a page's existence is
 * not revealed to those who may not use it.
 */
export async function requireRole(role: Role, next?: string): Promise<CurrentUser> {
  const user = await requireUser(next);
  if (!hasRole(user.role, role)) notFound();
  return user;
}

export { auth, signIn, signOut } from "./config";
