import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register } from "@/app/(public)/events/[slug]/actions";
import { cancelMyRegistration } from "@/app/(public)/registrations/[token]/actions";
import { cancelEvent, updateEvent } from "@/app/(staff)/admin/events/actions";
import { addRegistration } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { countCheckedIn } from "@/db/queries/check-in";
import { getManagedRegistration, getRegistrationAvailability } from "@/db/queries/public-registrations";
import { waitlistPosition } from "@/db/queries/registrations";
import { listRegistrationsForExport, registrationCounts } from "@/db/queries/registration-lists";
import { auditLog, type EventStatus, events, outbox, registrations, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { materializeAttachments } from "@/lib/email/attachments";
import { REGISTRATION_EMAIL_KINDS } from "@/lib/email/registration-emails";
import { setCheckedIn } from "@/lib/registration/check-in";
import { type RegistrationContext, registrationContext } from "@/lib/registration/context";
import { registrationRateLimits } from "@/lib/registration/rate-limits";
import { cancelRegistration, changeCapacity, registerForEvent } from "@/lib/registration/seats";
import { hashManageToken, normalizeCheckInCode } from "@/lib/registration/tokens";
import { registrationWindow } from "@/lib/registration/window";
import { eventFormValues } from "@/lib/validations/event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { scratchEvent as makeScratchEvent } from "./support/scratch-event";
import { session } from "./support/session";
import { registrants } from "./support/registrant";


const DAY = 86_400_000;
const now = new Date();
let ctx: RegistrationContext;
let staffId: string;
/** Staff acting outside a request: no client to record. */
const asStaff = () => ({ kind: "staff" as const, userId: staffId, client: null });
const asPublic = { kind: "public" as const, client: null };

beforeAll(async () => {
  await resetWithDemo(now);
  ctx = await registrationContext(now);
  const [staff] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.staff));
  staffId = staff!.id;
});
afterAll(closeDb);

function actAsStaff() {
  session.current = { user: { id: staffId }, sessionVersion: 1, expires: new Date(Date.now() + 3600_000).toISOString() };
}
function actAsAnonymous() {
  session.current = null;
}

/** A scheduled event a month ahead, open for registration, with `capacity` seats. */
const scratchEvent = (capacity: number | null, extra: Partial<typeof events.$inferInsert> = {}) => makeScratchEvent("Registration test", now, capacity, extra);

const person = registrants({ email: "person-", organization: "Example Mission" });

const rowsOf = (eventId: string) =>
  db.select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(asc(registrations.createdAt), asc(registrations.id));
const mailTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email.toLowerCase())).orderBy(asc(outbox.createdAt));
const statusCount = (rows: { status: string }[], status: string) => rows.filter((r) => r.status === status).length;

/** The registrations waiting, in waitlist order. */
async function waitlist(eventId: string) {
  const rows = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.createdAt), asc(registrations.id));
  return rows.map((r) => r.id);
}

