import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countThankYouAudiences } from "@/db/queries/thank-you";
import { getManagedRegistration } from "@/db/queries/public-registrations";
import { addUnsubscribe } from "@/db/queries/unsubscribes";
import { auditLog, events, outbox, registrationManageTokens, registrations } from "@/db/schema";
import { defaultThankYouAudience } from "@/lib/after-event";
import { THANK_YOU_EMAIL_KIND } from "@/lib/email/thank-you-email";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { registrationContext } from "@/lib/registration/context";
import { sendThankYou } from "@/lib/registration/thank-you";
import { hashManageToken } from "@/lib/registration/tokens";
import { attendee, heldEvent } from "./support/after-event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

const actions = () => import("@/app/(staff)/admin/events/[id]/summary/actions");
let staffId: string;

beforeAll(async () => {
  await resetWithDemo();
  staffId = (await actAs("staff@example.org"))!;
});
afterAll(closeDb);

/** The thank-you messages queued to these addresses (or to anyone), oldest first. */
async function thankYous(to?: string[]) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, THANK_YOU_EMAIL_KIND), to ? inArray(outbox.to, to) : undefined));
}

async function eventRow(id: string) {
  return (await db.select().from(events).where(eq(events.id, id)))[0]!;
}

/** An event with one of every kind of registration; returns the addresses that should hear from it. */
async function mixedEvent() {
  const event = await heldEvent("Mixed audience");
  const at = (name: string) => `${name}-${event.id.slice(0, 8)}@example.org`;
  await attendee(event.id, at("came1"));
  await attendee(event.id, at("came2"));
  await attendee(event.id, at("Came3").toUpperCase());
  await attendee(event.id, at("stayed-away1"), { checkedInAt: null });
  await attendee(event.id, at("stayed-away2"), { checkedInAt: null });
  await attendee(event.id, at("cancelled"), { status: "cancelled", checkedInAt: null, cancelledAt: new Date() });
  await attendee(event.id, at("waitlisted"), { status: "waitlisted", checkedInAt: null });
  await attendee(event.id, at("removed"), { anonymizedAt: new Date() });
  await attendee(event.id, at("unsubscribed"));
  await addUnsubscribe(at("unsubscribed"));
  return {
    event,
    checkedIn: [at("came1"), at("came2"), at("came3")],
    confirmed: [at("came1"), at("came2"), at("came3"), at("stayed-away1"), at("stayed-away2")],
    never: [at("cancelled"), at("waitlisted"), at("removed"), at("unsubscribed")],
  };
}

describe("whom the thank-you goes to", () => {
  it("counts those checked in and those confirmed, without unsubscribed addresses and removed registrations", async () => {
    const { event } = await mixedEvent();
    expect(await countThankYouAudiences(event.id)).toEqual({ checked_in: 3, confirmed: 5 });
  });

  it("offers those checked in first when anyone was, else everyone confirmed", () => {
    expect(defaultThankYouAudience({ checked_in: 3, confirmed: 5 })).toBe("checked_in");
    expect(defaultThankYouAudience({ checked_in: 0, confirmed: 5 })).toBe("confirmed");
  });

  it("sends to those checked in only, skipping unsubscribed addresses", async () => {
    const { sendThankYouEmail } = await actions();
    const { event, checkedIn, confirmed, never } = await mixedEvent();
    const result = await sendThankYouEmail({ eventId: event.id, audience: "checked_in" });
    expect(result).toMatchObject({ ok: true, data: { recipients: 3 }, message: "Sent: the thank-you email is on its way to 3 people." });
    expect((await thankYous([...confirmed, ...never])).map((m) => m.to).sort()).toEqual([...checkedIn].sort());
    expect(await eventRow(event.id)).toMatchObject({ thankYouAudience: "checked_in", thankYouSentAt: expect.any(Date) });
  });

  it("sends to everyone confirmed when asked", async () => {
    const { sendThankYouEmail } = await actions();
    const { event, confirmed, never } = await mixedEvent();
    expect(await sendThankYouEmail({ eventId: event.id, audience: "confirmed" })).toMatchObject({ ok: true, data: { recipients: 5 } });
    expect((await thankYous([...confirmed, ...never])).map((m) => m.to).sort()).toEqual([...confirmed].sort());
  });
});

describe("the message", () => {
  it("thanks, links the summary, the feedback form through a new manage link, and an unsubscribe link for the address", async () => {
    const { sendThankYouEmail } = await actions();
    const event = await heldEvent("Message check");
    const { registration } = await attendee(event.id, `reader-${event.id.slice(0, 8)}@example.org`);
    expect((await sendThankYouEmail({ eventId: event.id, audience: "checked_in" })).ok).toBe(true);
    const [message] = await thankYous([registration.emailNormalized]);
    const base = (await registrationContext()).baseUrl;
    expect(message!.subject).toBe(`Thank you, and the summary: ${event.title}`);
    expect(message!.text).toContain(`Dear ${registration.name},`);
    expect(message!.text).toContain(`Thank you for coming to “${event.title}”`);
    expect(message!.text).toContain(`“What was said at ${event.title}”`);
    expect(message!.text).toContain(`${base}/events/${event.slug}/summary`);
    expect(message!.html).toContain(`href="${base}/events/${event.slug}/summary"`);

    const manage = /\/registrations\/([A-Za-z0-9_-]{43})#feedback/.exec(message!.text)?.[1];
    expect(manage).toBeTruthy();
    // The new link opens the registration; the first one still works beside it.
    expect((await getManagedRegistration(hashManageToken(manage!)))?.registration.id).toBe(registration.id);
    expect((await getManagedRegistration(registration.manageTokenHash))?.registration.id).toBe(registration.id);

    const unsubscribe = new RegExp(`${base}/unsubscribe/(\\S+)`).exec(message!.text)?.[1];
    expect(verifyUnsubscribeToken(unsubscribe!)).toBe(registration.emailNormalized);
  });

  it("thanks those who registered without saying they came, when sent to everyone confirmed", async () => {
    const { sendThankYouEmail } = await actions();
    const event = await heldEvent("Confirmed wording");
    const { registration } = await attendee(event.id, `absent-${event.id.slice(0, 8)}@example.org`, { checkedInAt: null });
    expect((await sendThankYouEmail({ eventId: event.id, audience: "confirmed" })).ok).toBe(true);
    const [message] = await thankYous([registration.emailNormalized]);
    expect(message!.text).toContain(`Thank you for registering for “${event.title}”`);
  });
});

