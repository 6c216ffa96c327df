import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setReminders } from "@/app/(staff)/admin/events/[id]/registrations/reminder-actions";
import { getManagedRegistration } from "@/db/queries/public-registrations";
import { auditLog, type Event, events, outbox, type ReminderOffset, registrationReminders, registrations, users, venues } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { materializeAttachments } from "@/lib/email/attachments";
import { REMINDER_EMAIL_KIND } from "@/lib/email/reminder-emails";
import { setCheckedIn } from "@/lib/registration/check-in";
import { registrationContext } from "@/lib/registration/context";
import { currentReminder, planReminders, queueDueReminders, reminderDueAt } from "@/lib/registration/reminders";
import { cancelRegistration, registerForEvent } from "@/lib/registration/seats";
import { hashManageToken } from "@/lib/registration/tokens";
import { formatDualTime } from "@/lib/time";
import { reminderFormRows, reminderSettingsSchema, remindersFromForm } from "@/lib/validations/reminders";
import { closeDb, db, resetWithDemo } from "./support/db";
import { scratchEvent } from "./support/scratch-event";
import { actAs } from "./support/session";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const day = (n: number): ReminderOffset => ({ amount: n, unit: "days" });
const hours = (n: number): ReminderOffset => ({ amount: n, unit: "hours" });
const minutes = (n: number): ReminderOffset => ({ amount: n, unit: "minutes" });

describe("when a reminder is due", () => {
  const due = (start: string, zone: string, offset: ReminderOffset) => reminderDueAt(new Date(start), zone, offset).toISOString();

  it("counts hours and minutes as elapsed time", () => {
    expect(due("2025-03-30T08:00:00Z", "Europe/Berlin", hours(1))).toBe("2025-03-30T07:00:00.000Z");
    expect(due("2025-03-30T08:00:00Z", "Europe/Berlin", hours(24))).toBe("2025-03-29T08:00:00.000Z");
    expect(due("2025-03-30T08:00:00Z", "Europe/Berlin", minutes(30))).toBe("2025-03-30T07:30:00.000Z");
  });

  it.each([
    // Berlin, clocks forward on March 30, 2025: 10:00 CEST the day after is 10:00 CET the day before, 23 hours earlier.
    ["2025-03-30T08:00:00Z", "Europe/Berlin", 1, "2025-03-29T09:00:00.000Z"],
    // Berlin, clocks back on October 26, 2025: 25 hours earlier.
    ["2025-10-26T09:00:00Z", "Europe/Berlin", 1, "2025-10-25T08:00:00.000Z"],
    // New York, clocks forward on March 9, 2025: noon EDT, and noon EST the day before.
    ["2025-03-09T16:00:00Z", "America/New_York", 1, "2025-03-08T17:00:00.000Z"],
    // New York, clocks back on November 2, 2025.
    ["2025-11-02T17:00:00Z", "America/New_York", 1, "2025-11-01T16:00:00.000Z"],
    // 2:30 a.m. does not exist on March 9 in New York: the reminder moves on by the gap, to 3:30 a.m. EDT.
    ["2025-03-10T06:30:00Z", "America/New_York", 1, "2025-03-09T07:30:00.000Z"],
    // Across the end of a month and a leap day, on the event's calendar.
    ["2024-03-01T09:00:00Z", "Europe/Berlin", 2, "2024-02-28T09:00:00.000Z"],
    // Tokyo has no daylight saving: a day is 24 hours.
    ["2025-03-30T07:00:00Z", "Asia/Tokyo", 7, "2025-03-23T07:00:00.000Z"],
    // The date is the event's own: 00:30 on April 1 in Tokyo is still March 31 in UTC.
    ["2025-03-31T15:30:00Z", "Asia/Tokyo", 1, "2025-03-30T15:30:00.000Z"],
  ])("before %s in %s, %s days: %s", (start, zone, n, expected) => {
    expect(due(start, zone, day(n))).toBe(expected);
  });

  it("makes a day and 24 hours differ across a change of clocks, and agree otherwise", () => {
    expect(due("2025-03-30T08:00:00Z", "Europe/Berlin", day(1))).not.toBe(due("2025-03-30T08:00:00Z", "Europe/Berlin", hours(24)));
    expect(due("2025-06-15T08:00:00Z", "Europe/Berlin", day(1))).toBe(due("2025-06-15T08:00:00Z", "Europe/Berlin", hours(24)));
  });

  it("acts on the latest reminder due, which stands for the earlier ones", () => {
    const event = { startsAt: new Date("2025-06-15T08:00:00Z"), timeZone: "Europe/Berlin", reminders: [hours(1), day(1), minutes(30)] };
    const plan = planReminders(event);
    expect(plan.map((p) => p.key)).toEqual(["1d", "1h", "30m"]);
    expect(currentReminder(plan, new Date("2025-06-14T07:59:00Z"))).toBeNull();
    expect(currentReminder(plan, new Date("2025-06-14T08:00:00Z"))?.key).toBe("1d");
    expect(currentReminder(plan, new Date("2025-06-15T07:40:00Z"))?.key).toBe("30m");
  });
});