describe("capacity under concurrency", () => {
  it("seats exactly 50 of 200 simultaneous registrations and puts 150 on the waitlist", async () => {
    const event = await scratchEvent(50);
    const inputs = Array.from({ length: 200 }, (_, i) => person(event.id, i));
    const started = performance.now();
    const results = await Promise.all(inputs.map((input) => registerForEvent(input, asPublic, ctx)));
    const ms = Math.round(performance.now() - started);
    console.info(`[registration] 200 concurrent registrations, capacity 50: ${ms} ms`);

    expect(results.map((r) => r.outcome)).toEqual(Array(200).fill("created"));
    // One of them took the last seat: the one after which the page offers the waitlist.
    expect(results.filter((r) => r.outcome === "created" && r.tookLastSeat)).toHaveLength(1);
    const rows = await rowsOf(event.id);
    expect(rows).toHaveLength(200);
    expect(statusCount(rows, "confirmed")).toBe(50);
    expect(statusCount(rows, "waitlisted")).toBe(150);

    // Every accepted request has its own row, with what it sent.
    const byId = new Map(rows.map((r) => [r.id, r]));
    results.forEach((r, i) => {
      if (r.outcome !== "created") throw new Error("not created");
      expect(byId.get(r.registration.id)?.email).toBe(inputs[i]!.email);
    });
    expect(new Set(rows.map((r) => r.emailNormalized)).size).toBe(200);
    expect(new Set(rows.map((r) => r.checkInCode)).size).toBe(200);
    expect(new Set(rows.map((r) => r.manageTokenHash)).size).toBe(200);

    // The waitlist is a strict order, numbered 1 to 150.
    const positions = await Promise.all(rows.filter((r) => r.status === "waitlisted").map((r) => waitlistPosition(r.id)));
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    // Those seated registered before anyone waiting.
    const lastSeated = Math.max(...rows.filter((r) => r.status === "confirmed").map((r) => r.confirmedAt!.getTime()));
    const firstWaiting = Math.min(...rows.filter((r) => r.status === "waitlisted").map((r) => r.waitlistedAt!.getTime()));
    expect(lastSeated).toBeLessThanOrEqual(firstWaiting);

    const mails = await db.select({ kind: outbox.kind }).from(outbox).where(inArray(outbox.to, inputs.map((i) => i.email)));
    expect(statusCount(mails.map((m) => ({ status: m.kind })), REGISTRATION_EMAIL_KINDS.confirmed)).toBe(50);
    expect(statusCount(mails.map((m) => ({ status: m.kind })), REGISTRATION_EMAIL_KINDS.waitlisted)).toBe(150);

    // Exactly one message per registration, and each waiting person's email names their own place.
    const messages = await db.select({ to: outbox.to, kind: outbox.kind, text: outbox.text }).from(outbox).where(inArray(outbox.to, inputs.map((i) => i.email)));
    expect(messages).toHaveLength(200);
    expect(new Set(messages.map((m) => m.to)).size).toBe(200);
    const placeOf = new Map(await Promise.all(rows.filter((r) => r.status === "waitlisted").map(async (r) => [r.emailNormalized, await waitlistPosition(r.id)] as const)));
    for (const m of messages.filter((m) => m.kind === REGISTRATION_EMAIL_KINDS.waitlisted)) {
      expect(m.text).toContain(`you are on the waitlist, number ${placeOf.get(m.to)}.`);
    }
  }, 120_000);

  it("with approval: makes 200 simultaneous registrations pending, none seated, and one of 20 submissions with one key", async () => {
    const event = await scratchEvent(50, { requiresApproval: true });
    const inputs = Array.from({ length: 200 }, (_, i) => person(event.id, `review-${i}`));
    const results = await Promise.all(inputs.map((input) => registerForEvent(input, asPublic, ctx)));
    expect(results.map((r) => r.outcome)).toEqual(Array(200).fill("created"));
    const rows = await rowsOf(event.id);
    expect(statusCount(rows, "pending")).toBe(200);
    expect(await registrationCounts(event.id)).toMatchObject({ confirmed: 0, waitlisted: 0, pending: 200 });
    const mails = await db.select({ kind: outbox.kind }).from(outbox).where(inArray(outbox.to, inputs.map((i) => i.email)));
    expect(mails.map((m) => m.kind)).toEqual(Array(200).fill(REGISTRATION_EMAIL_KINDS.pending));

    const input = person(event.id, "review-double");
    const doubles = await Promise.all(Array.from({ length: 20 }, () => registerForEvent(input, asPublic, ctx)));
    expect(doubles.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(doubles.filter((r) => r.outcome === "repeat")).toHaveLength(19);
    expect((await mailTo(input.email)).map((m) => m.kind)).toEqual([REGISTRATION_EMAIL_KINDS.pending]);
  }, 120_000);

  it("makes one registration of 20 simultaneous submissions with the same key", async () => {
    const event = await scratchEvent(5);
    const input = person(event.id, "double");
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 20 }, () => registerForEvent(input, asPublic, ctx)));
    console.info(`[registration] 20 concurrent submissions with one key: ${Math.round(performance.now() - started)} ms`);
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "repeat")).toHaveLength(19);
    const ids = new Set(results.map((r) => (r.outcome === "created" || r.outcome === "repeat" ? r.registration.id : null)));
    expect(ids.size).toBe(1);
    expect(await rowsOf(event.id)).toHaveLength(1);
    expect(await mailTo(input.email)).toHaveLength(1);
  });

  it("promotes exactly as many as were cancelled at once, first come first served", async () => {
    const event = await scratchEvent(10);
    for (let i = 0; i < 20; i++) await registerForEvent(person(event.id, i), asPublic, ctx);
    const before = await rowsOf(event.id);
    expect(statusCount(before, "confirmed")).toBe(10);
    const queue = await waitlist(event.id);
    expect(queue).toHaveLength(10);

    const leaving = before.filter((r) => r.status === "confirmed").slice(0, 4);
    const started = performance.now();
    const results = await Promise.all(
      leaving.map((r, i) => cancelRegistration(i % 2 ? { id: r.id } : { tokenHash: r.manageTokenHash }, i % 2 ? asStaff() : asPublic, ctx)),
    );
    console.info(`[registration] 4 concurrent cancellations with promotion: ${Math.round(performance.now() - started)} ms`);
    expect(results.map((r) => r.outcome)).toEqual(Array(4).fill("cancelled"));
    const promoted = results.flatMap((r) => (r.outcome === "cancelled" ? r.promoted.map((p) => p.id) : []));
    expect(promoted).toHaveLength(4);
    expect(new Set(promoted)).toEqual(new Set(queue.slice(0, 4)));

    const after = await rowsOf(event.id);
    expect(statusCount(after, "confirmed")).toBe(10);
    expect(statusCount(after, "cancelled")).toBe(4);
    expect(await waitlist(event.id)).toEqual(queue.slice(4));
    for (const id of queue.slice(0, 4)) {
      const row = after.find((r) => r.id === id)!;
      expect((await mailTo(row.email)).map((m) => m.kind)).toEqual([REGISTRATION_EMAIL_KINDS.waitlisted, REGISTRATION_EMAIL_KINDS.promoted]);
    }
    for (const r of leaving) expect((await mailTo(r.email)).at(-1)?.kind).toBe(REGISTRATION_EMAIL_KINDS.cancelled);
  });

  it("counts the seats taken for the public page and the staff's figures", async () => {
    const event = await scratchEvent(2);
    for (let i = 0; i < 3; i++) await registerForEvent(person(event.id, i), asPublic, ctx);
    expect(await getRegistrationAvailability(event.id)).toEqual({ capacity: 2, confirmed: 2, categories: ["Government", "Academia"], requiresApproval: false, questions: [] });
    expect(await registrationCounts(event.id)).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 0, pending: 0, declined: 0, checkedIn: 0, total: 3 });
  });

  it("promotes once when the same registration is cancelled twice at once", async () => {
    const event = await scratchEvent(1);
    const first = await registerForEvent(person(event.id, "a"), asPublic, ctx);
    await registerForEvent(person(event.id, "b"), asPublic, ctx);
    await registerForEvent(person(event.id, "c"), asPublic, ctx);
    if (first.outcome !== "created") throw new Error("not created");
    const target = { id: first.registration.id };
    const results = await Promise.all([cancelRegistration(target, asPublic, ctx), cancelRegistration(target, asPublic, ctx)]);
    expect(results.map((r) => (r.outcome === "refused" ? r.reason : r.outcome)).sort()).toEqual(["already_cancelled", "cancelled"]);
    const rows = await rowsOf(event.id);
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ["Person a", "cancelled"],
      ["Person b", "confirmed"],
      ["Person c", "waitlisted"],
    ]);
  });

  it("promotes when capacity rises, in order, and everyone when the limit goes", async () => {
    const event = await scratchEvent(2);
    for (let i = 0; i < 8; i++) await registerForEvent(person(event.id, i), asPublic, ctx);
    const queue = await waitlist(event.id);
    expect(queue).toHaveLength(6);

    const raised = await changeCapacity(event.id, 4, asStaff(), ctx);
    expect(raised.outcome === "changed" && raised.promoted.map((p) => p.id)).toEqual(queue.slice(0, 2));
    expect(await changeCapacity(event.id, 1, asStaff(), ctx)).toEqual({ outcome: "refused", reason: "below_confirmed", confirmed: 4 });
    expect(await changeCapacity(event.id, 4, asStaff(), ctx)).toEqual({ outcome: "unchanged" });

    const unlimited = await changeCapacity(event.id, null, asStaff(), ctx);
    expect(unlimited.outcome === "changed" && unlimited.promoted.map((p) => p.id)).toEqual(queue.slice(2));
    expect(statusCount(await rowsOf(event.id), "confirmed")).toBe(8);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, event.id), eq(auditLog.action, "event.capacity")));
    expect(audit).toHaveLength(2);
  });
});

