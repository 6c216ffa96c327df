import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerPublicSeat, waitlistPosition } from "@/db/queries/registrations";
import { events, outbox, registrations, users } from "@/db/schema";
import { REGISTRATION_EMAIL_KINDS } from "@/lib/email/registration-emails";
import { type RegistrationContext, registrationContext } from "@/lib/registration/context";
import { decideRegistrations } from "@/lib/registration/approval";
import { registerForEvent } from "@/lib/registration/seats";
import { hashManageToken } from "@/lib/registration/tokens";
import { closeDb, db, resetWithDemo } from "./support/db";
import { scratchEvent as makeScratchEvent } from "./support/scratch-event";
import { registrants } from "./support/registrant";

// The common public registration is one call of the database function register_public_seat
// (drizzle/0004_registration_seat_function.sql). These tests hold it to what the transaction did.

const now = new Date();
let ctx: RegistrationContext;

beforeAll(async () => {
  await resetWithDemo(now);
  ctx = await registrationContext(now);
});
afterAll(closeDb);

/** A scheduled event a month ahead, open for registration, with `capacity` seats. */
const scratchEvent = (capacity: number | null, requiresApproval = false) => makeScratchEvent("Seat function test", now, capacity, { requiresApproval });

const person = registrants({ email: "Seat-", category: "Academia", domain: "Example.org" });

const rowsOf = (eventId: string) => db.select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(asc(registrations.createdAt));
const mailTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email.toLowerCase()));