describe("the reminders form's rules", () => {
  const parse = (rows: { amount: string | number; unit: string }[]) =>
    reminderSettingsSchema.safeParse({ eventId: crypto.randomUUID(), reminders: rows });

  it("takes up to three reminders, longest first, and leaves empty rows out", () => {
    const parsed = parse([
      { amount: "30", unit: "minutes" },
      { amount: "", unit: "hours" },
      { amount: "2", unit: "days" },
    ]);
    expect(parsed.success).toBe(true);
    expect(remindersFromForm(parsed.data!.reminders)).toEqual([day(2), minutes(30)]);
    // The parsed values parse again (the form sends its own output to the action).
    expect(parse(parsed.data!.reminders).success).toBe(true);
    expect(reminderFormRows([hours(1), day(1)])).toEqual([
      { amount: "1", unit: "days" },
      { amount: "1", unit: "hours" },
      { amount: "", unit: "hours" },
    ]);
  });

  it("refuses a number out of range, a fraction, a repeat and a fourth reminder, in plain words", () => {
    const messages = (rows: { amount: string | number; unit: string }[]) => parse(rows).error?.issues.map((i) => i.message);
    expect(messages([{ amount: "31", unit: "days" }])).toEqual(["Reminder 1: from 1 to 30 days."]);
    expect(messages([{ amount: "2", unit: "minutes" }])).toEqual(["Reminder 1: from 5 to 180 minutes."]);
    expect(messages([{ amount: "1.5", unit: "hours" }])).toEqual(["Reminder 1: enter a whole number, or leave it empty."]);
    expect(messages([{ amount: "1", unit: "hours" }, { amount: "1", unit: "hours" }])).toEqual(["Reminder 2 is the same as reminder 1."]);
    expect(messages([{ amount: "1", unit: "weeks" }])).toEqual(["Choose days, hours or minutes."]);
    expect(messages(Array.from({ length: 4 }, (_, i) => ({ amount: String(i + 1), unit: "hours" })))).toEqual(["An event has at most 3 reminders."]);
  });
});