describe("the event's staff form and status", () => {
  it("promotes from the waitlist when the event form raises the capacity, and emails the new time to everyone", async () => {
    actAsStaff();
    const event = await scratchEvent(1);
    const seated = person(event.id, "seated");
    const waiting = person(event.id, "waiting");
    await registerForEvent(seated, asPublic, ctx);
    await registerForEvent(waiting, asPublic, ctx);
    const form = eventFormValues(event);

    const raised = await updateEvent({ ...form, id: event.id, capacity: "2" });
    expect(raised).toMatchObject({ ok: true, message: expect.stringMatching(/1 person moved from the waitlist/) });
    expect((await mailTo(waiting.email)).map((m) => m.kind)).toEqual([REGISTRATION_EMAIL_KINDS.waitlisted, REGISTRATION_EMAIL_KINDS.promoted]);

    const moved = await updateEvent({ ...form, id: event.id, capacity: "2", startTime: "17:30" });
    expect(moved).toMatchObject({ ok: true, message: expect.stringMatching(/2 registered people were emailed/) });
    for (const p of [seated, waiting]) {
      const last = (await mailTo(p.email)).at(-1)!;
      expect(last.kind).toBe(REGISTRATION_EMAIL_KINDS.detailsChanged);
      expect(last.text).toContain("5:30 p.m.");
      expect(last.attachments.map((a) => a.filename)).toEqual([`${event.slug}.ics`]);
    }

    // A description edit is no news to registrants.
    const countBefore = (await mailTo(seated.email)).length;
    await updateEvent({ ...form, id: event.id, capacity: "2", startTime: "17:30", description: "Now with a description." });
    expect(await mailTo(seated.email)).toHaveLength(countBefore);
  });

  it("emails everyone registered when staff cancel the event, and nobody can register or cancel after", async () => {
    actAsStaff();
    const event = await scratchEvent(1);
    const seated = person(event.id, "seated");
    const waiting = person(event.id, "waiting");
    const r = await registerForEvent(seated, asPublic, ctx);
    await registerForEvent(waiting, asPublic, ctx);
    expect(await cancelEvent({ id: event.id })).toMatchObject({ ok: true });
    for (const p of [seated, waiting]) {
      const last = (await mailTo(p.email)).at(-1)!;
      expect(last.kind).toBe(REGISTRATION_EMAIL_KINDS.eventCancelled);
      expect(Buffer.from(last.attachments[0]!.content, "base64").toString()).toContain("STATUS:CANCELLED");
    }
    expect(await registerForEvent(person(event.id, "late"), asPublic, ctx)).toEqual({ outcome: "refused", reason: "cancelled" });
    if (r.outcome !== "created") throw new Error("not created");
    expect(await cancelRegistration({ tokenHash: hashManageToken(r.manageToken) }, asPublic, ctx)).toEqual({
      outcome: "refused",
      reason: "event_cancelled",
    });
  });
});

