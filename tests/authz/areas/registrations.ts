import { count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { db } from "@/db";
import { events, registrations, users } from "@/db/schema";
import { setCheckedIn } from "@/lib/registration/check-in";
import { registerForEvent } from "@/lib/registration/seats";
import { action, type Expectation, type Fixtures, PUBLIC, STAFF } from "../helpers";

// The demo's fifth meeting: scheduled and open for registration.
const OPEN_SLUG = "wps-innovation-5-geneva";

async function openEventId(): Promise<string> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, OPEN_SLUG));
  return row!.id;
}

async function registerSomeone(f: Fixtures) {
  const result = await registerForEvent(
    {
      eventId: await openEventId(),
      name: `Authz Person ${f.n}`,
      email: `authz-registrant-${f.n}@example.org`,
      organization: null,
      category: null,
      idempotencyKey: null,
    },
    // As staff, who may leave out the category; the audit row it writes comes before the call is counted.
    { kind: "staff", userId: await adminId(), client: null },
  );
  if (result.outcome !== "created") throw new Error(`could not register: ${result.outcome}`);
  return result;
}

async function adminId(): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  return row!.id;
}

/** A registration made for this call; `f.scratch` is its id. */
const scratchRegistration = async (f: Fixtures) => {
  f.scratch = (await registerSomeone(f)).registration.id;
};
const registrationRow = (f: Fixtures) => db.select().from(registrations).where(eq(registrations.id, f.scratch!));

/** A scheduled event a month ahead, for this call alone. */
async function scratchEvent(f: Fixtures, label: string, values: Partial<typeof events.$inferInsert> = {}): Promise<string> {
  const start = new Date(Date.now() + 30 * 86_400_000);
  const [row] = await db
    .insert(events)
    .values({
      slug: `authz-${label}-${f.n}`,
      title: `${label} ${f.n}`,
      timeZone: "Europe/Zurich",
      startsAt: start,
      endsAt: new Date(start.getTime() + 3600_000),
      capacity: 5,
      status: "scheduled",
      ...values,
    })
    .returning({ id: events.id });
  return row!.id;
}

/** A registration awaiting approval, made for this call; `f.scratch` is its id. */
const pendingRegistration = async (f: Fixtures) => {
  const eventId = await scratchEvent(f, "approval", { requiresApproval: true });
  const result = await registerForEvent(
    { eventId, name: `Pending ${f.n}`, email: `authz-pending-${f.n}@example.org`, organization: null, category: "Government", idempotencyKey: null },
    { kind: "public", client: null },
  );
  if (result.outcome !== "created" || result.registration.status !== "pending") throw new Error(`not pending: ${result.outcome}`);
  f.scratch = result.registration.id;
};

/** A staff GET route under the open event's admin pages, called with `path` (after the event's id). */
const openEventRoute = (path: string): Expectation => ({
  who: STAFF,
  prepare: async (f) => {
    f.scratch = await openEventId();
  },
  call: (f, mod, name) =>
    (mod[name] as (r: NextRequest, ctx: { params: Promise<{ id: string }> }) => Promise<Response>)(
      new NextRequest(`http://localhost:3000/admin/events/${f.scratch}/${path}`),
      { params: Promise.resolve({ id: f.scratch! }) },
    ),
});

const EVENT_ACTIONS = "app/(staff)/admin/events/[id]/registrations/actions.ts";
const CHECK_IN = "app/(staff)/admin/events/[id]/check-in/actions.ts";

export const registrationsArea: Record<string, Expectation> = {
  // Registering and cancelling by the secret link are for everyone.
  "app/(public)/events/[slug]/actions.ts#register": {
    who: PUBLIC,
    // A form action: the previous state, then the form's fields.
    call: (f, mod, name) => (mod[name] as (previous: null, input: unknown) => Promise<unknown>)(null, {
      slug: OPEN_SLUG,
      name: `Visitor ${f.n}`,
      email: `authz-visitor-${f.n}@example.org`,
      organization: "",
      category: "Government",
      consent: true,
      website: "",
      idempotencyKey: crypto.randomUUID(),
    }),
  },
  "app/(public)/registrations/[token]/actions.ts#cancelMyRegistration": {
    who: PUBLIC,
    prepare: async (f) => {
      f.scratch = (await registerSomeone(f)).manageToken;
    },
    call: action((f) => ({ token: f.scratch })),
  },

  // Everything else about registrations is the staff's.
  [`${EVENT_ACTIONS}#addRegistration`]: {
    prepare: async (f) => {
      f.scratch = await openEventId();
    },
    call: action((f) => ({ eventId: f.scratch, name: `Added ${f.n}`, email: `authz-added-${f.n}@example.org`, organization: "", category: "" })),
    state: async (f) => (await db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, f.scratch!)))[0]?.n,
  },
  [`${EVENT_ACTIONS}#cancelRegistrationAsStaff`]: {
    prepare: scratchRegistration,
    call: action((f) => ({ id: f.scratch })),
    state: registrationRow,
  },
  [`${EVENT_ACTIONS}#setCapacity`]: {
    prepare: async (f) => {
      const start = new Date(Date.now() + 30 * 86_400_000);
      const [row] = await db
        .insert(events)
        .values({
          slug: `authz-capacity-${f.n}`,
          title: `Capacity ${f.n}`,
          timeZone: "Europe/Zurich",
          startsAt: start,
          endsAt: new Date(start.getTime() + 3600_000),
          capacity: 5,
          status: "scheduled",
        })
        .returning({ id: events.id });
      f.scratch = row!.id;
    },
    call: action((f) => ({ eventId: f.scratch, capacity: "7" })),
    state: (f) => db.select().from(events).where(eq(events.id, f.scratch!)),
  },
  [`${EVENT_ACTIONS}#decideRegistrationsAsStaff`]: {
    prepare: pendingRegistration,
    call: async (f, mod, name) => {
      const [row] = await registrationRow(f);
      return (mod[name] as (i: unknown) => Promise<unknown>)({ eventId: row!.eventId, ids: [row!.id], decision: "approve", message: "Welcome." });
    },
    state: registrationRow,
  },
  [`${EVENT_ACTIONS}#setApprovalMode`]: {
    prepare: async (f) => {
      f.scratch = await scratchEvent(f, "approval-mode");
    },
    call: action((f) => ({ eventId: f.scratch, mode: "approval" })),
    state: (f) => db.select().from(events).where(eq(events.id, f.scratch!)),
  },
  [`${CHECK_IN}#checkIn`]: { prepare: scratchRegistration, call: action((f) => ({ id: f.scratch })), state: registrationRow },
  [`${CHECK_IN}#undoCheckIn`]: {
    prepare: async (f) => {
      await scratchRegistration(f);
      await setCheckedIn(f.scratch!, true, { kind: "staff", userId: await adminId(), client: null });
    },
    call: action((f) => ({ id: f.scratch })),
    state: registrationRow,
  },

  "app/(staff)/admin/events/[id]/check-in/people/route.ts#GET": openEventRoute("check-in/people?q=a"),
  "app/(staff)/admin/events/[id]/check-in/badges.pdf/route.ts#GET": openEventRoute("check-in/badges.pdf?layout=single"),
  "app/(staff)/admin/events/[id]/check-in/attendees.pdf/route.ts#GET": openEventRoute("check-in/attendees.pdf"),
  "app/(staff)/admin/events/[id]/registrations/export.csv/route.ts#GET": openEventRoute("registrations/export.csv"),
};
