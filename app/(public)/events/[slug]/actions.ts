"use server";

import { revalidatePath } from "next/cache";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { findPublicEventBySlug } from "@/db/queries/registrations";
import { type ActionResult, ERRORS, fail, invalid } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { registerForEvent, type RegisterResult } from "@/lib/registration";
import { requestInfo } from "@/lib/request-info";
import { normalizeEmail, registrationSchema } from "@/lib/validations/registration";

/** The one answer for every registration that went through, whatever it found: no address enumeration. */
const CHECK_YOUR_EMAIL: ActionResult = {
  ok: true,
  data: undefined,
  message: "Thank you. Check your email: we have sent you a message about your registration.",
};

const CLOSED: Record<Extract<RegisterResult, { outcome: "refused" }>["reason"], string> = {
  missing: "We could not find this event. Reload the page and try again.",
  draft: "We could not find this event. Reload the page and try again.",
  cancelled: "This event has been cancelled, so registration is closed.",
  past: "This event has already taken place.",
  not_yet_open: "Registration for this event has not opened yet.",
  closed: "Registration for this event has closed.",
  category: "Choose a category from the list.",
};

/** Rate limits per address and per client: a rush of real people fits well inside them. */
function registrationRateLimits(email: string, ip: string | null) {
  const limits = [{ key: `register:email:${email}`, limit: 5, windowSeconds: 600 }];
  if (ip) limits.push({ key: `register:ip:${ip}`, limit: 10, windowSeconds: 600 });
  return limits;
}

/**
 * The public registration form. Its answer is the same for a new address, one already registered and
 * a form filled by a robot; the email that follows (or does not) says which it was.
 */
export async function register(input: unknown): Promise<ActionResult> {
  const parsed = registrationSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const { ip } = await requestInfo();
  if (!(await hitRateLimits(registrationRateLimits(normalizeEmail(v.email), ip)))) {
    return fail("Too many registrations from here in a short time. Please wait ten minutes and try again.");
  }
  // The honeypot: a robot filled the field people cannot see. It is told what a person would be.
  if (v.website.trim() !== "") return CHECK_YOUR_EMAIL;

  const event = await findPublicEventBySlug(v.slug);
  if (!event) return fail(CLOSED.missing);

  const result = await registerForEvent(
    { eventId: event.id, name: v.name, email: v.email, organization: v.organization, category: v.category, idempotencyKey: v.idempotencyKey },
    { kind: "public" },
  );
  if (result.outcome === "refused") {
    return result.reason === "category" ? fail(ERRORS.invalid_input.message, { category: [CLOSED.category] }) : fail(CLOSED[result.reason]);
  }
  revalidatePath(`/events/${event.slug}`);
  return CHECK_YOUR_EMAIL;
}
