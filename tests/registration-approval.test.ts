import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register } from "@/app/(public)/events/[slug]/actions";
import { cancelMyRegistration } from "@/app/(public)/registrations/[token]/actions";
import { updateEvent } from "@/app/(staff)/admin/events/actions";
import { addRegistration, decideRegistrationsAsStaff, setApprovalMode } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { listStaffUpcomingEvents } from "@/db/queries/events";
import { getManagedRegistration, getRegistrationAvailability } from "@/db/queries/public-registrations";
import { registerPublicSeat, waitlistPosition } from "@/db/queries/registrations";
import { listRegistrationsPage, registrationCounts } from "@/db/queries/registration-lists";
import { auditLog, events, outbox, registrations, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { REGISTRATION_EMAIL_KINDS } from "@/lib/email/registration-emails";
import { changeApprovalMode, decideRegistrations } from "@/lib/registration/approval";
import { type RegistrationContext, registrationContext } from "@/lib/registration/context";
import { cancelRegistration, registerForEvent } from "@/lib/registration/seats";
import { hashManageToken } from "@/lib/registration/tokens";
import { eventFormValues } from "@/lib/validations/event";
import { registrationDecisionSchema } from "@/lib/validations/registration";
import { closeDb, db, resetWithDemo } from "./support/db";
import { scratchEvent as makeScratchEvent } from "./support/scratch-event";
import { session } from "./support/session";
import { registrants } from "./support/registrant";

// Events that require approval: registrations wait, holding no seat, until staff approve (a seat or the
// waitlist, under the event's lock) or decline them; each outcome is emailed once.

const now = new Date();
let ctx: RegistrationContext;
let staffId: string;
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

/** A scheduled event a month ahead, open for registration, with `capacity` seats and approval required. */
const approvalEvent = (capacity: number | null, extra: Partial<typeof events.$inferInsert> = {}) =>
  makeScratchEvent("Approval test", now, capacity, { requiresApproval: true, ...extra });

const person = registrants({ email: "approval-" });

const rowsOf = (eventId: string) =>
  db.select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(asc(registrations.createdAt), asc(registrations.id));
const mailTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email.toLowerCase())).orderBy(asc(outbox.createdAt), asc(outbox.id));
const kindsTo = async (email: string) => (await mailTo(email)).map((m) => m.kind);
const count = (rows: { status: string }[], status: string) => rows.filter((r) => r.status === status).length;

/** Registers `n` people from the public, one after the other; their registrations' ids. */
async function registerMany(eventId: string, n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await registerForEvent(person(eventId, `${prefix}${i}`), asPublic, ctx);
    if (r.outcome !== "created") throw new Error(`not created: ${r.outcome}`);
    ids.push(r.registration.id);
  }
  return ids;
}

const approve = (eventId: string, ids: string[], note: string | null = null) =>
  decideRegistrations({ eventId, ids, decision: "approve", note }, asStaff(), ctx);
const decline = (eventId: string, ids: string[], note: string | null = null) =>
  decideRegistrations({ eventId, ids, decision: "decline", note }, asStaff(), ctx);

