import "server-only";
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { type Registration, registrations } from "@/db/schema";
import { clock } from "./registrations";

// Arrivals at the door: a confirmed registration checked in, or the check-in undone.

/** Marks a confirmed registration as arrived; undefined when it was not confirmed or already checked in. */
export async function markCheckedIn(id: string, executor: Executor): Promise<Registration | undefined> {
  const [row] = await executor
    .update(registrations)
    .set({ checkedInAt: clock })
    .where(and(eq(registrations.id, id), eq(registrations.status, "confirmed"), sql`${registrations.checkedInAt} is null`))
    .returning();
  return row;
}

export async function clearCheckedIn(id: string, executor: Executor): Promise<Registration | undefined> {
  const [row] = await executor
    .update(registrations)
    .set({ checkedInAt: null })
    .where(and(eq(registrations.id, id), isNotNull(registrations.checkedInAt)))
    .returning();
  return row;
}

/** The event's attendance: confirmed registrations checked in at the door. */
export async function countCheckedIn(eventId: string, executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed"), isNotNull(registrations.checkedInAt)));
  return row?.n ?? 0;
}
