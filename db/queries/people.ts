import "server-only";
import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { profileRevisions } from "@/db/schema";

export async function countPendingRevisions(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(profileRevisions).where(eq(profileRevisions.status, "pending"));
  return row?.n ?? 0;
}
