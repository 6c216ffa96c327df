import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { emailUnsubscribes } from "@/db/schema";

// Addresses that asked for no more emails after events (email_unsubscribes).

export async function isUnsubscribed(emailNormalized: string, executor: Executor = db): Promise<boolean> {
  const [row] = await executor.select({ at: emailUnsubscribes.createdAt }).from(emailUnsubscribes).where(eq(emailUnsubscribes.emailNormalized, emailNormalized));
  return Boolean(row);
}

/** Records the request; true when it is new, false when the address had asked already. Idempotent. */
export async function addUnsubscribe(emailNormalized: string, executor: Executor = db): Promise<boolean> {
  const rows = await executor.insert(emailUnsubscribes).values({ emailNormalized }).onConflictDoNothing().returning({ email: emailUnsubscribes.emailNormalized });
  return rows.length > 0;
}
