import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { db } from "@/db";
import { emailUnsubscribes, events, outbox, registrationFeedback } from "@/db/schema";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { attendee, heldEvent } from "../../support/after-event";
import { type Expectation, type Fixtures, PUBLIC } from "../helpers";

// After the event: the staff's thank-you email, and the public's feedback and unsubscribing.

/** A held event with its summary published and one person checked in; `f.scratch` is the event. */
async function heldWithAttendee(f: Fixtures) {
  const event = await heldEvent(`Authz thanks ${f.n}`);
  await attendee(event.id, `authz-thanked-${f.n}@example.org`);
  f.scratch = event.id;
}

/** A registration at a held event; `f.scratch` is its manage link's token. */
async function heldRegistration(f: Fixtures) {
  const event = await heldEvent(`Authz feedback ${f.n}`);
  f.scratch = (await attendee(event.id, `authz-feedback-${f.n}@example.org`)).token;
}

const unsubscribed = (f: Fixtures) => db.select().from(emailUnsubscribes).where(eq(emailUnsubscribes.emailNormalized, `authz-unsubscribe-${f.n}@example.org`));
const tokenFor = (f: Fixtures) => unsubscribeToken(`authz-unsubscribe-${f.n}@example.org`);

const routeCall = (method: "GET" | "POST") => (f: Fixtures, mod: Record<string, unknown>, name: string) =>
  (mod[name] as (r: NextRequest, ctx: { params: Promise<{ token: string }> }) => Promise<Response>)(
    new NextRequest(`http://localhost:3000/api/unsubscribe/${tokenFor(f)}`, {
      method,
      body: method === "POST" ? "List-Unsubscribe=One-Click" : undefined,
      headers: method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : undefined,
    }),
    { params: Promise.resolve({ token: tokenFor(f) }) },
  );

export const afterEventArea: Record<string, Expectation> = {
  // Staff only: the thank-you goes once, so a refused call must leave it unsent and queue nothing.
  "app/(staff)/admin/events/[id]/summary/actions.ts#sendThankYouEmail": {
    prepare: heldWithAttendee,
    call: (f, mod, name) => (mod[name] as (i: unknown) => Promise<unknown>)({ eventId: f.scratch, audience: "checked_in" }),
    state: async (f) => ({
      event: (await db.select({ sentAt: events.thankYouSentAt }).from(events).where(eq(events.id, f.scratch!)))[0],
      queued: await db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.to, `authz-thanked-${f.n}@example.org`), eq(outbox.kind, "thank_you"))),
    }),
  },
  // Holding the manage link is the authorization, whoever is signed in.
  "app/(public)/registrations/[token]/feedback-actions.ts#saveMyFeedback": {
    who: PUBLIC,
    prepare: heldRegistration,
    call: (f, mod, name) => (mod[name] as (previous: null, input: unknown) => Promise<unknown>)(null, { token: f.scratch, rating: "5", comment: "Fine." }),
    state: () => db.select().from(registrationFeedback),
  },
  // The signed link is the authorization, for the page's button and for the one-click post alike.
  "app/(public)/unsubscribe/[token]/actions.ts#confirmUnsubscribe": {
    who: PUBLIC,
    call: (f, mod, name) => (mod[name] as (i: unknown) => Promise<unknown>)({ token: tokenFor(f) }),
    state: unsubscribed,
  },
  "app/api/unsubscribe/[token]/route.ts#POST": { who: PUBLIC, call: routeCall("POST"), state: unsubscribed },
  "app/api/unsubscribe/[token]/route.ts#GET": { who: PUBLIC, call: routeCall("GET"), state: unsubscribed },
};