/** The token of the manage link in an email's text. */
const linkIn = (text: string) => /\/registrations\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe("a registration awaiting approval", () => {
  it("holds no seat: not in the seats left, the staff's figures, the dashboard, or the waitlist's promotion", async () => {
    const event = await approvalEvent(2);
    await registerMany(event.id, 3, "wait");
    const rows = await rowsOf(event.id);
    expect(rows.map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
    expect(rows.every((r) => r.confirmedAt === null && r.waitlistedAt === null)).toBe(true);
    expect(await getRegistrationAvailability(event.id)).toMatchObject({ capacity: 2, confirmed: 0, requiresApproval: true });
    expect(await registrationCounts(event.id)).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 0, pending: 3, declined: 0, checkedIn: 0, total: 3 });
    const dashboard = (await listStaffUpcomingEvents(now)).find((e) => e.slug === event.slug);
    expect(dashboard).toMatchObject({ confirmed: 0, waitlisted: 0, pending: 3 });

    // Staff who add someone by hand have decided: a seat at once, the usual email.
    const added = await registerForEvent(person(event.id, "by-hand"), asStaff(), ctx);
    expect(added).toMatchObject({ outcome: "created", registration: { status: "confirmed" } });
    expect(await kindsTo(person(event.id, "by-hand").email)).toEqual([REGISTRATION_EMAIL_KINDS.confirmed]);

    // A freed seat goes to the waitlist, never to a request under review.
    if (added.outcome !== "created") throw new Error("not created");
    const cancelled = await cancelRegistration({ id: added.registration.id }, asStaff(), ctx);
    expect(cancelled).toMatchObject({ outcome: "cancelled", promoted: [] });
    expect(count(await rowsOf(event.id), "pending")).toBe(3);
  });

  it("is emailed that the request is under review, with a link to withdraw it and no check-in code", async () => {
    const event = await approvalEvent(5);
    const input = person(event.id, "review");
    const result = await registerForEvent(input, asPublic, ctx);
    if (result.outcome !== "created") throw new Error("not created");
    expect(result.tookLastSeat).toBe(false);
    const [mail, ...more] = await mailTo(input.email);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ kind: REGISTRATION_EMAIL_KINDS.pending, subject: `Request received, under review: ${event.title}` });
    expect(mail!.text).toContain("it is under review");
    expect(mail!.text).toContain("No seat is held for you yet");
    expect(mail!.text).not.toContain(result.registration.checkInCode.slice(0, 4) + "-");
    expect(mail!.attachments).toEqual([]);
    expect(linkIn(mail!.text)).toBe(result.manageToken);

    // The link withdraws the request: plainly worded, with no place to pass on.
    const managed = await getManagedRegistration(hashManageToken(result.manageToken));
    expect(managed?.registration.status).toBe("pending");
    await expect(cancelMyRegistration({ token: result.manageToken })).rejects.toMatchObject({ digest: expect.stringContaining("cancelled=1") });
    const last = (await mailTo(input.email)).at(-1)!;
    expect(last.kind).toBe(REGISTRATION_EMAIL_KINDS.cancelled);
    expect(last.text).toContain("is withdrawn, as you asked");
    expect(last.text).not.toContain("your place goes");
  });

  it("is what the public form's action makes, with the same answer as ever", async () => {
    session.current = null;
    const event = await approvalEvent(5);
    const email = `approval-form-${event.id.slice(0, 8)}@example.org`;
    const state = await register(null, { slug: event.slug, name: "Ada", email, organization: "", category: "Academia", consent: true, website: "", idempotencyKey: crypto.randomUUID() });
    expect(state).toMatchObject({ status: "done", sentTo: email });
    expect((await rowsOf(event.id)).map((r) => r.status)).toEqual(["pending"]);
    expect(await kindsTo(email)).toEqual([REGISTRATION_EMAIL_KINDS.pending]);
  });

  it("tells an address that registers again where it stands: still under review, or declined (without a link)", async () => {
    const event = await approvalEvent(5);
    const first = await registerForEvent(person(event.id, "again"), asPublic, ctx);
    const again = await registerForEvent(person(event.id, "again"), asPublic, ctx);
    expect(again.outcome).toBe("already_registered");
    const email = person(event.id, "again").email;
    let mails = await mailTo(email);
    expect(mails.map((m) => m.kind)).toEqual([REGISTRATION_EMAIL_KINDS.pending, REGISTRATION_EMAIL_KINDS.already]);
    expect(mails[1]!.text).toContain("still under review");
    expect(linkIn(mails[1]!.text)).toBeTruthy();

    if (first.outcome !== "created") throw new Error("not created");
    await decline(event.id, [first.registration.id]);
    const third = await registerForEvent(person(event.id, "again"), asPublic, ctx);
    expect(third).toMatchObject({ outcome: "already_registered", manageToken: null });
    mails = await mailTo(email);
    expect(mails.map((m) => m.kind)).toEqual([
      REGISTRATION_EMAIL_KINDS.pending,
      REGISTRATION_EMAIL_KINDS.already,
      REGISTRATION_EMAIL_KINDS.declined,
      REGISTRATION_EMAIL_KINDS.already,
    ]);
    expect(mails[3]!.text).toContain("declined the earlier registration");
    expect(linkIn(mails[3]!.text)).toBeUndefined();
    expect(await rowsOf(event.id)).toHaveLength(1);
  });
});