describe("once", () => {
  it("sends one batch when two staff send at once, and says so to the second", async () => {
    const { sendThankYouEmail } = await actions();
    // The demo's fourth meeting: held in March 2024, its summary published, 92 people checked in.
    const [fourth] = await db.select().from(events).where(eq(events.slug, "wps-innovation-4-from-the-united-nations"));
    const tokensBefore = (await db.select({ n: count() }).from(registrationManageTokens))[0]!.n;

    const results = await Promise.all([
      sendThankYouEmail({ eventId: fourth!.id, audience: "checked_in" }),
      sendThankYouEmail({ eventId: fourth!.id, audience: "confirmed" }),
    ]);
    const sent = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ data: { recipients: 92 } });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toMatch(/^The thank-you email was already sent .* to 92 people\. It goes only once, so nothing more was sent\.$/);

    const addresses = (await db.select({ email: registrations.emailNormalized }).from(registrations).where(eq(registrations.eventId, fourth!.id))).map((r) => r.email);
    const messages = await thankYous(addresses);
    expect(messages).toHaveLength(92);
    expect(new Set(messages.map((m) => m.to)).size).toBe(92);
    expect((await db.select({ n: count() }).from(registrationManageTokens))[0]!.n).toBe(tokensBefore + 92);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "event.thank_you"), eq(auditLog.entityId, fourth!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: staffId, changes: { recipients: 92 } });

    // And a later click, from a page loaded before.
    const again = await sendThankYouEmail({ eventId: fourth!.id, audience: "checked_in" });
    expect(again.ok).toBe(false);
    expect(await thankYous(addresses)).toHaveLength(92);
  });

  it("queues a large audience in batches, every message with a link of its own", async () => {
    const event = await heldEvent("Batches");
    for (let i = 0; i < 7; i++) await attendee(event.id, `batch${i}-${event.id.slice(0, 8)}@example.org`);
    const ctx = await registrationContext();
    const result = await sendThankYou(event.id, "checked_in", { kind: "staff", userId: staffId, client: null }, ctx, 3);
    expect(result).toMatchObject({ outcome: "sent", recipients: 7 });
    const messages = await thankYous(Array.from({ length: 7 }, (_, i) => `batch${i}-${event.id.slice(0, 8)}@example.org`));
    expect(messages).toHaveLength(7);
    const links = messages.map((m) => /\/registrations\/([A-Za-z0-9_-]{43})/.exec(m.text)![1]);
    expect(new Set(links).size).toBe(7);
  });
});

describe("refusals, which send nothing and mark nothing", () => {
  async function refused(event: { id: string }, audience: "checked_in" | "confirmed", message: RegExp) {
    const { sendThankYouEmail } = await actions();
    const result = await sendThankYouEmail({ eventId: event.id, audience });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
    expect((await eventRow(event.id)).thankYouSentAt).toBeNull();
  }

  it("before the summary is published", async () => {
    const event = await heldEvent("Unpublished", { published: false });
    const { registration } = await attendee(event.id, `early-${event.id.slice(0, 8)}@example.org`);
    await refused(event, "checked_in", /^Publish the summary first/);
    expect(await thankYous([registration.emailNormalized])).toHaveLength(0);
  });

  it("before the event has ended", async () => {
    const event = await heldEvent("Still to come", { daysAgo: -2 });
    await attendee(event.id, `future-${event.id.slice(0, 8)}@example.org`);
    await refused(event, "confirmed", /^The event has not ended yet/);
  });

  it("for a cancelled event", async () => {
    const event = await heldEvent("Called off", { status: "cancelled" });
    await attendee(event.id, `off-${event.id.slice(0, 8)}@example.org`);
    await refused(event, "confirmed", /^This event was cancelled/);
  });

  it("when nobody in the group can get it, so that the other group can still be thanked", async () => {
    const { sendThankYouEmail } = await actions();
    const event = await heldEvent("Nobody came");
    await attendee(event.id, `absent-${event.id.slice(0, 8)}@example.org`, { checkedInAt: null });
    await refused(event, "checked_in", /^Nobody in this group can get the email/);
    expect(await sendThankYouEmail({ eventId: event.id, audience: "confirmed" })).toMatchObject({ ok: true, data: { recipients: 1 } });
  });

  it("for an input that names no audience", async () => {
    const { sendThankYouEmail } = await actions();
    const event = await heldEvent("No audience");
    expect(await sendThankYouEmail({ eventId: event.id, audience: "everyone" })).toMatchObject({ ok: false, fieldErrors: { audience: [expect.stringMatching(/^Choose who gets the email/)] } });
  });
});