describe("registration window", () => {
  const base = { status: "scheduled" as EventStatus, registrationOpensAt: null, registrationClosesAt: null };
  const startsAt = new Date(now.getTime() + 2 * DAY);
  const endsAt = new Date(startsAt.getTime() + 3600_000);

  it("is open from the opening time to the closing time, or to the start when no closing is set", () => {
    expect(registrationWindow({ ...base, startsAt, endsAt }, now)).toBe("open");
    expect(registrationWindow({ ...base, startsAt, endsAt, registrationOpensAt: new Date(now.getTime() + 1000) }, now)).toBe("not_yet_open");
    expect(registrationWindow({ ...base, startsAt, endsAt, registrationClosesAt: now }, now)).toBe("closed");
    expect(registrationWindow({ ...base, startsAt, endsAt }, new Date(startsAt.getTime() + 1000))).toBe("closed");
    expect(registrationWindow({ ...base, startsAt, endsAt }, endsAt)).toBe("past");
    expect(registrationWindow({ ...base, startsAt, endsAt, status: "cancelled" }, now)).toBe("cancelled");
    expect(registrationWindow({ ...base, startsAt, endsAt, status: "draft" }, now)).toBe("draft");
  });

  it("is enforced on the server, for the public; staff may still add people once it has closed", async () => {
    const cases: [Partial<typeof events.$inferInsert>, string][] = [
      [{ registrationOpensAt: new Date(now.getTime() + DAY) }, "not_yet_open"],
      [{ registrationClosesAt: new Date(now.getTime() - 1000) }, "closed"],
      [{ startsAt: new Date(now.getTime() - 1000), endsAt: new Date(now.getTime() + 3600_000) }, "closed"],
      [{ startsAt: new Date(now.getTime() - 2 * DAY), endsAt: new Date(now.getTime() - DAY) }, "past"],
      [{ status: "cancelled" }, "cancelled"],
      [{ status: "draft" }, "draft"],
    ];
    for (const [extra, reason] of cases) {
      const event = await scratchEvent(10, extra);
      expect(await registerForEvent(person(event.id, reason), asPublic, ctx), reason).toEqual({ outcome: "refused", reason });
      const byStaff = await registerForEvent(person(event.id, `${reason}-staff`), asStaff(), ctx);
      expect(byStaff.outcome, reason).toBe(reason === "cancelled" || reason === "draft" ? "refused" : "created");
    }
  });

  it("refuses a category the event does not offer, and requires one from the public when it offers any", async () => {
    const event = await scratchEvent(10);
    expect(await registerForEvent(person(event.id, "x", { category: "Astronaut" }), asPublic, ctx)).toEqual({ outcome: "refused", reason: "category" });
    expect(await registerForEvent(person(event.id, "y", { category: null }), asPublic, ctx)).toEqual({ outcome: "refused", reason: "category" });
    expect((await registerForEvent(person(event.id, "z", { category: null }), asStaff(), ctx)).outcome).toBe("created");
  });
});

