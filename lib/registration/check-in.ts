import "server-only";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { clearCheckedIn, countCheckedIn, markCheckedIn } from "@/db/queries/check-in";
import { getRegistration } from "@/db/queries/registrations";
import type { StaffActor } from "./context";

export type CheckInResult =
  | { outcome: "changed" | "unchanged"; eventId: string; checkedIn: number }
  | { outcome: "refused"; reason: "missing" | "not_confirmed" };

/** Checks a confirmed registration in at the door, or undoes it. Repeating either is harmless (two tablets, one guest). */
export async function setCheckedIn(registrationId: string, checkedIn: boolean, actor: StaffActor): Promise<CheckInResult> {
  return db.transaction(async (tx): Promise<CheckInResult> => {
    const before = await getRegistration(registrationId, tx);
    if (!before) return { outcome: "refused", reason: "missing" };
    const changed = checkedIn ? await markCheckedIn(registrationId, tx) : await clearCheckedIn(registrationId, tx);
    if (!changed) {
      const now = await getRegistration(registrationId, tx);
      if (checkedIn && now?.status !== "confirmed") return { outcome: "refused", reason: "not_confirmed" };
      return { outcome: "unchanged", eventId: before.eventId, checkedIn: await countCheckedIn(before.eventId, tx) };
    }
    await writeAudit(
      {
        actorId: actor.userId,
        client: actor.client,
        action: checkedIn ? "registration.check_in" : "registration.undo_check_in",
        entityType: "registration",
        entityId: registrationId,
        changes: { eventId: before.eventId, checkedInAt: [before.checkedInAt, changed.checkedInAt] },
      },
      tx,
    );
    return { outcome: "changed", eventId: before.eventId, checkedIn: await countCheckedIn(before.eventId, tx) };
  });
}
