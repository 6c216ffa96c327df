import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eraseMyRegistration } from "@/app/(public)/registrations/[token]/actions";
import { saveRetention } from "@/app/(staff)/admin/settings/actions";
import { exportColumns } from "@/app/(staff)/admin/events/[id]/registrations/export.csv/columns";
import { countCheckedIn } from "@/db/queries/check-in";
import { listEventsPage, listStaffUpcomingEvents } from "@/db/queries/events";
import { enqueueEmail, retryMessage } from "@/db/queries/outbox";
import { getPublishedSummary } from "@/db/queries/published-summaries";
import { getManagedRegistration, getRegistrationAvailability } from "@/db/queries/public-registrations";
import { doorCounts, listRegistrationsForExport, registrationCounts, registrationsPerHour, searchForCheckIn } from "@/db/queries/registration-lists";
import { draftInputForEvent } from "@/db/queries/summaries";
import {
  auditLog,
  events,
  outbox,
  registrationFeedback,
  registrationManageTokens,
  registrationReminders,
  registrations,
  settings,
  users,
} from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_RETENTION_MONTHS } from "@/db/seed";
import { REGISTRATION_REMOVED_TEXT, REGISTRATION_REMOVED_WITHDRAWN } from "@/lib/email/visibility";
import { registrationActivity } from "@/lib/registration-activity";
import { setCheckedIn } from "@/lib/registration/check-in";
import { type RegistrationContext, registrationContext } from "@/lib/registration/context";
import { eraseOwnRegistration } from "@/lib/registration/erase";
import { anonymizeRegistration, anonymizeRegistrations, applyRetention, countDue, retentionCutoff } from "@/lib/registration/retention";
import { registerForEvent } from "@/lib/registration/seats";
import { hashManageToken } from "@/lib/registration/tokens";
import { closeDb, db, resetWithDemo } from "./support/db";
import { scratchEvent as makeScratchEvent } from "./support/scratch-event";
import { actAs } from "./support/session";
import { registrants } from "./support/registrant";

const DAY = 86_400_000;
const now = new Date();
let ctx: RegistrationContext;
let staffId: string;
const asPublic = { kind: "public" as const, client: null };
const asStaff = () => ({ kind: "staff" as const, userId: staffId, client: { address: "198.51.100.7", userAgent: "staff browser" } });

beforeAll(async () => {
  await resetWithDemo(now);
  ctx = await registrationContext(now);
  const [staff] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.staff));
  staffId = staff!.id;
});
afterAll(closeDb);

const setMonths = (months: number) => db.update(settings).set({ registrationRetentionMonths: months }).where(eq(settings.id, 1));

const upcoming = (capacity: number | null, extra: Partial<typeof events.$inferInsert> = {}) => makeScratchEvent("Privacy test", now, capacity, extra);

/** An event that ended at `endsAt` (scheduled, 90 minutes long). */
async function pastEvent(endsAt: Date, label = "Held privacy test") {
  return makeScratchEvent(label, now, null, { startsAt: new Date(endsAt.getTime() - 90 * 60_000), endsAt });
}

const person = registrants({ email: "Privacy.", name: "Privacy Person", organization: "Mission of Examples", domain: "Example.org" });

/** Registers someone as the public does and returns the registration and its manage link's token. */
async function registerPublic(eventId: string, label: string) {
  const result = await registerForEvent(person(eventId, label), asPublic, ctx);
  if (result.outcome !== "created") throw new Error(`not created: ${result.outcome}`);
  return { id: result.registration.id, token: result.manageToken, email: result.registration.email, name: result.registration.name };
}

