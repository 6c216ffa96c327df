import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { type Executor } from "@/db";
import { type Registration, type RegistrationStatus, registrations } from "@/db/schema";
import { clock } from "./registrations";

// The staff's decisions on an event that requires approval, under the event's lock
// (lib/registration/approval.ts).

/** The registrations of one event among `ids`, first registered first: the order approval seats them in. */
export async function registrationsOfEvent(eventId: string, ids: string[], executor: Executor): Promise<Registration[]> {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.id, ids)))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
}

/** Seats taken and people waiting, in one statement. */
export async function seatCounts(eventId: string, executor: Executor): Promise<{ confirmed: number; waitlisted: number }> {
  const counted = (status: RegistrationStatus) => sql<number>`count(*) filter (where ${registrations.status} = ${status})`.mapWith(Number);
  const [row] = await executor
    .select({ confirmed: counted("confirmed"), waitlisted: counted("waitlisted") })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  return row ?? { confirmed: 0, waitlisted: 0 };
}

export async function countPending(eventId: string, executor: Executor): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "pending")));
  return row?.n ?? 0;
}

/**
 * Approves a registration awaiting approval (or one declined before): a seat, or the end of the
 * waitlist. The clock orders the waitlist, as for every registration. Undefined when it was neither
 * pending nor declined.
 */
export async function approveRow(id: string, to: "confirmed" | "waitlisted", executor: Executor): Promise<Registration | undefined> {
  const [row] = await executor
    .update(registrations)
    .set({
      status: to,
      confirmedAt: to === "confirmed" ? clock : null,
      waitlistedAt: to === "waitlisted" ? clock : null,
      declinedAt: null,
    })
    .where(and(eq(registrations.id, id), inArray(registrations.status, ["pending", "declined"])))
    .returning();
  return row;
}

/** Declines a registration awaiting approval; undefined when it was not pending. */
export async function declineRow(id: string, executor: Executor): Promise<Registration | undefined> {
  const [row] = await executor
    .update(registrations)
    .set({ status: "declined", declinedAt: clock })
    .where(and(eq(registrations.id, id), eq(registrations.status, "pending")))
    .returning();
  return row;
}
