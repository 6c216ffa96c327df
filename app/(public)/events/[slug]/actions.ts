"use server";

// Outside lib/action's wrapper: the caller is anonymous (no session, no role), limited per client address instead.

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { findPublicEventBySlug } from "@/db/queries/public-registrations";
import { ERRORS } from "@/lib/errors";
import { registrationAvailabilityChanged } from "@/lib/public-cache";
import { formInput } from "@/lib/form-input";
import { registrationContext } from "@/lib/registration/context";
import { registrationRateLimits } from "@/lib/registration/rate-limits";
import { registerForEvent, type RegisterResult } from "@/lib/registration/seats";
import { requestInfo } from "@/lib/request-info";
import { CATEGORY_MESSAGE, registrationSchemaFor } from "@/lib/validations/registration";

/** What the person typed, handed back so that a form that comes back with errors keeps all of it. */
export type RegistrationFormValues = { name: string; email: string; organization: string; category: string; consent: boolean };

/** The registration form's state between submissions (React's useActionState). */
export type RegistrationFormState = {
  status: "idle" | "done" | "invalid" | "failed";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: RegistrationFormValues;
  /** The key the next submission of this filling-in carries, so that sending it again stays one registration. */
  idempotencyKey?: string;
  /** The address the message went to, as typed: the person's own input, whoever they are. */
  sentTo?: string;
};

/** The one answer for every registration that went through, whatever it found: no address enumeration. */
const CHECK_YOUR_EMAIL = "Thank you. Check your email: we have sent you a message about your registration.";

const CLOSED: Record<Exclude<Extract<RegisterResult, { outcome: "refused" }>["reason"], "category">, string> = {
  missing: "We could not find this event. Reload the page and try again.",
  draft: "We could not find this event. Reload the page and try again.",
  cancelled: "This event has been cancelled, so registration is closed.",
  past: "This event has already taken place.",
  not_yet_open: "Registration for this event has not opened yet.",
  closed: "Registration for this event has closed.",
};

const text = (v: unknown) => (typeof v === "string" ? v : "");

function typedValues(raw: Record<string, unknown>): RegistrationFormValues {
  return {
    name: text(raw.name).slice(0, 500),
    email: text(raw.email).slice(0, 500),
    organization: text(raw.organization).slice(0, 500),
    category: text(raw.category).slice(0, 200),
    consent: raw.consent === true || raw.consent === "on" || raw.consent === "true",
  };
}

/**
 * The public registration form, as a form action: it takes the form's FormData (a plain post when the
 * page's script has not loaded yet, or the same fields sent by the script) and returns the form's next
 * state. Its answer is the same for a new address, one already registered and a form filled by a robot;
 * the email that follows (or does not) says which it was.
 */
export async function register(_previous: RegistrationFormState | null, input: FormData | Record<string, unknown>): Promise<RegistrationFormState> {
  const raw = (formInput(input) ?? {}) as Record<string, unknown>;
  // A form posted before the script made its key has none: one made here stands for this filling-in,
  // and is handed back with the form. Two posts of such a form make one registration all the same,
  // since an address holds at most one registration per event.
  const idempotencyKey = text(raw.idempotencyKey) || randomUUID();
  const values = typedValues(raw);
  const again = (state: Omit<RegistrationFormState, "values" | "idempotencyKey">): RegistrationFormState => ({ ...state, values, idempotencyKey });

  const slug = text(raw.slug).trim().slice(0, 200);
  // Independent reads, at once: the event, who is asking, and what the email needs from the settings.
  const [event, client, ctx] = await Promise.all([slug ? findPublicEventBySlug(slug) : undefined, requestInfo(), registrationContext()]);
  const parsed = registrationSchemaFor(event?.categories ?? []).safeParse({ ...raw, idempotencyKey });
  if (!parsed.success) {
    return again({ status: "invalid", message: ERRORS.invalid_input.message, fieldErrors: z.flattenError(parsed.error).fieldErrors });
  }
  const v = parsed.data;
  if (!event) return again({ status: "failed", message: CLOSED.missing });

  if (!(await hitRateLimits(registrationRateLimits({ email: v.email, client: client.ip, eventId: event.id })))) {
    return again({ status: "failed", message: "Too many registrations from here in a short time. Please wait ten minutes and try again." });
  }
  const done: RegistrationFormState = { status: "done", message: CHECK_YOUR_EMAIL, sentTo: v.email };
  // The honeypot: a robot filled the field people cannot see. It is told what a person would be.
  if (v.website.trim() !== "") return done;

  const result = await registerForEvent(
    { eventId: event.id, name: v.name, email: v.email, organization: v.organization, category: v.category, idempotencyKey: v.idempotencyKey },
    { kind: "public", client },
    ctx,
  );
  if (result.outcome === "refused") {
    return result.reason === "category"
      ? again({ status: "invalid", message: ERRORS.invalid_input.message, fieldErrors: { category: [CATEGORY_MESSAGE] } })
      : again({ status: "failed", message: CLOSED[result.reason] });
  }
  // The page is marked stale only when its form turns into the waitlist's (lib/public-cache.ts): doing
  // it for every registration would make every answer carry a fresh render of the whole page.
  if (result.outcome === "created" && result.tookLastSeat) registrationAvailabilityChanged(event.slug);
  return done;
}
