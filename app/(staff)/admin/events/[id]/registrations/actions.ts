"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { fail, invalidFields } from "@/lib/errors";
import { cancelRegistration, changeCapacity, registerForEvent } from "@/lib/registration/seats";
import { idSchema } from "@/lib/validations/common";
import { capacitySchema, staffRegistrationSchema } from "@/lib/validations/registration";
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
      const status = result.registration.status === "confirmed" ? "confirmed" : "on the waitlist";
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

const REFUSED_CANCEL = {
  missing: "This registration no longer exists.",
  already_cancelled: "This registration was already cancelled.",
  checked_in: "This person has been checked in. Undo the check-in first if the registration must be cancelled.",
  event_cancelled: "The event is cancelled.",
  past: "The event has taken place.",
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