describe("the same address twice", () => {
  it("keeps one registration and tells the person which case it is, with a new link that works beside the old", async () => {
    const event = await scratchEvent(1);
    const first = await registerForEvent(person(event.id, "twice", { email: "Twice@Example.org" }), asPublic, ctx);
    const again = await registerForEvent(person(event.id, "twice", { email: "  twice@example.ORG " .trim() }), asPublic, ctx);
    expect(first.outcome).toBe("created");
    expect(again.outcome).toBe("already_registered");
    const rows = await rowsOf(event.id);
    expect(rows.filter((r) => r.status !== "cancelled")).toHaveLength(1);

    const mails = await mailTo("twice@example.org");
    expect(mails.map((m) => m.kind)).toEqual([REGISTRATION_EMAIL_KINDS.confirmed, REGISTRATION_EMAIL_KINDS.already]);
    expect(mails[1]!.text).toContain("You are already registered, with a seat");
    if (first.outcome !== "created" || again.outcome !== "already_registered") throw new Error("unexpected");
    expect(mails[1]!.text).toContain(`/registrations/${again.manageToken}`);
    // The link already sent keeps working: whoever asked again may not hold the first email.
    expect((await getManagedRegistration(hashManageToken(first.manageToken)))?.registration.id).toBe(first.registration.id);
    expect((await getManagedRegistration(hashManageToken(again.manageToken!)))?.registration.id).toBe(first.registration.id);

    // Someone on the waitlist hears that, with their place.
    await registerForEvent(person(event.id, "waiting"), asPublic, ctx);
    await registerForEvent(person(event.id, "waiting"), asPublic, ctx);
    const waitingMails = await mailTo(person(event.id, "waiting").email);
    expect(waitingMails.map((m) => m.kind)).toEqual([REGISTRATION_EMAIL_KINDS.waitlisted, REGISTRATION_EMAIL_KINDS.already]);
    expect(waitingMails[1]!.text).toContain("already on the waitlist, number 1");

    // Once cancelled, the address may register again.
    await cancelRegistration({ id: first.registration.id }, asPublic, ctx);
    expect((await registerForEvent(person(event.id, "twice", { email: "twice@example.org" }), asPublic, ctx)).outcome).toBe("created");
  });

  it("is refused beside the email field when staff add it by hand", async () => {
    actAsStaff();
    const event = await scratchEvent(5);
    const input = { eventId: event.id, name: "By Hand", email: "by-hand@example.org", organization: "", category: "" };
    expect(await addRegistration(input)).toMatchObject({ ok: true, data: { status: "confirmed" } });
    expect(await addRegistration(input)).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringMatching(/already registered/)] } });
    const [row] = await rowsOf(event.id);
    expect(row).toMatchObject({ name: "By Hand", status: "confirmed" });
    expect(row!.consentAt).toBeInstanceOf(Date);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, "registration.add")));
    expect(audit[0]?.actorId).toBe(staffId);
  });
});

describe("manage links", () => {
  it("all keep working after repeat registrations, and each can cancel", async () => {
    const event = await scratchEvent(10);
    const input = person(event.id, "links");
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await registerForEvent({ ...input, idempotencyKey: crypto.randomUUID() }, asPublic, ctx);
      if (r.outcome !== "created" && r.outcome !== "already_registered") throw new Error(r.outcome);
      tokens.push(r.manageToken!);
    }
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect((await getManagedRegistration(hashManageToken(token)))?.registration.email).toBe(input.email);
    expect(await getManagedRegistration(hashManageToken("B".repeat(43)))).toBeUndefined();
    const cancelled = await cancelRegistration({ tokenHash: hashManageToken(tokens[0]!) }, asPublic, ctx);
    expect(cancelled.outcome).toBe("cancelled");
    expect((await getManagedRegistration(hashManageToken(tokens[2]!)))?.registration.status).toBe("cancelled");
  });

  it("from the waitlist email keep working after promotion, beside the promotion email's", async () => {
    const event = await scratchEvent(1);
    const seated = await registerForEvent(person(event.id, "seated"), asPublic, ctx);
    const waiting = await registerForEvent(person(event.id, "waiting-link"), asPublic, ctx);
    if (seated.outcome !== "created" || waiting.outcome !== "created") throw new Error("not created");
    expect(waiting.registration.status).toBe("waitlisted");
    await cancelRegistration({ id: seated.registration.id }, asPublic, ctx);
    const promotedMail = (await mailTo(waiting.registration.email)).at(-1)!;
    expect(promotedMail.kind).toBe(REGISTRATION_EMAIL_KINDS.promoted);
    const promotedToken = /\/registrations\/([A-Za-z0-9_-]{43})/.exec(promotedMail.text)![1]!;
    expect(promotedToken).not.toBe(waiting.manageToken);
    for (const token of [waiting.manageToken, promotedToken]) {
      expect((await getManagedRegistration(hashManageToken(token)))?.registration).toMatchObject({ id: waiting.registration.id, status: "confirmed" });
    }
  });
});