/** A registration written as it stood after the event (the seed's way): confirmed, checked in unless told. */
async function heldRegistration(eventId: string, label: string, extra: Partial<typeof registrations.$inferInsert> = {}) {
  const email = `held.${label}-${eventId.slice(0, 8)}@example.org`;
  const createdAt = new Date(now.getTime() - 900 * DAY);
  const [row] = await db
    .insert(registrations)
    .values({
      eventId,
      name: `Held Person ${label}`,
      email,
      emailNormalized: email,
      organization: "Held Org",
      category: "Academia",
      answers: { q1: "vegetarian" },
      status: "confirmed",
      manageTokenHash: hashManageToken(`held-${label}-${crypto.randomUUID()}`),
      checkInCode: `H${crypto.randomUUID().replace(/-/g, "").slice(0, 7).toUpperCase()}`,
      consentAt: createdAt,
      confirmedAt: createdAt,
      checkedInAt: new Date(createdAt.getTime() + DAY),
      createdAt,
      ...extra,
    })
    .returning();
  return row!;
}

const row = async (id: string) => (await db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
const mailTo = (address: string) => db.select().from(outbox).where(eq(outbox.to, address.toLowerCase())).orderBy(asc(outbox.createdAt));
const mailAboutRemoved = (id: string) => db.select().from(outbox).where(eq(outbox.to, `removed+${id}@invalid`));
/** Every audit row, as text: personal data must not be found in it. */
const auditText = async () => JSON.stringify(await db.select().from(auditLog));

/** What every count the staff and the public pages read says about an event. */
async function countsOf(eventId: string, timeZone: string) {
  const [counts, checkedIn, door, perHour, draft, availability, published, dashboard, catalogue] = await Promise.all([
    registrationCounts(eventId),
    countCheckedIn(eventId),
    doorCounts(eventId),
    registrationsPerHour(eventId, timeZone),
    draftInputForEvent(eventId),
    getRegistrationAvailability(eventId),
    getPublishedSummary(eventId),
    listStaffUpcomingEvents(now, 500),
    listEventsPage({ page: 1, pageSize: 500, now }),
  ]);
  const upcomingRow = dashboard.find((e) => e.id === eventId);
  const catalogueRow = catalogue.rows.find((e) => e.id === eventId);
  return {
    counts,
    checkedIn,
    door,
    perHour,
    activity: registrationActivity(perHour, "2030-01-01"),
    attendance: draft?.attendance,
    seatsTaken: availability?.confirmed,
    publishedAttendance: published?.summary.attendanceCount ?? null,
    dashboard: upcomingRow ? { confirmed: upcomingRow.confirmed, waitlisted: upcomingRow.waitlisted } : null,
    catalogue: catalogueRow?.confirmed ?? null,
  };
}

describe("the retention cutoff", () => {
  it.each([
    ["2026-11-30T21:00:00.000Z", 24, "2024-11-30T21:00:00.000Z"],
    ["2026-03-31T08:15:00.000Z", 1, "2026-02-28T08:15:00.000Z"],
    ["2028-03-31T08:15:00.000Z", 1, "2028-02-29T08:15:00.000Z"],
    ["2026-01-15T00:00:00.000Z", 13, "2024-12-15T00:00:00.000Z"],
    ["2026-05-31T23:59:59.999Z", 240, "2006-05-31T23:59:59.999Z"],
  ])("%s less %i months is %s", (at, months, expected) => {
    expect(retentionCutoff(new Date(at), months).toISOString()).toBe(expected);
  });
});

describe("anonymizing a registration", () => {
  beforeEach(() => setMonths(DEMO_RETENTION_MONTHS));

  it("removes the person's details, links, comment and emails, and keeps status, times and every count", async () => {
    const event = await upcoming(2);
    const a = await registerPublic(event.id, "a");
    const b = await registerPublic(event.id, "b");
    const c = await registerPublic(event.id, "c"); // waitlisted
    await setCheckedIn(a.id, true, asStaff());
    // A second link (sent again on a repeat registration), feedback, a reminder and a message about another event.
    const again = await registerForEvent(person(event.id, "a"), asPublic, ctx);
    expect(again.outcome).toBe("already_registered");
    const secondToken = again.outcome === "already_registered" ? again.manageToken! : "";
    await db.insert(registrationFeedback).values({ registrationId: a.id, eventId: event.id, rating: 4, comment: "Loved the panel, Privacy Person a" });
    await db.insert(registrationReminders).values({ registrationId: a.id, offsetKey: "1d", startsAt: event.startsAt });
    const other = await upcoming(null);
    await registerForEvent(person(other.id, "a", { email: a.email }), asPublic, ctx);

    const before = await countsOf(event.id, event.timeZone);
    const original = await row(a.id);
    const mailBefore = await mailTo(a.email);
    expect(mailBefore.map((m) => m.subject)).toEqual([
      `Registration confirmed: ${event.title}`,
      `You are already registered: ${event.title}`,
      `Registration confirmed: ${other.title}`,
    ]);

    const done = await db.transaction((tx) => anonymizeRegistration(tx, a.id, now));
    expect(done).toEqual({ registrations: 1, messages: 2 });

    const after = await row(a.id);
    expect(after).toMatchObject({
      name: "Removed",
      email: `removed+${a.id}@invalid`,
      emailNormalized: `removed+${a.id}@invalid`,
      organization: null,
      answers: {},
      idempotencyKey: null,
      // Kept: what the counts read.
      status: original.status,
      category: original.category,
      checkInCode: original.checkInCode,
      createdAt: original.createdAt,
      confirmedAt: original.confirmedAt,
      checkedInAt: original.checkedInAt,
      waitlistedAt: original.waitlistedAt,
      consentAt: original.consentAt,
    });
    expect(after.anonymizedAt).toEqual(now);
    expect(await countsOf(event.id, event.timeZone)).toEqual(before);

    // No link works any more, the first or a later one.
    expect(await getManagedRegistration(hashManageToken(a.token))).toBeUndefined();
    expect(await getManagedRegistration(hashManageToken(secondToken))).toBeUndefined();
    expect(await db.select().from(registrationManageTokens).where(eq(registrationManageTokens.registrationId, a.id))).toEqual([]);
    // The rating stays for the event's figures; the comment goes.
    expect(await db.select({ rating: registrationFeedback.rating, comment: registrationFeedback.comment }).from(registrationFeedback).where(eq(registrationFeedback.registrationId, a.id))).toEqual([
      { rating: 4, comment: null },
    ]);
    expect(await db.select({ n: count() }).from(registrationReminders).where(eq(registrationReminders.registrationId, a.id))).toEqual([{ n: 1 }]);

    // The two messages about this registration lost their text and recipient; the other event's message is untouched.
    const left = await mailTo(a.email);
    expect(left.map((m) => m.subject)).toEqual([`Registration confirmed: ${other.title}`]);
    expect(left[0]!.text).toContain("Privacy Person a");
    const removed = await mailAboutRemoved(a.id);
    expect(removed).toHaveLength(2);
    for (const m of removed) {
      expect(m).toMatchObject({ text: REGISTRATION_REMOVED_TEXT, html: null, attachments: [] });
      expect(m.redactedAt).toEqual(now);
      // Without a mail server they were still waiting: now they never go.
      expect(m).toMatchObject({ status: "failed", lastError: REGISTRATION_REMOVED_WITHDRAWN, claimToken: null });
      expect(await retryMessage(m.id)).toBe(false);
    }
    // The others keep everything.
    expect((await row(b.id)).name).toBe("Privacy Person b");
    expect((await row(c.id)).status).toBe("waitlisted");
    expect(await mailTo(b.email)).toHaveLength(1);

    // Staff see "Removed", and the export carries nothing personal.
    const exported = await listRegistrationsForExport(event.id, { sort: "created_asc" });
    const mine = exported.find((r) => r.id === a.id)!;
    expect(mine).toMatchObject({ name: "Removed", email: "", organization: null, category: "Government" });
    expect(mine.anonymizedAt).toEqual(now);
    const cells = exportColumns(event.timeZone).cells(mine);
    expect(cells.slice(0, 3)).toEqual(["Removed", "", null]);
    expect(JSON.stringify(cells)).not.toMatch(/privacy\.a|Privacy Person a|Mission of Examples|removed\+/i);
    const door = await searchForCheckIn(event.id, "removed");
    expect(door.people.map((p) => ({ name: p.name, email: p.email }))).toEqual([{ name: "Removed", email: "" }]);

    // Again: nothing left to remove, nothing changes.
    expect(await db.transaction((tx) => anonymizeRegistration(tx, a.id, new Date()))).toEqual({ registrations: 0, messages: 0 });
    expect(await row(a.id)).toEqual(after);
  });

  it("drops the person's details from the audit rows about the registration, and the address of their own actions", async () => {
    const event = await upcoming(null);
    const added = await registerForEvent(person(event.id, "audited"), asStaff(), ctx);
    if (added.outcome !== "created") throw new Error("not created");
    const id = added.registration.id;
    await db.insert(auditLog).values({ actorId: null, action: "registration.cancel_self", entityType: "registration", entityId: id, ip: "203.0.113.9", userAgent: "their phone", changes: { status: ["confirmed", "cancelled"] } });
    expect(await auditText()).toContain(added.registration.email);

    await db.transaction((tx) => anonymizeRegistration(tx, id));
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "registration"), eq(auditLog.entityId, id))).orderBy(asc(auditLog.createdAt));
    const staffRow = rows.find((r) => r.action === "registration.add")!;
    expect(staffRow.changes).toEqual({ eventId: event.id, status: "confirmed" });
    // The staff member's own address stays; the registrant's goes.
    expect(staffRow.ip).toBe("198.51.100.7");
    expect(rows.find((r) => r.action === "registration.cancel_self")).toMatchObject({ ip: null, userAgent: null, changes: { status: ["confirmed", "cancelled"] } });
    const text = await auditText();
    expect(text).not.toContain(added.registration.email);
    expect(text).not.toContain("Privacy Person audited");
  });
});

