import "server-only";
import { db, type Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getEvent, lockEvent } from "@/db/queries/events";
import { getRegistration, getRegistrationByTokenHash } from "@/db/queries/registrations";
import type { Event, Registration } from "@/db/schema";
import { type Actor, type RegistrationContext, registrationContext } from "./context";
import { anonymizeRegistration } from "./retention";
import { cancelRegistration } from "./seats";

// "Delete my registration data", from the manage link: a registration that still holds or awaits a
// place is cancelled first, as "Cancel my registration" cancels it (the seat goes to the waitlist),
// then its personal data is removed (lib/registration/retention.ts), in the same transaction.

export type EraseResult =
  | { outcome: "erased"; registrationId: string; eventId: string; cancelled: boolean; promoted: number }
  | { outcome: "missing" };

// Nobody's network address goes into the log: not the person's, who is removing their traces, nor
// (through them) into the promotions their cancellation writes for others.
const anonymous: Actor = { kind: "public", client: null };

/** Whether the person could cancel it themselves now: it holds or awaits a place in an event still to come. */
function holdsPlace(r: Registration, event: Pick<Event, "status" | "endsAt">, now: Date): boolean {
  return (r.status === "confirmed" || r.status === "waitlisted" || r.status === "pending") && !r.checkedInAt && event.status !== "cancelled" && event.endsAt > now;
}

/** Removes the data and writes the audit row, which names the registration and nothing of the person. */
async function eraseIn(tx: Transaction, r: Pick<Registration, "id" | "eventId">, cancelled: boolean, now: Date): Promise<void> {
  const done = await anonymizeRegistration(tx, r.id, now);
  await writeAudit(
    { actorId: null, client: null, action: "registration.erase_self", entityType: "registration", entityId: r.id, changes: { eventId: r.eventId, cancelled, messages: done.messages } },
    tx,
  );
}

/**
 * Deletes the personal data of the registration a manage link names. An upcoming registration is
 * cancelled first (seat freed, waitlist promoted, no cancellation email); a past, cancelled or
 * checked-in one is anonymized as it is. Afterwards no link to it works: "missing" from then on.
 */
export async function eraseOwnRegistration(tokenHash: string, context?: RegistrationContext): Promise<EraseResult> {
  const ctx = context ?? (await registrationContext());
  // Each pass settles unless a check-in, a cancellation or a new end time lands between its two steps.
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await getRegistrationByTokenHash(tokenHash);
    const event = row && (await getEvent(row.eventId));
    if (!row || !event || row.anonymizedAt) return { outcome: "missing" };

    if (holdsPlace(row, event, ctx.now)) {
      const result = await cancelRegistration({ tokenHash }, anonymous, ctx, {
        notify: false,
        within: (tx, cancelled) => eraseIn(tx, cancelled, true, ctx.now),
      });
      if (result.outcome === "cancelled") {
        return { outcome: "erased", registrationId: row.id, eventId: row.eventId, cancelled: true, promoted: result.promoted.length };
      }
      if (result.reason === "missing") return { outcome: "missing" };
      // Refused: it was checked in, cancelled or the event ended meanwhile. Then it is only anonymized.
    }

    const erased = await db.transaction(async (tx): Promise<"erased" | "missing" | "again"> => {
      // The event's lock orders this after any cancellation, check-in or promotion of its registrations.
      const event = await lockEvent(row.eventId, tx);
      const current = await getRegistration(row.id, tx);
      if (!event || !current || current.anonymizedAt) return "missing";
      if (holdsPlace(current, event, ctx.now)) return "again";
      await eraseIn(tx, current, false, ctx.now);
      return "erased";
    });
    if (erased === "missing") return { outcome: "missing" };
    if (erased === "erased") return { outcome: "erased", registrationId: row.id, eventId: row.eventId, cancelled: false, promoted: 0 };
  }
  throw new Error("The registration kept changing while its data was being deleted");
}
