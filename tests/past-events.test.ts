import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register } from "@/app/(public)/events/[slug]/actions";
import { cancelEvent, updateEvent } from "@/app/(staff)/admin/events/actions";
import { events, outbox, registrations } from "@/db/schema";
import { eventPhase } from "@/lib/event-phase";
import { eventFormValues } from "@/lib/validations/event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

const FOURTH = "wps-innovation-4-from-the-united-nations";

const fourth = async () => (await db.select().from(events).where(eq(events.slug, FOURTH)))[0]!;
const outboxSize = async () => (await db.select({ n: count() }).from(outbox))[0]!.n;

beforeAll(() => resetWithDemo());
afterAll(closeDb);

describe("an event's phase", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it.each([
    ["scheduled", "2026-06-01T11:59:00Z", "held"],
    ["scheduled", "2026-06-01T12:00:00Z", "held"],
    ["scheduled", "2026-06-01T12:01:00Z", "scheduled"],
    ["draft", "2020-01-01T00:00:00Z", "draft"],
    ["cancelled", "2020-01-01T00:00:00Z", "cancelled"],
  ] as const)("a %s event ending at %s is %s", (status, endsAt, phase) => {
    expect(eventPhase({ status, endsAt: new Date(endsAt) }, now)).toBe(phase);
  });
});

describe("the demo's fourth meeting, held in March 2024", () => {
  it("refuses a registration with a plain sentence", async () => {
    await actAs(null);
    const event = await fourth();
    const before = (await db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, event.id)))[0]!.n;
    const result = await register(null, {
      slug: FOURTH,
      name: "Ada Lovelace",
      email: "late@example.org",
      organization: "",
      category: "Academia",
      consent: "on",
      website: "",
      idempotencyKey: crypto.randomUUID(),
    });
    expect(result).toMatchObject({ status: "failed", message: "This event has already taken place." });
    expect((await db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, event.id)))[0]!.n).toBe(before);
  });

  it("cannot be cancelled: staff are told to correct it instead", async () => {
    await actAs("staff@example.org");
    const event = await fourth();
    const result = await cancelEvent({ id: event.id });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/already taken place.*Correct its details/) });
    expect((await fourth()).status).toBe("scheduled");
  });

  it("can still be corrected, and a correction emails none of the 92 people who came", async () => {
    await actAs("staff@example.org");
    const event = await fourth();
    const mails = await outboxSize();
    const result = await updateEvent({ ...eventFormValues(event), id: event.id, startTime: "16:40", description: "Corrected after the event." });
    expect(result).toMatchObject({ ok: true });
    const after = await fourth();
    expect(after.startsAt.toISOString()).toBe("2024-03-18T20:40:00.000Z");
    expect(after.description).toBe("Corrected after the event.");
    expect(await outboxSize()).toBe(mails);
  });
});