describe("the retention run", () => {
  it("anonymizes the registrations of events that ended more than the period ago, and keeps their counts", async () => {
    // The demo's meeting of March 2024 is kept at the demo's ten years.
    await setMonths(DEMO_RETENTION_MONTHS);
    expect((await countDue(now)).due).toBe(0);
    expect(await applyRetention(now)).toMatchObject({ registrations: 0, months: DEMO_RETENTION_MONTHS });

    const [held] = await db.select().from(events).where(eq(events.slug, "wps-innovation-4-from-the-united-nations"));
    const before = await countsOf(held!.id, held!.timeZone);
    expect(before.counts).toMatchObject({ confirmed: 92, checkedIn: 92 });
    expect(before.attendance).toBe(92);

    await setMonths(24);
    const due = await countDue(now);
    expect(due.due).toBeGreaterThanOrEqual(92);
    const run = await applyRetention(now, { batchSize: 40 });
    expect(run.registrations).toBe(due.due);
    expect(await countsOf(held!.id, held!.timeZone)).toEqual(before);
    const names = await db.selectDistinct({ name: registrations.name }).from(registrations).where(eq(registrations.eventId, held!.id));
    expect(names).toEqual([{ name: "Removed" }]);
    expect((await countDue(now)).due).toBe(0);

    // One audit row for the run, with its numbers and no one's details.
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "registration.retention")).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit).toMatchObject({ actorId: null, entityType: "registration", entityId: null, ip: null });
    expect(audit!.changes).toMatchObject({ anonymized: run.registrations, retentionMonths: 24, endedBefore: run.cutoff.toISOString() });
    expect(JSON.stringify(audit)).not.toMatch(/attendee\d|@example\.org/);
  });

  it("takes only events that ended before the cutoff: the boundary itself is kept", async () => {
    await setMonths(12);
    const cutoff = retentionCutoff(now, 12);
    const older = await pastEvent(new Date(cutoff.getTime() - 1));
    const exactly = await pastEvent(cutoff);
    const newer = await pastEvent(new Date(cutoff.getTime() + 1));
    const recent = await pastEvent(new Date(now.getTime() - DAY));
    const [o, e, n, r] = await Promise.all([older, exactly, newer, recent].map((ev, i) => heldRegistration(ev.id, `boundary-${i}`)));
    const run = await applyRetention(now);
    expect(run.cutoff).toEqual(cutoff);
    expect(run.registrations).toBe(1);
    expect((await row(o!.id)).anonymizedAt).toEqual(now);
    for (const kept of [e!, n!, r!]) expect((await row(kept.id)).anonymizedAt).toBeNull();

    // A shorter period reaches further.
    await setMonths(1);
    expect((await applyRetention(now)).registrations).toBe(2);
    expect((await row(r!.id)).anonymizedAt).toBeNull();
  });

  it("is idempotent: a second run finds nothing and writes no audit row", async () => {
    await setMonths(6);
    const event = await pastEvent(new Date(now.getTime() - 400 * DAY));
    const rows = await Promise.all(Array.from({ length: 3 }, (_, i) => heldRegistration(event.id, `idem-${i}`)));
    expect((await applyRetention(now)).registrations).toBe(3);
    const snapshot = await db.select().from(registrations).where(inArray(registrations.id, rows.map((r) => r.id))).orderBy(asc(registrations.id));
    const audits = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "registration.retention")))[0]!.n;

    expect(await applyRetention(new Date(now.getTime() + DAY))).toMatchObject({ registrations: 0, messages: 0 });
    expect(await db.select().from(registrations).where(inArray(registrations.id, rows.map((r) => r.id))).orderBy(asc(registrations.id))).toEqual(snapshot);
    expect((await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "registration.retention")))[0]!.n).toBe(audits);
  });

  it("runs side by side without doing any registration twice", async () => {
    await setMonths(6);
    const event = await pastEvent(new Date(now.getTime() - 300 * DAY));
    const rows = await Promise.all(Array.from({ length: 60 }, (_, i) => heldRegistration(event.id, `together-${i}`)));
    // Messages to two of them, found and emptied once.
    for (const r of rows.slice(0, 2)) {
      await db.update(outbox).set({ createdAt: r.createdAt }).where(eq(outbox.id, await enqueueEmail({ to: r.email, subject: `Registration confirmed: ${event.title}`, text: "Dear you", kind: "registration_confirmed" })));
    }
    const auditsBefore = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "registration.retention")))[0]!.n;

    const runs = await Promise.all([1, 2, 3].map(() => applyRetention(now, { batchSize: 7 })));
    expect(runs.reduce((sum, r) => sum + r.registrations, 0)).toBe(60);
    expect(runs.reduce((sum, r) => sum + r.messages, 0)).toBe(2);
    const left = await db.select({ n: count() }).from(registrations).where(and(eq(registrations.eventId, event.id), sql`${registrations.anonymizedAt} is null`));
    expect(left).toEqual([{ n: 0 }]);
    // One row per run that did anything, whose numbers add up.
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "registration.retention")).orderBy(desc(auditLog.createdAt)).limit(10);
    const mine = audits.slice(0, (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "registration.retention")))[0]!.n - auditsBefore);
    expect(mine.reduce((sum, a) => sum + Number((a.changes as { anonymized: number }).anonymized), 0)).toBe(60);
    expect(mine.length).toBeLessThanOrEqual(3);
  });
});