describe("limits per client address", () => {
  it("let an office register a delegation of twenty from one address, and stop a script from filling an event", async () => {
    const event = await scratchEvent(500);
    const client = "203.0.113.7";
    // One instant for every attempt: the limits count in fixed windows, and a run that crossed the end of
    // one would start counting afresh halfway through.
    const now = new Date();
    const attempt = async (i: number) => {
      const input = person(event.id, `delegate-${i}`);
      if (!(await hitRateLimits(registrationRateLimits({ email: input.email, client, eventId: event.id }, 30), now))) return "limited";
      return (await registerForEvent(input, asPublic, ctx)).outcome;
    };
    const delegation = [];
    for (let i = 0; i < 20; i++) delegation.push(await attempt(i));
    expect(delegation).toEqual(Array(20).fill("created"));
    // A script keeps going from the same address: the limit stops it well short of the event's seats.
    const script = [];
    for (let i = 20; i < 60; i++) script.push(await attempt(i));
    expect(script.filter((o) => o === "created")).toHaveLength(10);
    expect(script.slice(10).every((o) => o === "limited")).toBe(true);
    expect(statusCount(await rowsOf(event.id), "confirmed")).toBe(30);
  });

  it("bound one client's registrations for one event per day, beyond the ten-minute window", () => {
    const limits = registrationRateLimits({ email: "a@example.org", client: "2001:db8::1", eventId: "e1" }, 30);
    expect(limits).toEqual([
      { key: "register:email:a@example.org", limit: 5, windowSeconds: 600 },
      { key: "register:ip:2001:db8::1", limit: 30, windowSeconds: 600 },
      { key: "register:ip-event:2001:db8::1:e1", limit: 60, windowSeconds: 86_400 },
    ]);
    expect(registrationRateLimits({ email: "a@example.org", client: null, eventId: "e1" }, 30)).toHaveLength(1);
  });

  it("default to at least thirty registrations per client in ten minutes", () => {
    const perClient = registrationRateLimits({ email: "a@example.org", client: "198.51.100.1", eventId: "e1" })[1]!;
    expect(perClient.limit).toBeGreaterThanOrEqual(30);
    expect(perClient.windowSeconds).toBe(600);
  });
});