describe("approving and declining", () => {
  it("approves one with a seat: the confirmation's code, calendar and QR, a new manage link, the staff's message, an audit row", async () => {
    const event = await approvalEvent(5);
    const [id] = await registerMany(event.id, 1, "one");
    const result = await approve(event.id, [id!], "Please bring your passport.\nDoors open at 9.");
    expect(result).toMatchObject({ outcome: "decided", seated: [{ id, status: "confirmed" }], waitlisted: [], unchanged: [], skipped: [] });
    const [row] = await rowsOf(event.id);
    expect(row!.confirmedAt).not.toBeNull();

    const mail = (await mailTo(row!.email)).at(-1)!;
    expect(mail.kind).toBe(REGISTRATION_EMAIL_KINDS.approved);
    expect(mail.subject).toBe(`Registration approved: ${event.title}`);
    expect(mail.text).toContain("has been approved: you have a seat");
    expect(mail.text).toContain(`Your check-in code: ${row!.checkInCode.slice(0, 4)}-${row!.checkInCode.slice(4)}`);
    expect(mail.text).toContain("A message from the organizers:\n\nPlease bring your passport.\nDoors open at 9.");
    expect(mail.html).toContain("Please bring your passport.<br>Doors open at 9.");
    expect(mail.attachments.map((a) => a.source?.kind)).toEqual(["calendar", "check_in_qr"]);
    const token = linkIn(mail.text)!;
    expect((await getManagedRegistration(hashManageToken(token)))?.registration).toMatchObject({ id, status: "confirmed" });

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id!), eq(auditLog.action, "registration.approve")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staffId, changes: { eventId: event.id, status: ["pending", "confirmed"], message: "Please bring your passport.\nDoors open at 9." } });
  });

  it("is idempotent: approving again, or at once from two places, emails nobody twice", async () => {
    const event = await approvalEvent(5);
    const ids = await registerMany(event.id, 3, "idem");
    const results = await Promise.all(Array.from({ length: 5 }, () => approve(event.id, ids)));
    const decided = results.map((r) => (r.outcome === "decided" ? r : null));
    expect(decided.reduce((n, r) => n + (r?.seated.length ?? 0), 0)).toBe(3);
    expect(decided.reduce((n, r) => n + (r?.unchanged.length ?? 0), 0)).toBe(12);
    const again = await approve(event.id, ids);
    expect(again).toMatchObject({ outcome: "decided", seated: [], waitlisted: [], unchanged: [{}, {}, {}] });
    for (const r of await rowsOf(event.id)) {
      expect(await kindsTo(r.email)).toEqual([REGISTRATION_EMAIL_KINDS.pending, REGISTRATION_EMAIL_KINDS.approved]);
    }
    const audit = await db.select().from(auditLog).where(and(inArray(auditLog.entityId, ids), eq(auditLog.action, "registration.approve")));
    expect(audit).toHaveLength(3);

    // Declining twice is the same: one email, one audit row.
    const [late] = await registerMany(event.id, 1, "late");
    await Promise.all([decline(event.id, [late!]), decline(event.id, [late!])]);
    expect(await decline(event.id, [late!])).toMatchObject({ outcome: "decided", declined: [], unchanged: [{ id: late }] });
    const [row] = await db.select().from(registrations).where(eq(registrations.id, late!));
    expect(await kindsTo(row!.email)).toEqual([REGISTRATION_EMAIL_KINDS.pending, REGISTRATION_EMAIL_KINDS.declined]);
  });

  it("seats exactly the seats left when 50 are approved at once, and puts the rest on the waitlist in the order they registered", async () => {
    const event = await approvalEvent(12);
    // Two seats are taken already, by people staff added.
    for (const label of ["seated-a", "seated-b"]) await registerForEvent(person(event.id, label), asStaff(), ctx);
    const ids = await registerMany(event.id, 50, "bulk");
    const result = await approve(event.id, [...ids].reverse(), "See you there.");
    if (result.outcome !== "decided") throw new Error(result.reason);
    expect(result.seated.map((r) => r.id)).toEqual(ids.slice(0, 10));
    expect(result.waitlisted.map((r) => r.id)).toEqual(ids.slice(10));

    const rows = await rowsOf(event.id);
    expect(count(rows, "confirmed")).toBe(12);
    expect(count(rows, "waitlisted")).toBe(40);
    expect(count(rows, "pending")).toBe(0);
    for (const [i, id] of ids.slice(10).entries()) expect(await waitlistPosition(id)).toBe(i + 1);

    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, id] of ids.entries()) {
      const mails = await mailTo(byId.get(id)!.email);
      expect(mails.map((m) => m.kind)).toEqual([
        REGISTRATION_EMAIL_KINDS.pending,
        i < 10 ? REGISTRATION_EMAIL_KINDS.approved : REGISTRATION_EMAIL_KINDS.approvedWaitlisted,
      ]);
      expect(mails[1]!.text).toContain("See you there.");
      if (i >= 10) {
        expect(mails[1]!.subject).toBe(`Registration approved, on the waitlist: ${event.title}`);
        expect(mails[1]!.text).toContain(`you are on the waitlist, number ${i - 9}.`);
        expect(mails[1]!.attachments.map((a) => a.source?.kind)).toEqual(["calendar"]);
      }
    }
  });

  it("keeps capacity under approvals, staff additions, public registrations and cancellations all at once", async () => {
    const event = await approvalEvent(10);
    const ids = await registerMany(event.id, 60, "rush");
    const batches = Array.from({ length: 6 }, (_, i) => ids.slice(i * 10, i * 10 + 10));
    const added = Array.from({ length: 8 }, (_, i) => person(event.id, `added${i}`));
    const arriving = Array.from({ length: 20 }, (_, i) => person(event.id, `arriving${i}`));
    const started = performance.now();
    const [decisions, additions, registered] = await Promise.all([
      Promise.all(batches.map((batch) => approve(event.id, batch))),
      Promise.all(added.map((p) => registerForEvent(p, asStaff(), ctx))),
      Promise.all(arriving.map((p) => registerForEvent(p, asPublic, ctx))),
    ]);
    console.info(`[approval] 6 approvals of 10, 8 staff additions and 20 registrations at once: ${Math.round(performance.now() - started)} ms`);
    expect(decisions.every((d) => d.outcome === "decided")).toBe(true);
    expect(additions.map((a) => a.outcome)).toEqual(Array(8).fill("created"));
    expect(registered.map((a) => a.outcome)).toEqual(Array(20).fill("created"));

    const rows = await rowsOf(event.id);
    expect(count(rows, "confirmed")).toBe(10);
    expect(count(rows, "waitlisted")).toBe(58);
    expect(count(rows, "pending")).toBe(20);
    const places = await Promise.all(rows.filter((r) => r.status === "waitlisted").map((r) => waitlistPosition(r.id)));
    expect(places.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 58 }, (_, i) => i + 1));
    // Everyone approved onto the waitlist was told their place as it is now.
    for (const r of rows.filter((r) => r.status === "waitlisted" && ids.includes(r.id))) {
      const [, approved, ...more] = await mailTo(r.email);
      expect(more).toHaveLength(0);
      expect(approved!.text).toContain(`you are on the waitlist, number ${await waitlistPosition(r.id)}.`);
    }

    // Cancellations and approvals at once: every freed seat goes to the waitlist, whoever waits for approval.
    const seated = rows.filter((r) => r.status === "confirmed").slice(0, 3);
    const pending = rows.filter((r) => r.status === "pending").map((r) => r.id);
    await Promise.all([...seated.map((r) => cancelRegistration({ id: r.id }, asStaff(), ctx)), approve(event.id, pending)]);
    const after = await rowsOf(event.id);
    expect(count(after, "confirmed")).toBe(10);
    expect(count(after, "waitlisted")).toBe(58 - 3 + 20);
    expect(count(after, "pending")).toBe(0);
  }, 120_000);

  it("declines with a message, keeps the address from registering again, and refuses to cancel what was declined", async () => {
    actAsStaff();
    const event = await approvalEvent(5);
    const first = await registerForEvent(person(event.id, "no"), asPublic, ctx);
    if (first.outcome !== "created") throw new Error("not created");
    const result = await decline(event.id, [first.registration.id], "The room holds delegations only.");
    expect(result).toMatchObject({ outcome: "decided", declined: [{ status: "declined" }] });
    const [row] = await rowsOf(event.id);
    expect(row!.declinedAt).not.toBeNull();
    const mail = (await mailTo(row!.email)).at(-1)!;
    expect(mail).toMatchObject({ kind: REGISTRATION_EMAIL_KINDS.declined, subject: `Registration declined: ${event.title}` });
    expect(mail.text).toContain("could not accept your registration");
    expect(mail.text).toContain("The room holds delegations only.");
    expect(linkIn(mail.text)).toBeUndefined();
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, "registration.decline")));
    expect(audit).toMatchObject({ actorId: staffId, changes: { status: ["pending", "declined"], message: "The room holds delegations only." } });

    // The manage page shows it; the link cannot undo it.
    expect((await getManagedRegistration(hashManageToken(first.manageToken)))?.registration.status).toBe("declined");
    await expect(cancelMyRegistration({ token: first.manageToken })).rejects.toMatchObject({ digest: expect.stringContaining("refused=declined") });
    expect(await cancelRegistration({ id: row!.id }, asStaff(), ctx)).toEqual({ outcome: "refused", reason: "declined" });
    // Staff adding the address by hand are pointed at the list.
    const added = await addRegistration({ eventId: event.id, name: "Again", email: row!.email, organization: "", category: "" });
    expect(added).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining("declined")] } });

    // Approving what was declined is a change of mind staff may make.
    expect(await approve(event.id, [row!.id])).toMatchObject({ seated: [{ status: "confirmed", declinedAt: null }] });
  });

  it("declines only what awaits approval, approves nothing cancelled, and ignores another event's registrations", async () => {
    const event = await approvalEvent(5);
    const other = await approvalEvent(5);
    const [a, b] = await registerMany(event.id, 2, "mixed");
    const [foreign] = await registerMany(other.id, 1, "foreign");
    await approve(event.id, [a!]);
    await cancelRegistration({ id: b! }, asPublic, ctx);
    expect(await decline(event.id, [a!, foreign!])).toMatchObject({ outcome: "decided", declined: [], skipped: [{ id: a }] });
    expect(await approve(event.id, [b!])).toMatchObject({ outcome: "decided", seated: [], skipped: [{ id: b }] });
    expect(await approve(event.id, [foreign!])).toEqual({ outcome: "refused", reason: "missing" });
    expect((await rowsOf(other.id))[0]!.status).toBe("pending");
  });

  it("refuses decisions once the event is cancelled or over", async () => {
    const event = await approvalEvent(5);
    const [id] = await registerMany(event.id, 1, "closed");
    await db.update(events).set({ status: "cancelled", cancelledAt: now }).where(eq(events.id, event.id));
    expect(await approve(event.id, [id!])).toEqual({ outcome: "refused", reason: "event_cancelled" });
    await db.update(events).set({ status: "scheduled", cancelledAt: null, startsAt: new Date(now.getTime() - 7200_000), endsAt: new Date(now.getTime() - 3600_000) }).where(eq(events.id, event.id));
    expect(await decline(event.id, [id!])).toEqual({ outcome: "refused", reason: "past" });
    expect((await rowsOf(event.id))[0]!.status).toBe("pending");
  });
});

