"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { fail, invalidFields } from "@/lib/errors";
import { changeApprovalMode, type DecisionResult, decideRegistrations } from "@/lib/registration/approval";
import { cancelRegistration, changeCapacity, registerForEvent } from "@/lib/registration/seats";
import { idSchema } from "@/lib/validations/common";
import { approvalModeSchema, capacitySchema, registrationDecisionSchema, staffRegistrationSchema } from "@/lib/validations/registration";
import { publicChanged } from "@/lib/public-cache";

function revalidateRegistrations(eventId: string) {
  revalidatePath(`/admin/events/${eventId}`, "layout");
  revalidatePath("/admin");
  // The public page shows how many seats remain: at once for staff changes, which are few.
  publicChanged({ kind: "seats", id: eventId });
}

const REFUSED_ADD = {
  missing: "This event no longer exists.",
  draft: "Schedule the event before adding registrations: a draft has no public page to send people to.",
  cancelled: "This event is cancelled, so nobody can be added to it.",
} as const;

/** Staff register someone by hand (a phone call, a walk-in): the same seats and waitlist, no rate limit, consent recorded as given to staff. */
export const addRegistration = action({ role: "staff", schema: staffRegistrationSchema }, async ({ user, input: v, client }) => {
  const result = await registerForEvent(
    { eventId: v.eventId, name: v.name, email: v.email, organization: v.organization, category: v.category, idempotencyKey: v.idempotencyKey ?? null },
    { kind: "staff", userId: user.id, client },
  );
  switch (result.outcome) {
    case "refused":
      if (result.reason === "category") return invalidFields({ category: ["Choose a category from the list."] });
      return fail(result.reason in REFUSED_ADD ? REFUSED_ADD[result.reason as keyof typeof REFUSED_ADD] : REFUSED_ADD.missing);
    case "already_registered": {
      const status = ALREADY[result.registration.status];
      return invalidFields({ email: [`${result.registration.name} is already registered with this address (${status}).`] });
    }
    case "repeat":
    case "created": {
      revalidateRegistrations(v.eventId);
      const { name, status } = result.registration;
      const confirmed = status === "confirmed";
      return {
        ok: true,
        data: { status: confirmed ? ("confirmed" as const) : ("waitlisted" as const) },
        message: confirmed ? `${name} is registered, with a seat, and has been emailed.` : `Every seat is taken: ${name} joins the waitlist and has been emailed.`,
      };
    }
  }
});

const ALREADY = {
  confirmed: "confirmed",
  waitlisted: "on the waitlist",
  pending: "awaiting approval: approve it in the list",
  declined: "declined: approve it in the list to let them come",
  cancelled: "cancelled",
} as const;

const REFUSED_CANCEL = {
  missing: "This registration no longer exists.",
  already_cancelled: "This registration was already cancelled.",
  checked_in: "This person has been checked in. Undo the check-in first if the registration must be cancelled.",
  event_cancelled: "The event is cancelled.",
  past: "The event has taken place.",
  declined: "This registration was declined; it stays so, so that the address cannot register again.",
} as const;

/** Cancels a registration; its seat goes to the waitlist in the same step. */
export const cancelRegistrationAsStaff = action({ role: "staff", schema: idSchema }, async ({ user, input: { id }, client }) => {
  const result = await cancelRegistration({ id }, { kind: "staff", userId: user.id, client });
  if (result.outcome === "refused") return fail(REFUSED_CANCEL[result.reason]);
  revalidateRegistrations(result.registration.eventId);
  const n = result.promoted.length;
  const promoted = n > 0 ? ` ${n === 1 ? `${result.promoted[0]!.name} moves` : `${n} people move`} from the waitlist to a seat.` : "";
  return { ok: true, data: undefined, message: `Registration of ${result.registration.name} cancelled; they have been emailed.${promoted}` };
});

/** Sets the number of seats; more seats go to the waitlist at once. */
export const setCapacity = action({ role: "staff", schema: capacitySchema }, async ({ user, input: { eventId, capacity }, client }) => {
  const result = await changeCapacity(eventId, capacity, { kind: "staff", userId: user.id, client });
  if (result.outcome === "refused") {
    if (result.reason === "missing") return fail("This event no longer exists.");
    const n = result.confirmed;
    return invalidFields({
      capacity: [`${n} ${n === 1 ? "person is" : "people are"} already confirmed. Capacity cannot be lower than that; cancel registrations first.`],
    });
  }
  if (result.outcome === "unchanged") return { ok: true, data: undefined, message: "No changes to save." };
  revalidateRegistrations(eventId);
  const n = result.promoted.length;
  return {
    ok: true,
    data: undefined,
    message: n > 0 ? `Capacity saved. ${n} ${n === 1 ? "person moves" : "people move"} from the waitlist to a seat and ${n === 1 ? "has" : "have"} been emailed.` : "Capacity saved.",
  };
});