describe("the public form's action", () => {
  const form = (slug: string, email: string, extra: Record<string, unknown> = {}) => ({
    slug,
    name: "Ada Lovelace",
    email,
    organization: "",
    category: "Academia",
    consent: true,
    website: "",
    idempotencyKey: crypto.randomUUID(),
    ...extra,
  });
  /** The same fields as a browser without script posts them: strings, and no consent field when unticked. */
  const posted = (fields: Record<string, unknown>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      if (k === "consent") {
        if (v) data.set(k, "on");
      } else data.set(k, String(v ?? ""));
    }
    return data;
  };
  // The address typed is echoed to its typist; everything else must be the same for everyone.
  const answer = (state: Awaited<ReturnType<typeof register>>) => ({ ...state, sentTo: undefined });

  it("answers a new address and one already registered identically", async () => {
    actAsAnonymous();
    const event = await scratchEvent(10);
    const known = await register(null, form(event.slug, "known@example.org"));
    const newcomer = await register(null, form(event.slug, "newcomer@example.org"));
    const repeat = await register(null, form(event.slug, "known@example.org"));
    expect(answer(known)).toEqual(answer(newcomer));
    expect(answer(repeat)).toEqual(answer(newcomer));
    expect(newcomer).toMatchObject({ status: "done", message: expect.stringMatching(/Check your email/), sentTo: "newcomer@example.org" });
    expect((await mailTo("known@example.org")).map((m) => m.kind)).toEqual([REGISTRATION_EMAIL_KINDS.confirmed, REGISTRATION_EMAIL_KINDS.already]);
  });

  it("stores nothing and sends nothing when the honeypot is filled, and says the same as ever", async () => {
    actAsAnonymous();
    const event = await scratchEvent(10);
    const robot = await register(null, form(event.slug, "robot@example.org", { website: "http://spam.example" }));
    const human = await register(null, form(event.slug, "human@example.org"));
    expect(answer(robot)).toEqual(answer(human));
    expect((await rowsOf(event.id)).map((r) => r.email)).toEqual(["human@example.org"]);
    expect(await mailTo("robot@example.org")).toEqual([]);
  });

  it("refuses without consent, with an overlong name, a second address in the field or a malformed key", async () => {
    const event = await scratchEvent(10);
    expect(await register(null, form(event.slug, "a@example.org", { consent: false }))).toMatchObject({ status: "invalid", fieldErrors: { consent: [expect.any(String)] } });
    expect(await register(null, form(event.slug, "a@example.org", { name: "x".repeat(201) }))).toMatchObject({ status: "invalid", fieldErrors: { name: [expect.any(String)] } });
    expect(await register(null, form(event.slug, "a@example.org, b@example.org"))).toMatchObject({ status: "invalid", fieldErrors: { email: [expect.any(String)] } });
    expect(await register(null, form(event.slug, "a@example.org", { idempotencyKey: "not-a-key" }))).toMatchObject({ status: "invalid" });
    expect(await rowsOf(event.id)).toEqual([]);
  });

  it("reports every problem of an empty form at once, and hands back what was typed with a key for the next try", async () => {
    const event = await scratchEvent(10);
    const state = await register(null, posted({ slug: event.slug, name: "Grace Hopper", email: "", organization: "Navy", category: "", idempotencyKey: "" }));
    expect(state.status).toBe("invalid");
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["category", "consent", "email"]);
    expect(state.fieldErrors?.consent).toEqual(["Please agree to the privacy notice to register."]);
    expect(state.fieldErrors?.category).toEqual(["Choose a category from the list."]);
    expect(state.values).toEqual({ name: "Grace Hopper", email: "", organization: "Navy", category: "", consent: false });
    expect(state.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rowsOf(event.id)).toEqual([]);
  });

  it("registers from a plain form post (no script yet), and the same post sent twice stays one registration", async () => {
    const event = await scratchEvent(10);
    const fields = { slug: event.slug, name: "Katherine Johnson", email: "plain@example.org", organization: "", category: "Academia", consent: true, idempotencyKey: "" };
    const first = await register(null, posted(fields));
    const second = await register(null, posted(fields));
    expect(first).toMatchObject({ status: "done" });
    expect(answer(second)).toEqual(answer(first));
    expect((await rowsOf(event.id)).map((r) => r.email)).toEqual(["plain@example.org"]);
  });

  it("limits how often one address can register, with a plain message", async () => {
    const event = await scratchEvent(10);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await register(null, form(event.slug, "eager@example.org")));
    expect(results.slice(0, 5).every((r) => r.status === "done")).toBe(true);
    expect(results[5]).toMatchObject({ status: "failed", message: expect.stringMatching(/wait ten minutes/) });
  });

  it("says why when registration is closed", async () => {
    const event = await scratchEvent(10, { registrationClosesAt: new Date(now.getTime() - 1000) });
    expect(await register(null, form(event.slug, "late@example.org"))).toMatchObject({ status: "failed", message: "Registration for this event has closed." });
  });
});

