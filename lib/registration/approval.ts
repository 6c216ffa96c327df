import "server-only";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { lockEvent, updateEventRow } from "@/db/queries/events";
import { enqueueEmail } from "@/db/queries/outbox";
import { approveRow, countPending, declineRow, registrationsOfEvent, seatCounts } from "@/db/queries/registration-decisions";
import type { Registration } from "@/db/schema";
import { deferredCalendar, seatAttachments } from "@/lib/email/attachments";
import { approvedEmail, approvedWaitlistedEmail, declinedEmail, type EmailEvent } from "@/lib/email/registration-emails";
import { kickOutbox } from "@/lib/email/sender";
import { emailEvent, type RegistrationContext, registrationContext, type StaffActor } from "./context";
import { addManageLink } from "./seats";

// Events that require approval: the public's registrations wait ("pending", holding no seat) until
// staff approve or decline them. Approving gives a seat or a place on the waitlist in one transaction
// that holds the event's row lock, as every change to seats does (seats.ts), so that approvals,
// registrations and cancellations running at once take turns and never seat more than the capacity.

export type Decision = "approve" | "decline";

export type DecisionInput = {
  eventId: string;
  /** The registrations decided on; ids of another event's registrations are ignored. */
  ids: string[];
  decision: Decision;
  /** The staff's own words, put in each email; null for none. */
  note: string | null;
};

export type DecisionResult =
  | {
      outcome: "decided";
      /** Approved with a seat. */
      seated: Registration[];
      /** Approved onto the waitlist (every seat was taken). */
      waitlisted: Registration[];
      declined: Registration[];
      /** Decided already as asked (approved, or declined): nothing done, nobody emailed again. */
      unchanged: Registration[];
      /** Not open to this decision: cancelled, or (to decline) approved already. */
      skipped: Registration[];
    }
  | { outcome: "refused"; reason: "missing" | "event_cancelled" | "past" };

/**
 * Approves or declines registrations of one event, each emailed once with the staff's message. Approval
 * goes in the order people registered: seats while there are any, then the end of the waitlist. A
 * registration already decided as asked is left alone, so repeating a decision (two staff, a second
 * click) emails nobody twice.
 */
export async function decideRegistrations(input: DecisionInput, actor: StaffActor, context?: RegistrationContext): Promise<DecisionResult> {
  const ctx = context ?? (await registrationContext());
  let emailed = false;
  const result = await db.transaction(async (tx): Promise<DecisionResult> => {
    const event = await lockEvent(input.eventId, tx);
    if (!event) return { outcome: "refused", reason: "missing" };
    if (event.status === "cancelled") return { outcome: "refused", reason: "event_cancelled" };
    if (event.endsAt <= ctx.now) return { outcome: "refused", reason: "past" };
    // Read under the lock: what every decision and cancellation before this one left.
    const rows = await registrationsOfEvent(event.id, [...new Set(input.ids)], tx);
    if (rows.length === 0) return { outcome: "refused", reason: "missing" };

    const out = { seated: [] as Registration[], waitlisted: [] as Registration[], declined: [] as Registration[], unchanged: [] as Registration[], skipped: [] as Registration[] };
    let source: EmailEvent | undefined;
    const details = async () => (source ??= await emailEvent(event.id, tx));
    const audit = (before: Registration, after: Registration) =>
      writeAudit(
        {
          actorId: actor.userId,
          client: actor.client,
          action: input.decision === "approve" ? "registration.approve" : "registration.decline",
          entityType: "registration",
          entityId: after.id,
          changes: { eventId: event.id, status: [before.status, after.status], ...(input.note ? { message: input.note } : {}) },
        },
        tx,
      );

    if (input.decision === "approve") {
      const counts = await seatCounts(event.id, tx);
      for (const before of rows) {
        if (before.status === "confirmed" || before.status === "waitlisted") {
          out.unchanged.push(before);
          continue;
        }
        if (before.status === "cancelled") {
          out.skipped.push(before);
          continue;
        }
        const seat = event.capacity == null || counts.confirmed < event.capacity;
        const after = await approveRow(before.id, seat ? "confirmed" : "waitlisted", tx);
        if (!after) {
          out.skipped.push(before);
          continue;
        }
        // Only hashes of the links are kept: the approval's email carries a new one.
        const { link } = await addManageLink(after.id, ctx, tx, after.language);
        const about = await details();
        const to = { name: after.name, email: after.email, language: after.language };
        if (seat) {
          counts.confirmed++;
          out.seated.push(after);
          await enqueueEmail(
            approvedEmail({ to, event: about, ctx, manageUrl: link, checkInCode: after.checkInCode, attachments: seatAttachments(about, after.checkInCode), note: input.note }),
            tx,
          );
        } else {
          // The last on the waitlist: its time is the clock's now, after every other's.
          counts.waitlisted++;
          out.waitlisted.push(after);
          await enqueueEmail(
            approvedWaitlistedEmail({ to, event: about, ctx, manageUrl: link, position: counts.waitlisted, attachments: [deferredCalendar(about)], note: input.note }),
            tx,
          );
        }
        emailed = true;
        await audit(before, after);
      }
    } else {
      for (const before of rows) {
        if (before.status === "declined") {
          out.unchanged.push(before);
          continue;
        }
        const after = before.status === "pending" ? await declineRow(before.id, tx) : undefined;
        if (!after) {
          out.skipped.push(before);
          continue;
        }
        out.declined.push(after);
        await enqueueEmail(declinedEmail({ to: { name: after.name, email: after.email, language: after.language }, event: await details(), ctx, note: input.note }), tx);
        emailed = true;
        await audit(before, after);
      }
    }
    return { outcome: "decided", ...out };
  });
  if (emailed) kickOutbox();
  return result;
}

export type ApprovalModeResult =
  | { outcome: "changed" | "unchanged"; requiresApproval: boolean; pending: number }
  | { outcome: "refused"; reason: "missing" };

/**
 * Sets whether an event's registrations require approval. Registrations awaiting approval stay as they
 * are when it is turned off: staff still approve or decline them. The change moves the event's
 * updated_at, which sends a registration that read the old mode back to read it again (seats.ts).
 */
export async function changeApprovalMode(eventId: string, requiresApproval: boolean, actor: StaffActor): Promise<ApprovalModeResult> {
  return db.transaction(async (tx): Promise<ApprovalModeResult> => {
    const event = await lockEvent(eventId, tx);
    if (!event) return { outcome: "refused", reason: "missing" };
    const pending = await countPending(eventId, tx);
    if (event.requiresApproval === requiresApproval) return { outcome: "unchanged", requiresApproval, pending };
    await updateEventRow(eventId, { requiresApproval }, tx);
    await writeAudit(
      {
        actorId: actor.userId,
        client: actor.client,
        action: "event.approval_mode",
        entityType: "event",
        entityId: eventId,
        changes: { requiresApproval: [event.requiresApproval, requiresApproval], pending },
      },
      tx,
    );
    return { outcome: "changed", requiresApproval, pending };
  });
}
