import { and, asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicateEvent, planNextMeeting } from "@/app/(staff)/admin/events/actions";
import { listAgenda } from "@/db/queries/agenda";
import { freeEventSlug, nextSeriesNumber } from "@/db/queries/events";
import { listParticipants } from "@/db/queries/participants";
import { auditLog, eventParticipants, events, people, registrations, series, summaries } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import type { ActionResult } from "@/lib/errors";
import { ordinalWord } from "@/lib/names";
import { utcToZonedParts } from "@/lib/time";
import { copyEventSchema } from "@/lib/validations/event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

const NOW = new Date("2026-11-28T12:00:00Z");
const FOURTH = "wps-innovation-4-from-the-united-nations";
let fourthId: string;

beforeAll(async () => {
  await resetWithDemo(NOW);
  await actAs(DEMO_ACCOUNTS.staff);
  const [fourth] = await db.select().from(events).where(eq(events.slug, FOURTH));
  fourthId = fourth!.id;
});
afterAll(closeDb);

/** Runs a copy action; a success ends in a redirect to the new draft's page, whose id is returned. */
async function copied(run: Promise<ActionResult<unknown>>): Promise<string> {
  try {
    const result = await run;
    throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    const id = /;\/admin\/events\/([0-9a-f-]{36})\?copied=(next|duplicate);/.exec(digest)?.[1];
    if (!id) throw error;
    return id;
  }
}

const eventById = async (id: string) => (await db.select().from(events).where(eq(events.id, id)))[0]!;
const countOf = async (table: typeof registrations | typeof summaries, eventId: string) =>
  (await db.select({ n: count() }).from(table).where(eq(table.eventId, eventId)))[0]!.n;