describe("emails", () => {
  it("send the manage link, the calendar file and a QR code of the check-in code with a confirmation", async () => {
    const event = await scratchEvent(10);
    const input = person(event.id, "mail");
    const result = await registerForEvent(input, asPublic, ctx);
    if (result.outcome !== "created") throw new Error("not created");
    const [mail] = await mailTo(input.email);
    expect(mail!.kind).toBe(REGISTRATION_EMAIL_KINDS.confirmed);
    expect(mail!.text).toContain(`${ctx.baseUrl}/registrations/${result.manageToken}`);
    expect(mail!.text).toContain(result.registration.checkInCode.slice(0, 4));
    expect(mail!.html).toContain(`href="${ctx.baseUrl}/registrations/${result.manageToken}"`);
    // Queued as recipes: the request draws no PNG; the sender makes the files.
    expect(mail!.attachments.map((a) => a.content)).toEqual(["", ""]);
    const [ics, qr] = await materializeAttachments(mail!.attachments);
    expect(ics).toEqual({ filename: `${event.slug}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: expect.any(String) });
    expect(Buffer.from(ics!.content, "base64").toString()).toContain("BEGIN:VEVENT");
    expect(qr).toMatchObject({ filename: "check-in-code.png", contentType: "image/png" });
    expect(Buffer.from(qr!.content, "base64").subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Only the hash of the link's secret is stored.
    const [row] = await rowsOf(event.id);
    expect(row!.manageTokenHash).toBe(hashManageToken(result.manageToken));
    expect(JSON.stringify(row)).not.toContain(result.manageToken);
  });

  it("escape what people typed in the HTML part", async () => {
    const event = await scratchEvent(10);
    const input = person(event.id, "html", { name: `<img src=x onerror="alert(1)">` });
    await registerForEvent(input, asPublic, ctx);
    const [mail] = await mailTo(input.email);
    expect(mail!.html).not.toContain("<img");
    expect(mail!.html).toContain("&lt;img src=x");
  });
});

describe("cancelling by the secret link", () => {
  it("cancels, writes an audit row without an actor, and refuses an unknown link with a 404", async () => {
    const event = await scratchEvent(10);
    const result = await registerForEvent(person(event.id, "self"), asPublic, ctx);
    if (result.outcome !== "created") throw new Error("not created");
    await expect(cancelMyRegistration({ token: result.manageToken })).rejects.toMatchObject({
      digest: expect.stringContaining(`/registrations/${result.manageToken}?cancelled=1`),
    });
    const [row] = await rowsOf(event.id);
    expect(row!.status).toBe("cancelled");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit).toMatchObject({ action: "registration.cancel_self", actorId: null });

    await expect(cancelMyRegistration({ token: result.manageToken })).rejects.toMatchObject({ digest: expect.stringContaining("refused=already_cancelled") });
    await expect(cancelMyRegistration({ token: "A".repeat(43) })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(cancelMyRegistration({ token: "short" })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("check-in", () => {
  it("checks in confirmed people once, undoes, and counts attendance", async () => {
    const event = await scratchEvent(1);
    const seated = await registerForEvent(person(event.id, "in"), asPublic, ctx);
    const waiting = await registerForEvent(person(event.id, "out"), asPublic, ctx);
    if (seated.outcome !== "created" || waiting.outcome !== "created") throw new Error("not created");
    const id = seated.registration.id;

    const both = await Promise.all([setCheckedIn(id, true, asStaff()), setCheckedIn(id, true, asStaff())]);
    expect(both.map((r) => r.outcome).sort()).toEqual(["changed", "unchanged"]);
    expect(await countCheckedIn(event.id)).toBe(1);
    expect(await setCheckedIn(waiting.registration.id, true, asStaff())).toEqual({ outcome: "refused", reason: "not_confirmed" });
    // Someone who has arrived keeps their seat: nobody can cancel it from under them.
    expect(await cancelRegistration({ id }, asStaff(), ctx)).toEqual({ outcome: "refused", reason: "checked_in" });

    expect(await setCheckedIn(id, false, asStaff())).toMatchObject({ outcome: "changed", checkedIn: 0 });
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.createdAt));
    expect(audit.map((a) => a.action)).toEqual(["registration.check_in", "registration.undo_check_in"]);
    expect(normalizeCheckInCode(` ${seated.registration.checkInCode.slice(0, 4).toLowerCase()}-${seated.registration.checkInCode.slice(4)} `)).toBe(
      seated.registration.checkInCode,
    );
  });

  it("records in the audit log the client the action came from, and none outside a request", async () => {
    const event = await scratchEvent(2);
    const seated = await registerForEvent(person(event.id, "door"), asPublic, ctx);
    if (seated.outcome !== "created") throw new Error("not created");
    const id = seated.registration.id;
    const client = { address: "2001:db8::7", userAgent: "Door tablet" };
    await setCheckedIn(id, true, { kind: "staff", userId: staffId, client });
    await setCheckedIn(id, false, asStaff());
    const rows = await db.select({ ip: auditLog.ip, userAgent: auditLog.userAgent }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.createdAt));
    expect(rows).toEqual([{ ip: "2001:db8::7", userAgent: "Door tablet" }, { ip: null, userAgent: null }]);
  });
});

describe("the staff list", () => {
  it("searches by name, email, organization and code, filters by status and orders the waitlist first come first served", async () => {
    const event = await scratchEvent(1);
    await registerForEvent(person(event.id, "alpha", { organization: "Mission of Norway" }), asPublic, ctx);
    const b = await registerForEvent(person(event.id, "bravo"), asPublic, ctx);
    await registerForEvent(person(event.id, "charlie"), asPublic, ctx);
    if (b.outcome !== "created") throw new Error("not created");
    const list = (filter: Parameters<typeof listRegistrationsForExport>[1]) => listRegistrationsForExport(event.id, filter);

    expect((await list({ q: "norway", sort: "name_asc" })).map((r) => r.name)).toEqual(["Person alpha"]);
    expect((await list({ q: "PERSON-BRAVO", sort: "name_asc" })).map((r) => r.name)).toEqual(["Person bravo"]);
    const code = b.registration.checkInCode;
    expect((await list({ q: `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase(), sort: "name_asc" })).map((r) => r.name)).toEqual(["Person bravo"]);
    expect((await list({ status: "waitlisted", sort: "status" })).map((r) => [r.name, r.waitlistPosition])).toEqual([
      ["Person bravo", 1],
      ["Person charlie", 2],
    ]);
    expect((await list({ sort: "name_desc" })).map((r) => r.name)).toEqual(["Person charlie", "Person bravo", "Person alpha"]);
    expect((await list({ q: "100%_", sort: "name_asc" }))).toEqual([]);
    const active = await db.select().from(registrations).where(and(eq(registrations.eventId, event.id), ne(registrations.status, "cancelled")));
    expect(active).toHaveLength(3);
  });
});
