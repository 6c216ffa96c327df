"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { getUserById, insertUser, setUserDisabled, updateUserRole, lockActiveAdmins } from "@/db/queries/users";
import { requireRole } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { type ActionResult, fail, invalid, isUniqueViolation } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { changeRoleSchema, createUserSchema, setDisabledSchema } from "@/lib/validations/user";

const NO_LONGER_ADMIN = "Your account is no longer an admin: another admin changed it a moment ago.";

export async function createUser(input: unknown): Promise<ActionResult<{ id: string }>> {
  const me = await requireRole("admin");
  const client = await requestInfo();
  const parsed = createUserSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { email, name, role, password } = parsed.data;
  const passwordHash = password ? await hashPassword(password) : null;
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const user = await insertUser({ email, name, role, passwordHash }, tx);
      await writeAudit(
        { actorId: me.id, client, action: "user.create", entityType: "user", entityId: user.id, changes: { email, name, role, password: passwordHash ? "set" : "none" } },
        tx,
      );
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("Some fields need attention.", { email: ["An account with this email already exists."] });
    throw error;
  }
  revalidatePath("/admin/users");
  return { ok: true, data: { id }, message: `Created an account for ${email}.` };
}

export async function changeUserRole(input: unknown): Promise<ActionResult> {
  const me = await requireRole("admin");
  const client = await requestInfo();
  const parsed = changeRoleSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { userId, role } = parsed.data;
  const result = await db.transaction(async (tx) => {
    // Taken first: changes to admins take turns, and each sees the one before it (see lockActiveAdmins).
    const admins = await lockActiveAdmins(tx);
    if (!admins.includes(me.id)) return fail(NO_LONGER_ADMIN);
    const target = await getUserById(userId, tx);
    if (!target) return fail("That account no longer exists.");
    if (target.role === role) return { ok: true as const, data: undefined };
    if (role !== "admin" && admins.includes(userId) && admins.length <= 1) {
      return fail("This is the last active admin. Make someone else an admin first.");
    }
    await updateUserRole(userId, role, tx);
    await writeAudit({ actorId: me.id, client, action: "user.role", entityType: "user", entityId: userId, changes: { role: [target.role, role] } }, tx);
    return { ok: true as const, data: undefined };
  });
  revalidatePath("/admin/users");
  return result;
}

export async function setUserDisabledAction(input: unknown): Promise<ActionResult> {
  const me = await requireRole("admin");
  const client = await requestInfo();
  const parsed = setDisabledSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const { userId, disabled } = parsed.data;
  if (userId === me.id && disabled) return fail("You cannot disable your own account.");
  const result = await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    if (!admins.includes(me.id)) return fail(NO_LONGER_ADMIN);
    const target = await getUserById(userId, tx);
    if (!target) return fail("That account no longer exists.");
    if (disabled && admins.includes(userId) && admins.length <= 1) {
      return fail("This is the last active admin. Make someone else an admin first.");
    }
    await setUserDisabled(userId, disabled, tx);
    await writeAudit({ actorId: me.id, client, action: disabled ? "user.disable" : "user.enable", entityType: "user", entityId: userId }, tx);
    return { ok: true as const, data: undefined };
  });
  revalidatePath("/admin/users");
  return result;
}