const REFUSED_DECISION = {
  missing: "These registrations no longer exist. Reload the page to see the list as it is now.",
  event_cancelled: "The event is cancelled, so its registrations can no longer be approved or declined.",
  past: "The event has taken place, so its registrations can no longer be approved or declined.",
} as const;

type Decided = Extract<DecisionResult, { outcome: "decided" }>;

/** "Vera Visitor" for one person, "3 people" for more. */
const who = (rows: { name: string }[]) => (rows.length === 1 ? rows[0]!.name : `${rows.length} people`);

/** What a decision did, in one or two sentences: who got a seat, who waits, who was declined, what stayed. */
function decisionMessage(result: Decided, decision: "approve" | "decline"): string {
  const done: string[] = [];
  if (result.seated.length > 0) done.push(`${who(result.seated)} approved, with a seat`);
  if (result.waitlisted.length > 0) done.push(`${who(result.waitlisted)} approved onto the waitlist, as every seat is taken`);
  if (result.declined.length > 0) done.push(`${who(result.declined)} declined`);
  const changed = result.seated.length + result.waitlisted.length + result.declined.length;
  const sentences = done.length > 0 ? [`${done.join("; ")}. ${changed === 1 ? "They have" : "Each has"} been emailed.`] : [];
  if (result.unchanged.length > 0) {
    const n = result.unchanged.length;
    sentences.push(`${who(result.unchanged)} ${n === 1 ? "was" : "were"} ${decision === "approve" ? "approved" : "declined"} already; nobody was emailed again.`);
  }
  if (result.skipped.length > 0) {
    const n = result.skipped.length;
    const why = decision === "approve" ? "a cancelled registration cannot be approved" : "only a registration awaiting approval can be declined";
    sentences.push(`${who(result.skipped)} left as ${n === 1 ? "it was" : "they were"}: ${why}.`);
  }
  return sentences.join(" ");
}

/**
 * Approves or declines registrations awaiting approval, one or many at once, with an optional message
 * in each email. Approval seats people while seats remain, then puts them on the waitlist.
 */
export const decideRegistrationsAsStaff = action({ role: "staff", schema: registrationDecisionSchema }, async ({ user, input, client }) => {
  const result = await decideRegistrations(
    { eventId: input.eventId, ids: input.ids, decision: input.decision, note: input.message },
    { kind: "staff", userId: user.id, client },
  );
  if (result.outcome === "refused") return fail(REFUSED_DECISION[result.reason]);
  if (result.seated.length + result.waitlisted.length + result.declined.length > 0) revalidateRegistrations(input.eventId);
  return { ok: true, data: undefined, message: decisionMessage(result, input.decision) };
});

/**
 * Whether registrations require approval. Turning it off leaves the registrations awaiting approval as
 * they are, for staff to decide; new ones get a seat or a place on the waitlist at once again.
 */
export const setApprovalMode = action({ role: "staff", schema: approvalModeSchema }, async ({ user, input: { eventId, mode }, client }) => {
  const result = await changeApprovalMode(eventId, mode === "approval", { kind: "staff", userId: user.id, client });
  if (result.outcome === "refused") return fail("This event no longer exists.");
  if (result.outcome === "unchanged") return { ok: true, data: undefined, message: "No changes to save." };
  revalidateRegistrations(eventId);
  const n = result.pending;
  const waiting = n > 0 ? ` ${n} ${n === 1 ? "registration awaits" : "registrations await"} approval and ${n === 1 ? "stays" : "stay"} so until you approve or decline ${n === 1 ? "it" : "them"}.` : "";
  return {
    ok: true,
    data: undefined,
    message: result.requiresApproval
      ? "Saved. New registrations now wait for your approval and hold no seat until then; the event's page says that registrations are reviewed."
      : `Saved. New registrations get a seat, or a place on the waitlist, at once.${waiting}`,
  };
});