describe("deleting one's own registration data", () => {
  beforeEach(() => setMonths(DEMO_RETENTION_MONTHS));

  it("cancels an upcoming seat first, promotes the waitlist, and leaves no working link and no personal data in the log", async () => {
    const event = await upcoming(1);
    const a = await registerPublic(event.id, "seat");
    const b = await registerPublic(event.id, "waiting");
    expect((await row(b.id)).status).toBe("waitlisted");
    const before = await registrationCounts(event.id);

    const result = await eraseOwnRegistration(hashManageToken(a.token), ctx);
    expect(result).toMatchObject({ outcome: "erased", registrationId: a.id, cancelled: true, promoted: 1 });

    const after = await row(a.id);
    expect(after).toMatchObject({ status: "cancelled", name: "Removed", email: `removed+${a.id}@invalid`, organization: null });
    expect(after.cancelledAt).not.toBeNull();
    expect(after.anonymizedAt).not.toBeNull();
    // The seat went to the next person, who was emailed as a cancellation would have it.
    expect((await row(b.id)).status).toBe("confirmed");
    expect((await mailTo(b.email)).map((m) => m.kind)).toEqual(["registration_waitlisted", "registration_promoted"]);
    expect(await registrationCounts(event.id)).toEqual({ ...before, confirmed: 1, waitlisted: 0, cancelled: before.cancelled + 1 });
    // No cancellation email (it would need the address just removed); the confirmation lost its text and recipient.
    expect(await mailTo(a.email)).toEqual([]);
    expect((await mailAboutRemoved(a.id)).map((m) => [m.kind, m.text])).toEqual([["registration_confirmed", REGISTRATION_REMOVED_TEXT]]);

    // The link is dead: the page finds nothing, and a second try says so.
    expect(await getManagedRegistration(hashManageToken(a.token))).toBeUndefined();
    expect(await eraseOwnRegistration(hashManageToken(a.token), ctx)).toEqual({ outcome: "missing" });

    // Audited by registration id alone.
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "registration"), eq(auditLog.entityId, a.id)));
    expect(rows.map((r) => r.action).sort()).toEqual(["registration.cancel_self", "registration.erase_self"]);
    expect(rows.find((r) => r.action === "registration.erase_self")).toMatchObject({ actorId: null, ip: null, userAgent: null, changes: { eventId: event.id, cancelled: true, messages: 1 } });
    const promote = await db.select().from(auditLog).where(and(eq(auditLog.action, "registration.promote"), eq(auditLog.entityId, b.id)));
    expect(promote).toMatchObject([{ ip: null }]);
    const text = await auditText();
    expect(text).not.toContain(a.email);
    expect(text).not.toContain(a.name);
  });

  it("sent three times at once, erases once and promotes once", async () => {
    const event = await upcoming(1);
    const a = await registerPublic(event.id, "thrice");
    const b = await registerPublic(event.id, "thrice-next");
    const c = await registerPublic(event.id, "thrice-after");
    const results = await Promise.all([1, 2, 3].map(() => eraseOwnRegistration(hashManageToken(a.token), ctx)));
    expect(results.map((r) => r.outcome).sort()).toEqual(["erased", "missing", "missing"]);
    expect(await registrationCounts(event.id)).toMatchObject({ confirmed: 1, waitlisted: 1, cancelled: 1 });
    expect((await row(b.id)).status).toBe("confirmed");
    expect((await row(c.id)).status).toBe("waitlisted");
    expect(await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "registration.erase_self"), eq(auditLog.entityId, a.id)))).toEqual([{ n: 1 }]);
  });

  it("takes a waitlisted person off the waitlist without promoting anyone", async () => {
    const event = await upcoming(1);
    await registerPublic(event.id, "seated");
    const w = await registerPublic(event.id, "listed");
    const result = await eraseOwnRegistration(hashManageToken(w.token), ctx);
    expect(result).toMatchObject({ outcome: "erased", cancelled: true, promoted: 0 });
    expect(await row(w.id)).toMatchObject({ status: "cancelled", name: "Removed" });
    expect(await registrationCounts(event.id)).toMatchObject({ confirmed: 1, waitlisted: 0, cancelled: 1 });
  });

  it("only anonymizes a registration of a past event: it stays confirmed and checked in, and the attendance stays", async () => {
    const event = await pastEvent(new Date(now.getTime() - 2 * DAY));
    const r = await heldRegistration(event.id, "past-self");
    const token = `${"p".repeat(40)}abc`;
    await db.update(registrations).set({ manageTokenHash: hashManageToken(token) }).where(eq(registrations.id, r.id));
    const attendance = await countCheckedIn(event.id);

    expect(await eraseOwnRegistration(hashManageToken(token), ctx)).toMatchObject({ outcome: "erased", cancelled: false, promoted: 0 });
    expect(await row(r.id)).toMatchObject({ status: "confirmed", checkedInAt: r.checkedInAt, name: "Removed", answers: {} });
    expect(await countCheckedIn(event.id)).toBe(attendance);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "registration.erase_self"), eq(auditLog.entityId, r.id)))).toMatchObject([
      { changes: { cancelled: false }, ip: null },
    ]);
  });

  it("keeps a checked-in seat of an event under way, and only anonymizes it", async () => {
    const event = await upcoming(5);
    const a = await registerPublic(event.id, "arrived");
    await setCheckedIn(a.id, true, asStaff());
    expect(await eraseOwnRegistration(hashManageToken(a.token), ctx)).toMatchObject({ outcome: "erased", cancelled: false });
    expect(await row(a.id)).toMatchObject({ status: "confirmed", name: "Removed" });
    expect(await countCheckedIn(event.id)).toBe(1);
  });

  it("runs from the manage page's form: the box must be ticked, then the page of the outcome", async () => {
    const event = await upcoming(3);
    const a = await registerPublic(event.id, "form");
    const form = (values: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(values)) data.set(k, v);
      return data;
    };
    const digestOf = async (call: Promise<unknown>) => {
      try {
        await call;
      } catch (error) {
        return String((error as { digest?: unknown }).digest ?? error);
      }
      return "returned";
    };

    // Without the box: back to the page with the reason, and nothing changed.
    expect(await digestOf(eraseMyRegistration(form({ token: a.token })))).toContain(`/registrations/${a.token}?erase=unconfirmed#erase-heading`);
    expect(await row(a.id)).toMatchObject({ status: "confirmed", anonymizedAt: null });
    // A link that is not one: not found.
    expect(await digestOf(eraseMyRegistration(form({ token: "nope", confirm: "on" })))).toContain("NEXT_HTTP_ERROR_FALLBACK;404");

    expect(await digestOf(eraseMyRegistration(form({ token: a.token, confirm: "on" })))).toContain("/registrations/deleted?cancelled=1");
    expect(await row(a.id)).toMatchObject({ status: "cancelled", name: "Removed" });
    // Sent again (a second click, the back button): the link no longer names anything.
    expect(await digestOf(eraseMyRegistration(form({ token: a.token, confirm: "on" })))).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("leaves the counts as a cancellation leaves them", async () => {
    const event = await upcoming(2);
    const [a, b] = [await registerPublic(event.id, "count-a"), await registerPublic(event.id, "count-b")];
    await registerPublic(event.id, "count-c");
    await eraseOwnRegistration(hashManageToken(a.token), ctx);
    const counts = await countsOf(event.id, event.timeZone);
    expect(counts.counts).toMatchObject({ confirmed: 2, waitlisted: 0, cancelled: 1, total: 3 });
    expect(counts.dashboard).toEqual({ confirmed: 2, waitlisted: 0 });
    // Anonymizing the others too changes no number.
    await db.transaction((tx) => anonymizeRegistrations(tx, [b.id]));
    expect(await countsOf(event.id, event.timeZone)).toEqual(counts);
  });
});

describe("the retention setting", () => {
  beforeAll(() => actAs(DEMO_ACCOUNTS.admin));
  afterAll(() => actAs(null));

  it("is saved by an admin and audited; the next run uses it", async () => {
    await setMonths(24);
    expect(await saveRetention({ registrationRetentionMonths: "36" })).toMatchObject({ ok: true, message: "Retention period saved. The next daily run applies it." });
    expect((await db.select().from(settings))[0]!.registrationRetentionMonths).toBe(36);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "settings.retention")).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit!.changes).toEqual({ registrationRetentionMonths: [24, 36] });
    expect((await countDue(now)).months).toBe(36);
    expect(await saveRetention({ registrationRetentionMonths: 36 })).toMatchObject({ ok: true, message: "No changes to save." });
  });

  it.each(["0", "241", "1.5", "", "twelve"])("refuses %j in plain words and changes nothing", async (value) => {
    await setMonths(24);
    const result = await saveRetention({ registrationRetentionMonths: value });
    expect(result).toMatchObject({ ok: false, fieldErrors: { registrationRetentionMonths: ["Enter a whole number of months from 1 to 240, like 24."] } });
    expect((await db.select().from(settings))[0]!.registrationRetentionMonths).toBe(24);
  });
});
