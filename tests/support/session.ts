import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";

export type TestSession = { user: { id: string }; sessionVersion: number; expires: string };

/**
 * Who the tests say is calling: the Auth.js session that `auth()` returns (see setup.ts). Everything
 * after it (loading the account, checking role and ownership) is the application's own code.
 */
// Kept on globalThis so that a test that resets its modules still shares it with the mock.
const store = globalThis as { symposiaTestSession?: { current: TestSession | null } };
export const session = (store.symposiaTestSession ??= { current: null });

/** Acts as the account with this email from now on; null acts as an anonymous visitor. */
export async function actAs(email: string | null): Promise<string | null> {
  if (!email) {
    session.current = null;
    return null;
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No account ${email} in the test database.`);
  session.current = { user: { id: user.id }, sessionVersion: user.sessionVersion, expires: new Date(Date.now() + 3600_000).toISOString() };
  return user.id;
}