describe("copyEventSchema", () => {
  it("takes a date and a start time, and refuses a day that does not exist", () => {
    const id = "6f1c8b1e-5d0a-4b7e-9a51-0c3c1f5b2a10";
    expect(copyEventSchema.parse({ id, startDate: "2027-03-16", startTime: "18:30:00" })).toEqual({ id, startDate: "2027-03-16", startTime: "18:30" });
    const bad = copyEventSchema.safeParse({ id, startDate: "2027-02-30", startTime: "" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("startDate");
    expect(paths).toContain("startTime");
  });
});

describe("Plan the next meeting", () => {
  it("makes a draft with the series' next number and the old meeting's programme, without its registrations or summary", async () => {
    const source = await eventById(fourthId);
    expect(await countOf(registrations, fourthId)).toBeGreaterThan(0);
    // The demo may or may not publish this meeting's summary: either way, the meeting has one here.
    if ((await countOf(summaries, fourthId)) === 0) await db.insert(summaries).values({ eventId: fourthId, title: "What was said", body: "Text." });
    const expectedNumber = await nextSeriesNumber(source.seriesId!);

    // A person's title changed since the old meeting: the new meeting prints today's.
    const [first] = await listParticipants(fourthId);
    await db.update(people).set({ position: "Newly appointed Under-Secretary-General" }).where(eq(people.id, first!.personId));

    const id = await copied(planNextMeeting({ id: fourthId, startDate: "2027-03-16", startTime: "18:30" }));
    const next = await eventById(id);
    expect(next).toMatchObject({
      status: "draft",
      seriesId: source.seriesId,
      seriesNumber: expectedNumber,
      topicId: source.topicId,
      venueId: source.venueId,
      timeZone: source.timeZone,
      capacity: source.capacity,
      registrationCategories: source.registrationCategories,
      requiresApproval: source.requiresApproval,
      description: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
    expect(utcToZonedParts(next.startsAt, next.timeZone)).toMatchObject({ date: "2027-03-16", time: "18:30" });
    expect(next.endsAt.getTime() - next.startsAt.getTime()).toBe(source.endsAt.getTime() - source.startsAt.getTime());
    const [own] = await db.select().from(series).where(eq(series.id, source.seriesId!));
    const ordinal = ordinalWord(expectedNumber);
    expect(next.title).toBe(`${own!.name}: ${ordinal.charAt(0).toUpperCase()}${ordinal.slice(1)} meeting`);
    // In Japanese too, from the series' Japanese name; the old meeting's subject is not carried over.
    expect(next.translations).toEqual({ ja: { title: `「${own!.translations.ja!.name}」第${expectedNumber}回会合` } });
    expect(await countOf(registrations, id)).toBe(0);
    expect(await countOf(summaries, id)).toBe(0);

    const before = await listParticipants(fourthId);
    const after = await listParticipants(id);
    expect(after.map((p) => [p.personId, p.role])).toEqual(before.map((p) => [p.personId, p.role]));
    expect(after.every((p) => p.invitationStatus === "not_invited")).toBe(true);
    expect(after.map((p) => p.positionAtEvent)).toEqual(after.map((p) => p.currentPosition));
    expect(after[0]!.positionAtEvent).toBe("Newly appointed Under-Secretary-General");
    const rows = await db.select().from(eventParticipants).where(eq(eventParticipants.eventId, id));
    expect(rows.every((r) => r.invitedAt === null && r.respondedAt === null && r.invitationMessage === null)).toBe(true);

    const oldAgenda = await listAgenda(fourthId);
    const newAgenda = await listAgenda(id);
    expect(newAgenda.length).toBeGreaterThan(0);
    const shift = next.startsAt.getTime() - source.startsAt.getTime();
    expect(newAgenda.map((a) => [a.kind, a.title, a.translations, a.durationMinutes, a.startsAt?.getTime() ?? null])).toEqual(
      oldAgenda.map((a) => [a.kind, a.title, a.translations, a.durationMinutes, a.startsAt ? a.startsAt.getTime() + shift : null]),
    );
    expect(newAgenda[0]!.translations.ja?.title).toBe("外務大臣による冒頭挨拶");
    // Segments name the new meeting's participants, the same people in the same roles.
    const newIds = new Set(after.map((p) => p.id));
    for (const [i, segment] of newAgenda.entries()) {
      expect(segment.participants.every((p) => newIds.has(p.participantId))).toBe(true);
      expect(segment.participants.map((p) => [p.familyName, p.role])).toEqual(oldAgenda[i]!.participants.map((p) => [p.familyName, p.role]));
    }

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "event.plan_next"), eq(auditLog.entityId, id)));
    expect(audit?.changes).toMatchObject({ from: fourthId, seriesNumber: expectedNumber });

    // The old meeting is untouched.
    expect(await eventById(fourthId)).toEqual(source);
  });

  it("numbers each further meeting one past the last", async () => {
    const before = await nextSeriesNumber((await eventById(fourthId)).seriesId!);
    const id = await copied(planNextMeeting({ id: fourthId, startDate: "2027-06-15", startTime: "18:30" }));
    expect((await eventById(id)).seriesNumber).toBe(before);
  });

  it("refuses an event outside a series, and a day that does not exist", async () => {
    const outside = await copied(duplicateEvent({ id: fourthId, startDate: "2027-09-01", startTime: "10:00" }));
    await db.update(events).set({ seriesId: null }).where(eq(events.id, outside));
    const result = await planNextMeeting({ id: outside, startDate: "2027-09-08", startTime: "10:00" });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not part of a series/) });

    const invalid = await planNextMeeting({ id: fourthId, startDate: "2027-02-30", startTime: "10:00" });
    expect(invalid.ok).toBe(false);
    expect(invalid.ok ? undefined : invalid.fieldErrors?.startDate?.[0]).toMatch(/does not exist/);
  });

  it("is refused to a panelist, who changes nothing", async () => {
    await actAs(DEMO_ACCOUNTS.panelist);
    const total = (await db.select({ n: count() }).from(events))[0]!.n;
    await expect(planNextMeeting({ id: fourthId, startDate: "2027-03-16", startTime: "18:30" })).rejects.toThrow();
    expect((await db.select({ n: count() }).from(events))[0]!.n).toBe(total);
    await actAs(DEMO_ACCOUNTS.staff);
  });
});

describe("Duplicate", () => {
  it("copies any event as a draft with no series number, its description kept, each copy at its own address", async () => {
    const source = await eventById(fourthId);
    const a = await eventById(await copied(duplicateEvent({ id: fourthId, startDate: "2027-04-20", startTime: "09:00" })));
    const b = await eventById(await copied(duplicateEvent({ id: fourthId, startDate: "2027-04-21", startTime: "09:00" })));
    for (const copy of [a, b]) {
      expect(copy).toMatchObject({ status: "draft", seriesId: source.seriesId, seriesNumber: null, title: `${source.title} (copy)`, description: source.description });
      expect(await countOf(registrations, copy.id)).toBe(0);
      expect((await listParticipants(copy.id)).length).toBe((await listParticipants(fourthId)).length);
      // Its translations come along, the title marked as a copy in that language as well.
      expect(copy.translations).toEqual({ ja: { title: `${source.translations.ja!.title}（コピー）`, description: source.translations.ja!.description } });
    }
    expect(a.slug).not.toBe(b.slug);
    const [audits] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "event.duplicate"), inArray(auditLog.entityId, [a.id, b.id])));
    expect(audits!.n).toBe(2);
  });
});

describe("freeEventSlug", () => {
  it("returns the address itself when free, else the first free numbered one", async () => {
    expect(await freeEventSlug("an-unused-address")).toBe("an-unused-address");
    const rows = await db.select({ slug: events.slug }).from(events).orderBy(asc(events.slug));
    const taken = rows[0]!.slug;
    expect(await freeEventSlug(taken)).toMatch(new RegExp(`^${taken}-\\d+$`));
  });
});