describe("the staff's actions", () => {
  it("approve and decline from the list, one or many, and say what happened", async () => {
    actAsStaff();
    const event = await approvalEvent(1);
    const [a, b, c] = await registerMany(event.id, 3, "act");
    const one = await decideRegistrationsAsStaff({ eventId: event.id, ids: [a], decision: "approve", message: "" });
    expect(one).toEqual({ ok: true, data: undefined, message: "Person act0 approved, with a seat. They have been emailed." });
    const many = await decideRegistrationsAsStaff({ eventId: event.id, ids: [a, b], decision: "approve", message: "" });
    expect(many).toMatchObject({
      ok: true,
      message: "Person act1 approved onto the waitlist, as every seat is taken. They have been emailed. Person act0 was approved already; nobody was emailed again.",
    });
    const declined = await decideRegistrationsAsStaff({ eventId: event.id, ids: c, decision: "decline", message: "  Sorry.  " });
    expect(declined).toMatchObject({ ok: true, message: "Person act2 declined. They have been emailed." });
    expect((await mailTo(person(event.id, "act2").email)).at(-1)!.text).toContain("A message from the organizers:\n\nSorry.");

    expect(await decideRegistrationsAsStaff({ eventId: event.id, ids: [], decision: "approve" })).toMatchObject({
      ok: false,
      fieldErrors: { ids: ["Select at least one registration."] },
    });
    expect(await decideRegistrationsAsStaff({ eventId: event.id, ids: [a], decision: "approve", message: "x".repeat(1001) })).toMatchObject({
      ok: false,
      fieldErrors: { message: [expect.stringContaining("under 1000")] },
    });
  });

  it("switch approval on and off; pending registrations stay pending until decided, and the switch is audited", async () => {
    actAsStaff();
    const event = await makeScratchEvent("Approval test", now, 3);
    await registerMany(event.id, 1, "before");
    expect(await setApprovalMode({ eventId: event.id, mode: "approval" })).toMatchObject({ ok: true, message: expect.stringContaining("wait for your approval") });
    expect(await setApprovalMode({ eventId: event.id, mode: "approval" })).toMatchObject({ ok: true, message: "No changes to save." });
    await registerMany(event.id, 2, "during");
    const off = await setApprovalMode({ eventId: event.id, mode: "open" });
    expect(off).toMatchObject({ ok: true, message: expect.stringContaining("2 registrations await approval and stay so until you approve or decline them.") });
    await registerMany(event.id, 1, "after");
    expect((await rowsOf(event.id)).map((r) => [r.name, r.status])).toEqual([
      ["Person before0", "confirmed"],
      ["Person during0", "pending"],
      ["Person during1", "pending"],
      ["Person after0", "confirmed"],
    ]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, event.id), eq(auditLog.action, "event.approval_mode"))).orderBy(asc(auditLog.createdAt));
    expect(audit.map((a) => a.changes)).toEqual([
      { requiresApproval: [false, true], pending: 0 },
      { requiresApproval: [true, false], pending: 2 },
    ]);
    expect(await setApprovalMode({ eventId: event.id, mode: "sometimes" })).toMatchObject({ ok: false, fieldErrors: { mode: [expect.any(String)] } });
  });

  it("a registration that read the mode before it changed is sent back to read it again", async () => {
    const event = await makeScratchEvent("Approval test", now, 3);
    const [before] = await db.select({ updatedAt: events.updatedAt }).from(events).where(eq(events.id, event.id));
    // Staff switch the mode a moment after the form's registration read the event.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await changeApprovalMode(event.id, true, asStaff())).toMatchObject({ outcome: "changed" });
    const message = { subject: "Registration confirmed", text: "t", html: null, kind: REGISTRATION_EMAIL_KINDS.confirmed, attachments: [] };
    const stale = await registerPublicSeat({
      eventId: event.id,
      now,
      seenUpdatedAt: before!.updatedAt,
      name: "Early",
      email: "early@example.org",
      emailNormalized: "early@example.org",
      organization: null,
      category: "Academia",
      manageTokenHash: hashManageToken("early"),
      checkInCode: "EEEEEEEE",
      idempotencyKey: null,
      to: "early@example.org",
      confirmed: message,
      waitlisted: message,
      positionMarker: "MARKER",
    });
    expect(stale).toEqual({ outcome: "stale" });
    // The whole registration then writes the pending row with the email that says so.
    await registerForEvent(person(event.id, "early"), asPublic, ctx);
    expect((await rowsOf(event.id)).map((r) => r.status)).toEqual(["pending"]);
    expect(await kindsTo(person(event.id, "early").email)).toEqual([REGISTRATION_EMAIL_KINDS.pending]);
  });

  it("validate with the form's schema: one ticked box from a plain form, and only plain text in the message", () => {
    const id = crypto.randomUUID();
    const eventId = crypto.randomUUID();
    expect(registrationDecisionSchema.parse({ eventId, ids: id, decision: "decline", message: "" })).toEqual({ eventId, ids: [id], decision: "decline", message: null });
    expect(registrationDecisionSchema.safeParse({ eventId, ids: [id], decision: "approve", message: "a\u0000b" }).success).toBe(false);
    expect(registrationDecisionSchema.safeParse({ eventId, ids: [id], decision: "maybe" }).success).toBe(false);
  });
});

