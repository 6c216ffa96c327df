"use server";

import { revalidatePath } from "next/cache";
import { db, type Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getUserById, insertUser, setUserDisabled, updateUserRole, lockActiveAdmins } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { action } from "@/lib/action";
import { hashPassword } from "@/lib/auth/password";
import { type ActionResult, fail } from "@/lib/errors";
import { changeRoleSchema, createUserSchema, setDisabledSchema } from "@/lib/validations/user";

const LAST_ADMIN = "This is the last active admin. Make someone else an admin first.";

export const createUser = action(
  { role: "admin", schema: createUserSchema, conflicts: { unique: { email: ["An account with this email already exists."] } } },
  async ({ user: me, input, client }) => {
    const { email, name, role, password } = input;
    const passwordHash = password ? await hashPassword(password) : null;
    const id = await db.transaction(async (tx) => {
      const user = await insertUser({ email, name, role, passwordHash }, tx);
      await writeAudit(
        { actorId: me.id, client, action: "user.create", entityType: "user", entityId: user.id, changes: { email, name, role, password: passwordHash ? "set" : "none" } },
        tx,
      );
      return user.id;
    });
    revalidatePath("/admin/users");
    return { ok: true, data: { id }, message: `Created an account for ${email}.` };
  },
);

/**
 * A change to another account, made while the caller is still an admin: changes to admins take turns,
 * and each sees the one before it (see lockActiveAdmins). `change` refuses with a sentence, or makes it.
 */
async function changeAccount(
  meId: string,
  userId: string,
  change: (target: User, admins: string[], tx: Transaction) => Promise<string | null>,
): Promise<ActionResult> {
  const result = await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    if (!admins.includes(meId)) return fail("Your account is no longer an admin: another admin changed it a moment ago.");
    const target = await getUserById(userId, tx);
    if (!target) return fail("That account no longer exists.");
    const refused = await change(target, admins, tx);
    return refused ? fail(refused) : { ok: true as const, data: undefined };
  });
  revalidatePath("/admin/users");
  return result;
}

export const changeUserRole = action({ role: "admin", schema: changeRoleSchema }, async ({ user: me, input: { userId, role }, client }) =>
  changeAccount(me.id, userId, async (target, admins, tx) => {
    if (target.role === role) return null;
    if (role !== "admin" && admins.includes(userId) && admins.length <= 1) return LAST_ADMIN;
    await updateUserRole(userId, role, tx);
    await writeAudit({ actorId: me.id, client, action: "user.role", entityType: "user", entityId: userId, changes: { role: [target.role, role] } }, tx);
    return null;
  }),
);

export const setUserDisabledAction = action({ role: "admin", schema: setDisabledSchema }, async ({ user: me, input: { userId, disabled }, client }) => {
  if (userId === me.id && disabled) return fail("You cannot disable your own account.");
  return changeAccount(me.id, userId, async (_target, admins, tx) => {
    if (disabled && admins.includes(userId) && admins.length <= 1) return LAST_ADMIN;
    await setUserDisabled(userId, disabled, tx);
    await writeAudit({ actorId: me.id, client, action: disabled ? "user.disable" : "user.enable", entityType: "user", entityId: userId }, tx);
    return null;
  });
});