/** The column list of `insert into <table> (...)` in the function's source. */
async function insertedColumns(table: string): Promise<string[]> {
  const rows = await db.select({ src: sql<string>`prosrc` }).from(sql`pg_proc`).where(sql`proname = 'register_public_seat'`);
  expect(rows).toHaveLength(1);
  const match = new RegExp(`insert into ${table}\\s*\\(([^)]*)\\)`, "i").exec(rows[0]!.src);
  expect(match, `the function inserts into ${table}`).not.toBeNull();
  return match![1]!.split(",").map((c) => c.trim().replace(/"/g, ""));
}

const columnNames = (table: Parameters<typeof getTableColumns>[0]) => Object.values(getTableColumns(table)).map((c) => c.name);

describe("register_public_seat", () => {
  it("seats exactly 80 of 200 simultaneous registrations, numbers the waitlist 1 to 120 in its emails, one email each", async () => {
    const event = await scratchEvent(80);
    const inputs = Array.from({ length: 200 }, (_, i) => person(event.id, i));
    const results = await Promise.all(inputs.map((input) => registerForEvent(input, { kind: "public", client: null }, ctx)));

    expect(results.map((r) => r.outcome)).toEqual(Array(200).fill("created"));
    expect(results.filter((r) => r.outcome === "created" && r.tookLastSeat)).toHaveLength(1);
    const rows = await rowsOf(event.id);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(80);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(120);
    // Every answer is backed by its row, as the database holds it, column for column.
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of results) {
      if (r.outcome !== "created") throw new Error("not created");
      expect(r.registration).toEqual(byId.get(r.registration.id));
      expect(r.registration.manageTokenHash).toBe(hashManageToken(r.manageToken));
    }
    expect(new Set(rows.map((r) => r.checkInCode)).size).toBe(200);

    const places = new Map<string, number>();
    for (const r of rows.filter((r) => r.status === "waitlisted")) places.set(r.emailNormalized, (await waitlistPosition(r.id))!);
    expect([...places.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));

    const messages = await db.select().from(outbox).where(sql`${outbox.to} like ${`%-${event.id.slice(0, 8)}@example.org`}`);
    expect(messages).toHaveLength(200);
    expect(new Set(messages.map((m) => m.to)).size).toBe(200);
    for (const m of messages) {
      const row = rows.find((r) => r.emailNormalized === m.to)!;
      expect(m.kind).toBe(row.status === "confirmed" ? REGISTRATION_EMAIL_KINDS.confirmed : REGISTRATION_EMAIL_KINDS.waitlisted);
      expect(`${m.subject}${m.text}${m.html}`).not.toMatch(/WAITLIST[0-9A-F]{24}/);
      if (row.status === "confirmed") {
        expect(m.text).toContain(row.checkInCode.slice(0, 4));
        expect(m.attachments.map((a) => a.source?.kind)).toEqual(["calendar", "check_in_qr"]);
      } else {
        const place = places.get(m.to)!;
        expect(m.text).toContain(`you are on the waitlist, number ${place}.`);
        expect(m.html).toContain(`number ${place}.`);
        expect(m.attachments.map((a) => a.source?.kind)).toEqual(["calendar"]);
      }
    }
  }, 120_000);

  it("with approval: writes 200 simultaneous registrations as pending, holding no seat, one email each; approving them all seats 80", async () => {
    const event = await scratchEvent(80, true);
    const inputs = Array.from({ length: 200 }, (_, i) => person(event.id, `review-${i}`));
    // Each one twice, as a double click sends it: still one registration and one email each.
    const results = await Promise.all([...inputs, ...inputs].map((input) => registerForEvent(input, { kind: "public", client: null }, ctx)));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(200);
    expect(results.filter((r) => r.outcome === "repeat")).toHaveLength(200);
    expect(results.some((r) => r.outcome === "created" && r.tookLastSeat)).toBe(false);
    const rows = await rowsOf(event.id);
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.status === "pending" && r.confirmedAt === null && r.waitlistedAt === null)).toBe(true);
    const messages = await db.select().from(outbox).where(sql`${outbox.to} like ${`seat-review-%-${event.id.slice(0, 8)}@example.org`}`);
    expect(messages).toHaveLength(200);
    expect(new Set(messages.map((m) => m.to)).size).toBe(200);
    for (const m of messages) {
      expect(m.kind).toBe(REGISTRATION_EMAIL_KINDS.pending);
      expect(m.text).toContain("under review");
      expect(m.attachments).toEqual([]);
    }

    const [account] = await db.select({ id: users.id }).from(users).where(eq(users.role, "staff")).limit(1);
    const staff = { kind: "staff" as const, userId: account!.id, client: null };
    const ids = rows.map((r) => r.id);
    const halves = [ids.slice(0, 100), ids.slice(100)];
    const decided = await Promise.all(halves.map((half) => decideRegistrations({ eventId: event.id, ids: half, decision: "approve", note: null }, staff, ctx)));
    expect(decided.every((d) => d.outcome === "decided")).toBe(true);
    const after = await rowsOf(event.id);
    expect(after.filter((r) => r.status === "confirmed")).toHaveLength(80);
    const waiting = after.filter((r) => r.status === "waitlisted");
    expect(waiting).toHaveLength(120);
    const places = await Promise.all(waiting.map((r) => waitlistPosition(r.id)));
    expect(places.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const approvals = await db.select().from(outbox).where(and(sql`${outbox.to} like ${`seat-review-%-${event.id.slice(0, 8)}@example.org`}`, sql`${outbox.kind} <> ${REGISTRATION_EMAIL_KINDS.pending}`));
    expect(approvals.filter((m) => m.kind === REGISTRATION_EMAIL_KINDS.approved)).toHaveLength(80);
    expect(approvals.filter((m) => m.kind === REGISTRATION_EMAIL_KINDS.approvedWaitlisted)).toHaveLength(120);
  }, 120_000);

  it("makes one registration of a form sent again with the same key", async () => {
    const event = await scratchEvent(5);
    const input = person(event.id, "again");
    const first = await registerForEvent(input, { kind: "public", client: null }, ctx);
    const second = await registerForEvent(input, { kind: "public", client: null }, ctx);
    expect(first.outcome).toBe("created");
    expect(second.outcome).toBe("repeat");
    if (first.outcome !== "created" || second.outcome !== "repeat") throw new Error("unexpected");
    expect(second.registration.id).toBe(first.registration.id);
    expect(await rowsOf(event.id)).toHaveLength(1);
    expect(await mailTo(input.email)).toHaveLength(1);
  });

  it("sends an address registered already down the already-registered path, with a new link", async () => {
    const event = await scratchEvent(5);
    const first = await registerForEvent(person(event.id, "twice"), { kind: "public", client: null }, ctx);
    const again = await registerForEvent(person(event.id, "twice", { email: "seat-TWICE-" + event.id.slice(0, 8) + "@example.ORG" }), { kind: "public", client: null }, ctx);
    expect(first.outcome).toBe("created");
    expect(again.outcome).toBe("already_registered");
    if (first.outcome !== "created" || again.outcome !== "already_registered") throw new Error("unexpected");
    expect(again.registration.id).toBe(first.registration.id);
    expect(again.manageToken).not.toBeNull();
    expect(await rowsOf(event.id)).toHaveLength(1);
    const kinds = (await mailTo(first.registration.email)).map((m) => m.kind).sort();
    expect(kinds).toEqual([REGISTRATION_EMAIL_KINDS.already, REGISTRATION_EMAIL_KINDS.confirmed].sort());
  });

  it("answers with a code to draw again when the check-in code is taken, and writes nothing", async () => {
    const event = await scratchEvent(5);
    const first = await registerForEvent(person(event.id, "first"), { kind: "public", client: null }, ctx);
    if (first.outcome !== "created") throw new Error("not created");
    const message = { subject: "s", text: "t", html: null, kind: REGISTRATION_EMAIL_KINDS.confirmed, attachments: [] };
    const input = {
      eventId: event.id,
      now,
      seenUpdatedAt: event.updatedAt,
      name: "Second",
      email: "second@example.org",
      emailNormalized: "second@example.org",
      organization: null,
      category: "Academia",
      manageTokenHash: hashManageToken("second"),
      checkInCode: first.registration.checkInCode,
      idempotencyKey: null,
      to: "second@example.org",
      confirmed: message,
      waitlisted: message,
      positionMarker: "MARKER",
    };
    const result = await registerPublicSeat(input);
    expect(result).toEqual({ outcome: "code_taken" });
    expect(await rowsOf(event.id)).toHaveLength(1);
    expect(await mailTo("second@example.org")).toHaveLength(0);

    const drawnAgain = await registerPublicSeat({ ...input, checkInCode: "ZZZZZZZZ" });
    expect(drawnAgain).toMatchObject({ outcome: "created", waitlistPosition: null, tookLastSeat: false });
    if (drawnAgain.outcome !== "created") throw new Error("not created");
    const [row] = await db.select().from(registrations).where(eq(registrations.id, drawnAgain.registration.id));
    expect(drawnAgain.registration).toEqual(row);
    expect(row).toMatchObject({ status: "confirmed", checkInCode: "ZZZZZZZZ", emailNormalized: "second@example.org", category: "Academia" });
    expect(row!.confirmedAt).not.toBeNull();
    expect((await mailTo("second@example.org")).map((m) => [m.subject, m.text])).toEqual([["s", "t"]]);
  });

  it("sends a changed event back to the transaction, which writes the email with its new details", async () => {
    const event = await scratchEvent(5);
    const before = await db.select({ updatedAt: events.updatedAt }).from(events).where(eq(events.id, event.id));
    const message = { subject: "s", text: "t", html: null, kind: REGISTRATION_EMAIL_KINDS.confirmed, attachments: [] };
    await db.update(events).set({ title: "Renamed", updatedAt: new Date(before[0]!.updatedAt.getTime() + 1000) }).where(eq(events.id, event.id));
    const stale = await registerPublicSeat({
      eventId: event.id,
      now,
      seenUpdatedAt: before[0]!.updatedAt,
      name: "Late",
      email: "late@example.org",
      emailNormalized: "late@example.org",
      organization: null,
      category: "Academia",
      manageTokenHash: hashManageToken("late"),
      checkInCode: "AAAAAAAA",
      idempotencyKey: null,
      to: "late@example.org",
      confirmed: message,
      waitlisted: message,
      positionMarker: "MARKER",
    });
    expect(stale).toEqual({ outcome: "stale" });
    expect(await rowsOf(event.id)).toHaveLength(0);
  });

  // A column added to db/schema.ts must be written by the function too (or be left to its default on
  // purpose, in the lists below): edit drizzle/…_registration_seat_function.sql in a new migration.
  it("inserts every column of registrations and outbox that a new row sets", async () => {
    const registrationDefaults = ["id", "cancelled_at", "checked_in_at", "declined_at", "anonymized_at", "created_at", "updated_at"];
    expect((await insertedColumns("registrations")).sort()).toEqual(columnNames(registrations).filter((c) => !registrationDefaults.includes(c)).sort());
    const outboxDefaults = ["id", "status", "attempts", "last_error", "next_attempt_at", "sent_at", "claim_token", "redacted_at", "created_at", "updated_at"];
    expect((await insertedColumns("outbox")).sort()).toEqual(columnNames(outbox).filter((c) => !outboxDefaults.includes(c)).sort());
    // And the database's tables are the schema's: the row the function returns is read column by column.
    const inDatabase = await db
      .select({ table: sql<string>`table_name`, column: sql<string>`column_name` })
      .from(sql`information_schema.columns`)
      .where(and(sql`table_schema = 'public'`, sql`table_name in ('registrations', 'outbox')`));
    const of = (t: string) => inDatabase.filter((c) => c.table === t).map((c) => c.column).sort();
    expect(of("registrations")).toEqual(columnNames(registrations).sort());
    expect(of("outbox")).toEqual(columnNames(outbox).sort());
  });
});