describe("everyone else's view", () => {
  it("lists pending and declined registrations under their own filters, and pages through them by status", async () => {
    const event = await approvalEvent(5);
    const ids = await registerMany(event.id, 4, "list");
    await decline(event.id, [ids[0]!]);
    await approve(event.id, [ids[1]!]);
    const pending = await listRegistrationsPage(event.id, { status: "pending", sort: "status", pageSize: 1 });
    expect(pending.rows.map((r) => r.status)).toEqual(["pending"]);
    const next = await listRegistrationsPage(event.id, { status: "pending", sort: "status", pageSize: 1, after: pending.next! });
    expect(next.rows.map((r) => r.status)).toEqual(["pending"]);
    expect(next.rows[0]!.id).not.toBe(pending.rows[0]!.id);
    expect((await listRegistrationsPage(event.id, { status: "declined", sort: "created_desc", pageSize: 10 })).rows.map((r) => r.id)).toEqual([ids[0]]);
  });

  it("emails a new time to those waiting for a decision, and nothing to those declined", async () => {
    actAsStaff();
    const event = await approvalEvent(5);
    const [a, b] = await registerMany(event.id, 2, "moved");
    await decline(event.id, [b!]);
    const moved = await updateEvent({ ...eventFormValues(event), id: event.id, startTime: "17:30" });
    expect(moved).toMatchObject({ ok: true, message: expect.stringContaining("1 registered person was emailed") });
    const rows = await db.select().from(registrations).where(inArray(registrations.id, [a!, b!]));
    const waiting = rows.find((r) => r.id === a)!;
    const last = (await mailTo(waiting.email)).at(-1)!;
    expect(last.kind).toBe(REGISTRATION_EMAIL_KINDS.detailsChanged);
    expect(last.text).toContain("Your request is still under review.");
    expect((await mailTo(rows.find((r) => r.id === b)!.email)).at(-1)!.kind).toBe(REGISTRATION_EMAIL_KINDS.declined);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.kind, REGISTRATION_EMAIL_KINDS.detailsChanged)))[0]!.n).toBeGreaterThan(0);
  });
});