describe("queueing reminders", () => {
  const now = new Date();
  let staffId: string;
  const staff = () => ({ kind: "staff" as const, userId: staffId, client: null });

  beforeAll(async () => {
    await resetWithDemo(now);
    const [row] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.staff));
    staffId = row!.id;
  });
  afterAll(closeDb);

  /** A scheduled event starting `inMs` from now (on the minute), with these reminders. */
  async function eventIn(inMs: number, reminders: ReminderOffset[] = [day(1), hours(1)], extra: Partial<typeof events.$inferInsert> = {}) {
    const startsAt = new Date(Math.floor((now.getTime() + inMs) / MINUTE) * MINUTE);
    return scratchEvent("Reminder test", now, null, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), reminders, ...extra });
  }

  async function register(event: Event, label: string) {
    const result = await registerForEvent(
      { eventId: event.id, name: `Person ${label}`, email: `${label}-${event.slug}@example.org`, organization: null, category: "Government", idempotencyKey: null },
      staff(),
    );
    if (result.outcome !== "created") throw new Error(`could not register ${label}: ${result.outcome}`);
    return result.registration;
  }

  const remindersTo = async (email: string) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, email.toLowerCase()), eq(outbox.kind, REMINDER_EMAIL_KIND)))
      .orderBy(asc(outbox.createdAt));
  const reminderCount = async (eventId: string) =>
    (
      await db
        .select({ n: count() })
        .from(outbox)
        .innerJoin(registrations, eq(registrations.email, outbox.to))
        .where(and(eq(registrations.eventId, eventId), eq(outbox.kind, REMINDER_EMAIL_KIND)))
    )[0]!.n;
  const dualTime = async (at: Date, zone: string) => {
    const { home } = await registrationContext();
    return formatDualTime(at, zone, home.zone, home.label);
  };
  /** Just after the reminder `offset` before the event's start. */
  const after = (event: Event, offset: ReminderOffset, by = MINUTE) => new Date(reminderDueAt(event.startsAt, event.timeZone, offset).getTime() + by);

  it("reminds everyone with a seat, once, and nobody waitlisted, pending, declined, cancelled or checked in", async () => {
    const event = await eventIn(3 * DAY);
    const seated = await register(event, "seated");
    const cancelled = await register(event, "cancelled");
    const waitlisted = await register(event, "waitlisted");
    const pending = await register(event, "pending");
    const declined = await register(event, "declined");
    const arrived = await register(event, "arrived");
    await cancelRegistration({ id: cancelled.id }, staff());
    await db.update(registrations).set({ status: "waitlisted", confirmedAt: null, waitlistedAt: now }).where(eq(registrations.id, waitlisted.id));
    await db.update(registrations).set({ status: "pending", confirmedAt: null }).where(eq(registrations.id, pending.id));
    await db.update(registrations).set({ status: "declined", confirmedAt: null, declinedAt: now }).where(eq(registrations.id, declined.id));
    await setCheckedIn(arrived.id, true, staff());

    // Not yet due.
    await queueDueReminders(new Date(after(event, day(1)).getTime() - 2 * MINUTE));
    expect(await reminderCount(event.id)).toBe(0);

    await queueDueReminders(after(event, day(1)));
    expect(await remindersTo(seated.email)).toHaveLength(1);
    for (const r of [cancelled, waitlisted, pending, declined, arrived]) expect(await remindersTo(r.email)).toHaveLength(0);

    // Again, as after a restart: nothing more. Then the hour before: the second reminder.
    await queueDueReminders(after(event, day(1), 5 * MINUTE));
    expect(await remindersTo(seated.email)).toHaveLength(1);
    await queueDueReminders(after(event, hours(1)));
    expect(await remindersTo(seated.email)).toHaveLength(2);
    await queueDueReminders(after(event, hours(1), 10 * MINUTE));
    expect(await remindersTo(seated.email)).toHaveLength(2);
    // Once the event has started, nothing goes.
    await queueDueReminders(new Date(event.startsAt.getTime() + MINUTE));
    expect(await reminderCount(event.id)).toBe(2);
  });

  it("queues each reminder once when several senders look at the same moment, in batches", async () => {
    const event = await eventIn(3 * DAY);
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await register(event, `crowd${i}`));
    const at = after(event, day(1));
    const results = await Promise.all([queueDueReminders(at, { batchSize: 3 }), queueDueReminders(at, { batchSize: 3 }), queueDueReminders(at)]);
    expect(await reminderCount(event.id)).toBe(7);
    for (const p of people) expect(await remindersTo(p.email)).toHaveLength(1);
    // Every reminder was queued by exactly one of them (other events' reminders may be among the counts).
    expect(results.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7);
    const rows = await db.select().from(registrationReminders).innerJoin(registrations, eq(registrations.id, registrationReminders.registrationId)).where(eq(registrations.eventId, event.id));
    expect(rows.map((r) => r.registration_reminders.offsetKey)).toEqual(Array(7).fill("1d"));

    // A new process (a restart) finds nothing left to do for this event.
    await queueDueReminders(at);
    expect(await reminderCount(event.id)).toBe(7);
  });

  it("skips a reminder whose time passed before the person had their seat", async () => {
    // Starts in 20 hours: the day-before reminder's time is already past when they register.
    const event = await eventIn(20 * HOUR);
    const late = await register(event, "late");
    await queueDueReminders(new Date(now.getTime() + MINUTE));
    expect(await remindersTo(late.email)).toHaveLength(0);
    await queueDueReminders(after(event, hours(1)));
    expect((await remindersTo(late.email)).length).toBe(1);
  });

  it("sends only the latest reminder when several fell due at once", async () => {
    const event = await eventIn(3 * DAY, [day(2), day(1), hours(1)]);
    const person = await register(event, "catch-up");
    // The sender was stopped from before the two-day reminder until half an hour before the start.
    await queueDueReminders(new Date(event.startsAt.getTime() - 30 * MINUTE));
    const sent = await remindersTo(person.email);
    expect(sent).toHaveLength(1);
    const [row] = await db.select().from(registrationReminders).where(eq(registrationReminders.registrationId, person.id));
    expect(row!.offsetKey).toBe("1h");
    await queueDueReminders(new Date(event.startsAt.getTime() - 20 * MINUTE));
    expect(await remindersTo(person.email)).toHaveLength(1);
  });

  it("does not send an earlier reminder again after the later one it stood for is taken off the list", async () => {
    const event = await eventIn(3 * DAY);
    const person = await register(event, "removed");
    await queueDueReminders(after(event, hours(1)));
    expect(await remindersTo(person.email)).toHaveLength(1);
    await db.update(events).set({ reminders: [day(1)] }).where(eq(events.id, event.id));
    await queueDueReminders(after(event, hours(1), 5 * MINUTE));
    expect(await remindersTo(person.email)).toHaveLength(1);
  });

  it("plans again from a changed start: unsent reminders follow the new time, sent ones go again for it", async () => {
    const event = await eventIn(3 * DAY);
    const person = await register(event, "moved");
    await queueDueReminders(after(event, day(1)));
    expect(await remindersTo(person.email)).toHaveLength(1);

    // Two days later: at the old start's hour-before, nothing is due any more.
    const later = new Date(event.startsAt.getTime() + 2 * DAY);
    await db.update(events).set({ startsAt: later, endsAt: new Date(later.getTime() + HOUR) }).where(eq(events.id, event.id));
    await queueDueReminders(after(event, hours(1)));
    expect(await remindersTo(person.email)).toHaveLength(1);
    const moved = { ...event, startsAt: later };
    await queueDueReminders(after(moved, day(1)));
    const sent = await remindersTo(person.email);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.text).toContain(await dualTime(later, event.timeZone));
    await queueDueReminders(after(moved, hours(1)));
    expect(await remindersTo(person.email)).toHaveLength(3);
  });

  it("reminds of a moved-up event at its new time, not its old one", async () => {
    const event = await eventIn(10 * DAY);
    const person = await register(event, "moved-up");
    const sooner = new Date(event.startsAt.getTime() - 8 * DAY);
    await db.update(events).set({ startsAt: sooner, endsAt: new Date(sooner.getTime() + HOUR) }).where(eq(events.id, event.id));
    // The old start's day-before would be 9 days from now: long after the new start.
    await queueDueReminders(after({ ...event, startsAt: sooner }, day(1)));
    const [sent] = await remindersTo(person.email);
    expect(sent?.text).toContain(await dualTime(sooner, event.timeZone));
  });

  it("sends nothing for a cancelled event or a draft", async () => {
    const cancelledEvent = await eventIn(3 * DAY);
    const draft = await eventIn(3 * DAY);
    const a = await register(cancelledEvent, "event-cancelled");
    const b = await register(draft, "event-draft");
    await db.update(events).set({ status: "cancelled", cancelledAt: now }).where(eq(events.id, cancelledEvent.id));
    await db.update(events).set({ status: "draft" }).where(eq(events.id, draft.id));
    await queueDueReminders(after(cancelledEvent, hours(1)));
    expect(await remindersTo(a.email)).toHaveLength(0);
    expect(await remindersTo(b.email)).toHaveLength(0);
  });

  it("writes the event's time and place, a manage link that works, the calendar file and web calendar links", async () => {
    const [venue] = await db
      .insert(venues)
      .values({ name: "Palais des Nations", address: "Avenue de la Paix 8-14", city: "Geneva", country: "Switzerland", timeZone: "Europe/Zurich" })
      .returning();
    const event = await eventIn(3 * DAY, [day(1)], { venueId: venue!.id });
    const person = await register(event, "contents");
    await queueDueReminders(after(event, day(1)));
    const [mail] = await remindersTo(person.email);
    const ctx = await registrationContext();
    expect(mail!.subject).toBe(`Reminder: ${event.title}`);
    expect(mail!.text).toContain(`Dear ${person.name},`);
    expect(mail!.text).toContain(formatDualTime(event.startsAt, event.timeZone, ctx.home.zone, ctx.home.label));
    expect(mail!.text).toContain("Where: Palais des Nations, Avenue de la Paix 8-14, Geneva, Switzerland");
    expect(mail!.text).toContain(`Your check-in code: ${person.checkInCode.slice(0, 4)}-${person.checkInCode.slice(4)}`);

    const manage = new RegExp(`${ctx.baseUrl}/registrations/([A-Za-z0-9_-]{43})`).exec(mail!.text);
    expect(manage).not.toBeNull();
    const managed = await getManagedRegistration(hashManageToken(manage![1]!));
    expect(managed?.registration.id).toBe(person.id);
    // The link from the confirmation still works beside it.
    expect((await db.select().from(registrations).where(eq(registrations.id, person.id)))[0]!.manageTokenHash).toBe(person.manageTokenHash);

    const google = /Add to Google Calendar\n(\S+)/.exec(mail!.text)![1]!;
    expect(new URL(google).hostname).toBe("calendar.google.com");
    expect(new URL(google).searchParams.get("text")).toBe(event.title);
    expect(new URL(google).searchParams.get("location")).toBe("Palais des Nations, Avenue de la Paix 8-14, Geneva, Switzerland");
    const outlook = /Add to Outlook \(Microsoft 365\)\n(\S+)/.exec(mail!.text)![1]!;
    expect(new URL(outlook).hostname).toBe("outlook.office.com");
    expect(new URL(outlook).searchParams.get("startdt")).toBe(event.startsAt.toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(mail!.text).toMatch(/Add to Outlook\.com\nhttps:\/\/outlook\.live\.com\//);
    expect(mail!.html).toContain(">Add to Google Calendar</a>");

    const files = await materializeAttachments(mail!.attachments, ctx.baseUrl);
    expect(files.map((f) => f.filename)).toEqual([`${event.slug}.ics`, "check-in-code.png"]);
    const ics = Buffer.from(files[0]!.content, "base64").toString("utf8");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain(`SUMMARY:${event.title}`);
  });

  describe("staff set an event's reminders", () => {
    const rows = (...offsets: ReminderOffset[]) => reminderFormRows(offsets);

    it("saves them longest first, with an audit row, and leaves the event's version alone", async () => {
      await actAs(DEMO_ACCOUNTS.staff);
      const event = await eventIn(3 * DAY);
      const result = await setReminders({ eventId: event.id, reminders: rows(minutes(30), day(2)) });
      expect(result).toMatchObject({ ok: true, message: "Reminders saved." });
      const [row] = await db.select().from(events).where(eq(events.id, event.id));
      expect(row!.reminders).toEqual([day(2), minutes(30)]);
      expect(row!.updatedAt.getTime()).toBe(event.updatedAt.getTime());
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, event.id), eq(auditLog.action, "event.reminders")));
      expect(audit).toHaveLength(1);
      expect(audit[0]!.changes).toEqual({ reminders: [[day(1), hours(1)], [day(2), minutes(30)]] });

      expect(await setReminders({ eventId: event.id, reminders: rows(day(2), minutes(30)) })).toMatchObject({ ok: true, message: "No changes to save." });
      expect(await setReminders({ eventId: event.id, reminders: rows() })).toMatchObject({ ok: true, message: "Saved: this event sends no reminders." });
      expect((await db.select().from(events).where(eq(events.id, event.id)))[0]!.reminders).toEqual([]);
    });

    it("refuses what the form refuses, and an unknown event", async () => {
      await actAs(DEMO_ACCOUNTS.staff);
      const event = await eventIn(3 * DAY);
      const refused = await setReminders({ eventId: event.id, reminders: [{ amount: "99", unit: "days" }] });
      expect(refused).toMatchObject({ ok: false, fieldErrors: { reminders: ["Reminder 1: from 1 to 30 days."] } });
      expect(await setReminders({ eventId: crypto.randomUUID(), reminders: rows(day(1)) })).toMatchObject({ ok: false, message: "This event no longer exists." });
      expect((await db.select().from(events).where(eq(events.id, event.id)))[0]!.reminders).toEqual([day(1), hours(1)]);
    });

    it("the new reminders are the ones that go", async () => {
      await actAs(DEMO_ACCOUNTS.staff);
      const event = await eventIn(3 * DAY);
      const person = await register(event, "configured");
      await setReminders({ eventId: event.id, reminders: rows(hours(2)) });
      await queueDueReminders(after(event, day(1)));
      expect(await remindersTo(person.email)).toHaveLength(0);
      await queueDueReminders(after(event, hours(2)));
      expect(await remindersTo(person.email)).toHaveLength(1);
      await queueDueReminders(after(event, hours(1)));
      expect(await remindersTo(person.email)).toHaveLength(1);
    });
  });
});
