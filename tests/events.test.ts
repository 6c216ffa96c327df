import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "@/app/(staff)/admin/events/[id]/agenda/actions";
import { addParticipant, moveParticipant, removeParticipant, updateParticipant } from "@/app/(staff)/admin/events/[id]/participants/actions";
import { cancelEvent, createEvent, deleteEvent, revertEventToDraft, scheduleEvent, updateEvent } from "@/app/(staff)/admin/events/actions";
import { listAgenda } from "@/db/queries/agenda";
import { seriesPickerOptions } from "@/db/queries/event-options";
import { listDraftEvents, listEventsPage, nextSeriesNumber } from "@/db/queries/events";
import { listParticipants, planMove } from "@/db/queries/participants";
import { agendaItemParticipants, auditLog, eventParticipants, events, people, registrations, series, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import type { ActionResult } from "@/lib/errors";
import { agendaStarts, nextSegmentStart, segmentStartToUtc } from "@/lib/validations/agenda";
import { eventSchema } from "@/lib/validations/event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { eventFormInput } from "./support/event-input";
import { session } from "./support/session";


const NOW = new Date("2026-11-28T12:00:00Z");
let wpsId: string;
let counter = 0;

beforeAll(async () => {
  await resetWithDemo(NOW);
  const [staff] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.staff));
  session.current = { user: { id: staff!.id }, sessionVersion: staff!.sessionVersion, expires: new Date(Date.now() + 3600_000).toISOString() };
  const [wps] = await db.select().from(series).where(eq(series.slug, "wps-innovation"));
  wpsId = wps!.id;
});
afterAll(closeDb);

/** A new symposium's form as the browser sends it. */
function form(overrides: Record<string, unknown> = {}) {
  return eventFormInput("America/New_York", {
    title: `A symposium ${++counter}`,
    startDate: "2024-03-18",
    startTime: "16:35",
    durationMinutes: "65",
    ...overrides,
  });
}

/** Creates an event through the action; a success ends in a redirect to the new event's page. */
async function create(input: Record<string, unknown>): Promise<string> {
  try {
    const result = await createEvent(input);
    throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    const id = /;\/admin\/events\/([0-9a-f-]{36})\?saved=1;/.exec(digest)?.[1];
    if (!id) throw error;
    return id;
  }
}

const eventById = async (id: string) => (await db.select().from(events).where(eq(events.id, id)))[0]!;

function expectFieldError(result: ActionResult<unknown>, field: string, pattern?: RegExp) {
  expect(result.ok).toBe(false);
  const messages = result.ok ? undefined : result.fieldErrors?.[field];
  expect(messages?.[0], `a message for ${field}`).toBeTruthy();
  if (pattern) expect(messages![0]).toMatch(pattern);
}

async function register(eventId: string, n: number) {
  await db.insert(registrations).values({
    eventId,
    name: `Guest ${n}`,
    email: `guest-${n}@example.org`,
    emailNormalized: `guest-${n}@example.org`,
    status: "confirmed",
    manageTokenHash: `hash-${eventId}-${n}`,
    checkInCode: `code-${n}`,
    consentAt: NOW,
    confirmedAt: NOW,
  });
}

describe("creating an event", () => {
  it("stores the start typed in the event's zone as UTC, and the end from the duration", async () => {
    const id = await create(form({ title: "From the United Nations, again" }));
    const event = await eventById(id);
    expect(event.startsAt.toISOString()).toBe("2024-03-18T20:35:00.000Z");
    expect(event.endsAt.toISOString()).toBe("2024-03-18T21:40:00.000Z");
    expect(event).toMatchObject({ slug: "from-the-united-nations-again", status: "draft", timeZone: "America/New_York", capacity: null });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "event.create")));
    expect(audit).toHaveLength(1);
  });

  it("converts registration opening and closing in the event's zone, and refuses closing before opening", async () => {
    const id = await create(
      form({
        registrationOpensDate: "2024-03-01",
        registrationOpensTime: "09:00",
        registrationClosesDate: "2024-03-17",
        registrationClosesTime: "18:00",
        capacity: "0",
      }),
    );
    const event = await eventById(id);
    expect(event.registrationOpensAt?.toISOString()).toBe("2024-03-01T14:00:00.000Z"); // EST, UTC−5
    expect(event.registrationClosesAt?.toISOString()).toBe("2024-03-17T22:00:00.000Z"); // EDT, UTC−4
    expect(event.capacity).toBe(0);

    const backwards = await createEvent(
      form({ registrationOpensDate: "2024-03-17", registrationOpensTime: "18:00", registrationClosesDate: "2024-03-17", registrationClosesTime: "09:00" }),
    );
    expectFieldError(backwards, "registrationClosesDate", /close after it opens/);
    const half = await createEvent(form({ registrationOpensDate: "2024-03-17" }));
    expectFieldError(half, "registrationOpensTime");
  });

  it("refuses what does not exist: an unknown zone, February 30, a negative capacity", async () => {
    expectFieldError(await createEvent(form({ timeZone: "Mars/Olympus_Mons" })), "timeZone");
    expectFieldError(await createEvent(form({ startDate: "2024-02-30" })), "startDate");
    expectFieldError(await createEvent(form({ capacity: "-1" })), "capacity");
    expectFieldError(await createEvent(form({ durationMinutes: "" })), "durationMinutes");
  });

  it("saves once when the same form is sent twice", async () => {
    const input = form({ title: "Sent twice" });
    const attempt = () => create(input).then((id) => ({ id }), (error: unknown) => ({ error }));
    const outcomes = await Promise.all([attempt(), attempt()]);
    const created = outcomes.filter((o) => "id" in o);
    const refused = outcomes.filter((o) => "error" in o);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as { error: Error }).error.message)).toMatch(/already uses this address/);
    expect(await db.select().from(events).where(eq(events.slug, "sent-twice"))).toHaveLength(1);
  });

  it("takes the series' topic when none is chosen", async () => {
    const id = await create(form({ seriesId: wpsId, seriesNumber: "40" }));
    const [wps] = await db.select().from(series).where(eq(series.id, wpsId));
    expect((await eventById(id)).topicId).toBe(wps!.topicId);
  });
});

describe("series numbers", () => {
  it("suggests one past the highest number in the series", async () => {
    const before = await nextSeriesNumber(wpsId);
    const [option] = (await seriesPickerOptions()).filter((s) => s.id === wpsId);
    expect(option?.nextNumber).toBe(before);
    const id = await create(form({ seriesId: wpsId, seriesNumber: String(before) }));
    expect((await eventById(id)).seriesNumber).toBe(before);
    expect(await nextSeriesNumber(wpsId)).toBe(before + 1);
  });

  it("is one for a series with no meetings yet", async () => {
    const [fresh] = await db.insert(series).values({ slug: "fresh-series", name: "Fresh" }).returning();
    expect(await nextSeriesNumber(fresh!.id)).toBe(1);
  });

  it("refuses a number the series already has, beside the field", async () => {
    const result = await createEvent(form({ seriesId: wpsId, seriesNumber: "5" }));
    expectFieldError(result, "seriesNumber", /fifth meeting of this series/);
  });

  it("refuses a number without a series", async () => {
    expectFieldError(await createEvent(form({ seriesNumber: "3" })), "seriesNumber");
  });
});

describe("updating an event", () => {
  it("can change the address while a draft, and not once it is scheduled", async () => {
    const id = await create(form({ title: "Address test" }));
    const edit = (overrides: Record<string, unknown>) => updateEvent({ ...form({ title: "Address test" }), id, ...overrides });

    expect(await edit({ slug: "address-test-renamed" })).toMatchObject({ ok: true });
    expect((await eventById(id)).slug).toBe("address-test-renamed");
    expect(await edit({ slug: "", title: "Address test again" })).toMatchObject({ ok: true });
    expect((await eventById(id)).slug).toBe("address-test-again");
    expect(await edit({ slug: "address-test-renamed" })).toMatchObject({ ok: true });

    expect(await scheduleEvent({ id })).toMatchObject({ ok: true });
    expectFieldError(await edit({ slug: "another-address" }), "slug", /can no longer change/);
    expect((await eventById(id)).slug).toBe("address-test-renamed");

    // Other fields still change; an empty address keeps the one it has.
    expect(await edit({ slug: "", description: "Now with a description." })).toMatchObject({ ok: true, message: "Saved." });
    expect(await eventById(id)).toMatchObject({ slug: "address-test-renamed", description: "Now with a description." });
  });

  it("moves the start with the zone: the local time typed stays what it says", async () => {
    const id = await create(form());
    await updateEvent({ ...form(), id, timeZone: "Asia/Tokyo", startDate: "2024-03-19", startTime: "05:35" });
    expect((await eventById(id)).startsAt.toISOString()).toBe("2024-03-18T20:35:00.000Z");
  });

  it("says so when nothing changed, and writes no audit row", async () => {
    const input = form();
    const id = await create(input);
    const before = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(await updateEvent({ ...input, id })).toMatchObject({ ok: true, message: "No changes to save." });
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(before.length);
  });

  it("does not lower capacity below the confirmed registrations", async () => {
    const input = form({ capacity: "10" });
    const id = await create(input);
    await register(id, 1);
    await register(id, 2);
    expectFieldError(await updateEvent({ ...input, id, capacity: "1" }), "capacity", /2 people are already confirmed/);
    expect(await updateEvent({ ...input, id, capacity: "2" })).toMatchObject({ ok: true });
  });

  it("keeps a series number unique when editing", async () => {
    const id = await create(form({ seriesId: wpsId, seriesNumber: "77" }));
    expectFieldError(await updateEvent({ ...form({ seriesId: wpsId }), id, seriesNumber: "4" }), "seriesNumber", /fourth meeting/);
  });
});

describe("status", () => {
  it("goes draft → scheduled → cancelled, and cancelling sets cancelledAt", async () => {
    // Ahead of time: an event already held cannot be cancelled (tests/past-events.test.ts).
    const id = await create(form({ startDate: "2031-05-20" }));
    expect(await cancelEvent({ id })).toMatchObject({ ok: false });
    expect(await scheduleEvent({ id })).toMatchObject({ ok: true });
    expect(await scheduleEvent({ id })).toMatchObject({ ok: false, message: "This event is already scheduled." });
    expect((await eventById(id)).cancelledAt).toBeNull();
    expect(await cancelEvent({ id })).toMatchObject({ ok: true });
    const cancelled = await eventById(id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(await scheduleEvent({ id })).toMatchObject({ ok: false });
    expect(await revertEventToDraft({ id })).toMatchObject({ ok: false });
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.createdAt));
    expect(audit.map((a) => a.action)).toEqual(["event.create", "event.schedule", "event.cancel"]);
  });

  it("goes back to draft only while nobody has registered", async () => {
    const free = await create(form());
    await scheduleEvent({ id: free });
    expect(await revertEventToDraft({ id: free })).toMatchObject({ ok: true });
    expect((await eventById(free)).status).toBe("draft");

    const taken = await create(form());
    await scheduleEvent({ id: taken });
    await register(taken, 3);
    const refused = await revertEventToDraft({ id: taken });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? "" : refused.message).toMatch(/registered/);
    expect((await eventById(taken)).status).toBe("scheduled");
  });

  it("deletes only a draft nobody registered for", async () => {
    const draft = await create(form());
    expect(await deleteEvent({ id: draft })).toMatchObject({ ok: true });
    expect(await db.select().from(events).where(eq(events.id, draft))).toHaveLength(0);

    const scheduled = await create(form());
    await scheduleEvent({ id: scheduled });
    expect(await deleteEvent({ id: scheduled })).toMatchObject({ ok: false, message: expect.stringMatching(/Only a draft/) });

    const registered = await create(form());
    await register(registered, 4);
    expect(await deleteEvent({ id: registered })).toMatchObject({ ok: false, message: expect.stringMatching(/registered/) });
  });
});

describe("participants", () => {
  let eventId: string;
  const personBySlug = async (slug: string) => (await db.select().from(people).where(eq(people.slug, slug)))[0]!;

  beforeEach(async () => {
    eventId = await create(form());
  });

  it("keep the position they had at the event when the person's title changes later", async () => {
    const bahous = await personBySlug("sima-bahous");
    const added = await addParticipant({ eventId, personId: bahous.id, role: "panelist", positionAtEvent: "", invitationStatus: "invited" });
    expect(added).toMatchObject({ ok: true });
    const [row] = await db.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId));
    expect(row).toMatchObject({ positionAtEvent: "Executive Director of UN Women", invitationStatus: "invited" });
    expect(row!.invitedAt).toBeInstanceOf(Date);

    await db.update(people).set({ position: "Former Executive Director of UN Women" }).where(eq(people.id, bahous.id));
    const [after] = await listParticipants(eventId);
    expect(after).toMatchObject({ positionAtEvent: "Executive Director of UN Women", currentPosition: "Former Executive Director of UN Women" });
    await db.update(people).set({ position: bahous.position }).where(eq(people.id, bahous.id));
  });

  it("refuses the same person twice in the same role", async () => {
    const shino = await personBySlug("mitsuko-shino");
    const input = { eventId, personId: shino.id, role: "moderator", positionAtEvent: "Moderator", invitationStatus: "not_invited" };
    expect(await addParticipant(input)).toMatchObject({ ok: true });
    expectFieldError(await addParticipant(input), "personId", /already has that role/);
    expect(await addParticipant({ ...input, role: "speaker" })).toMatchObject({ ok: true });
  });

  it("are edited, reordered by swapping with a neighbour, and removed", async () => {
    const slugs = ["kamikawa-yoko", "mitsuko-shino", "izumi-nakamitsu"];
    for (const slug of slugs) {
      const person = await personBySlug(slug);
      await addParticipant({ eventId, personId: person.id, role: "speaker", positionAtEvent: "", invitationStatus: "not_invited" });
    }
    const [a, b, c] = await listParticipants(eventId);
    expect([a!.sortOrder, b!.sortOrder, c!.sortOrder]).toEqual([0, 1, 2]);

    expect(await moveParticipant({ id: b!.id, direction: "up" })).toMatchObject({ ok: true });
    const moved = await listParticipants(eventId);
    expect(moved.map((p) => p.id)).toEqual([b!.id, a!.id, c!.id]);
    expect(moved.map((p) => p.sortOrder)).toEqual([0, 1, 2]);

    // The first cannot go further up; nothing changes and nothing is audited.
    const auditBefore = (await db.select().from(auditLog)).length;
    expect(await moveParticipant({ id: b!.id, direction: "up" })).toMatchObject({ ok: true });
    expect((await listParticipants(eventId)).map((p) => p.id)).toEqual([b!.id, a!.id, c!.id]);
    expect((await db.select().from(auditLog)).length).toBe(auditBefore);

    expect(await updateParticipant({ id: c!.id, role: "host", positionAtEvent: "Guest of honour", invitationStatus: "confirmed" })).toMatchObject({ ok: true });
    const [edited] = await db.select().from(eventParticipants).where(eq(eventParticipants.id, c!.id));
    expect(edited).toMatchObject({ role: "host", positionAtEvent: "Guest of honour", invitationStatus: "confirmed" });
    expect(edited!.respondedAt).toBeInstanceOf(Date);

    expect(await removeParticipant({ id: a!.id })).toMatchObject({ ok: true });
    expect((await listParticipants(eventId)).map((p) => p.id)).toEqual([b!.id, c!.id]);
  });
});

describe("planMove", () => {
  const rows = [
    { id: "a", sortOrder: 0 },
    { id: "b", sortOrder: 5 },
    { id: "c", sortOrder: 9 },
  ];
  it("swaps the sort orders of two neighbours", () => {
    expect(planMove(rows, "b", "down")).toEqual([
      { id: "b", sortOrder: 9 },
      { id: "c", sortOrder: 5 },
    ]);
  });
  it("does nothing at either end", () => {
    expect(planMove(rows, "a", "up")).toEqual([]);
    expect(planMove(rows, "c", "down")).toEqual([]);
    expect(planMove(rows, "missing", "down")).toEqual([]);
  });
  it("numbers the list afresh when ties would make a swap change nothing", () => {
    const tied = [
      { id: "a", sortOrder: 0 },
      { id: "b", sortOrder: 0 },
      { id: "c", sortOrder: 0 },
    ];
    expect(planMove(tied, "c", "up")).toEqual([
      { id: "c", sortOrder: 1 },
      { id: "b", sortOrder: 2 },
    ]);
  });
});

describe("agenda", () => {
  it("stores segment times in the event's zone, with their participants, and reorders them", async () => {
    const eventId = await create(form());
    const kamikawa = (await db.select().from(people).where(eq(people.slug, "kamikawa-yoko")))[0]!;
    await addParticipant({ eventId, personId: kamikawa.id, role: "host", positionAtEvent: "", invitationStatus: "confirmed" });
    const [host] = await listParticipants(eventId);

    const speech = await addAgendaItem({ eventId, kind: "speech", title: "Opening speech", startTime: "16:35", durationMinutes: "10", description: "", participantIds: [host!.id] });
    expect(speech).toMatchObject({ ok: true });
    const panel = await addAgendaItem({ eventId, kind: "panel", title: "Panel discussion", startTime: "", durationMinutes: "50", description: "", participantIds: [] });
    expect(panel).toMatchObject({ ok: true });

    const agenda = await listAgenda(eventId);
    expect(agenda.map((a) => a.title)).toEqual(["Opening speech", "Panel discussion"]);
    expect(agenda[0]!.startsAt?.toISOString()).toBe("2024-03-18T20:35:00.000Z");
    expect(agenda[0]!.participants.map((p) => p.participantId)).toEqual([host!.id]);
    expect(agenda[1]!.startsAt).toBeNull();
    const event = await eventById(eventId);
    expect(agendaStarts(event.startsAt, agenda).map((d) => d?.toISOString())).toEqual(["2024-03-18T20:35:00.000Z", "2024-03-18T20:45:00.000Z"]);

    expect(await moveAgendaItem({ id: agenda[1]!.id, direction: "up" })).toMatchObject({ ok: true });
    const moved = await listAgenda(eventId);
    expect(moved.map((a) => a.title)).toEqual(["Panel discussion", "Opening speech"]);
    expect(moved.map((a) => a.sortOrder)).toEqual([0, 1]);

    expect(
      await updateAgendaItem({ id: agenda[0]!.id, kind: "speech", title: "Keynote", startTime: "17:25", durationMinutes: "15", description: "On innovation.", participantIds: [] }),
    ).toMatchObject({ ok: true });
    const [updated] = (await listAgenda(eventId)).filter((a) => a.id === agenda[0]!.id);
    expect(updated).toMatchObject({ title: "Keynote", durationMinutes: 15, participants: [] });
    expect(updated!.startsAt?.toISOString()).toBe("2024-03-18T21:25:00.000Z");

    expect(await removeAgendaItem({ id: agenda[1]!.id })).toMatchObject({ ok: true });
    expect((await listAgenda(eventId)).map((a) => a.title)).toEqual(["Keynote"]);
  });

  it("moves with the event when the event moves", async () => {
    const input = form();
    const eventId = await create(input);
    await addAgendaItem({ eventId, kind: "speech", title: "Speech", startTime: "16:45", durationMinutes: "10", description: "", participantIds: [] });
    await addAgendaItem({ eventId, kind: "break", title: "Break", startTime: "", durationMinutes: "10", description: "", participantIds: [] });
    expect(await updateEvent({ ...input, id: eventId, startDate: "2024-03-20", startTime: "10:00" })).toMatchObject({ ok: true });
    const [speech, pause] = await listAgenda(eventId);
    expect(speech!.startsAt?.toISOString()).toBe("2024-03-20T14:10:00.000Z"); // ten minutes after the new start
    expect(pause!.startsAt).toBeNull();
  });

  it("refuses participants of another event", async () => {
    const eventId = await create(form());
    const [otherParticipant] = await db.select().from(eventParticipants).limit(1);
    const result = await addAgendaItem({ eventId, kind: "panel", title: "Panel", startTime: "", durationMinutes: "", description: "", participantIds: [otherParticipant!.id] });
    expectFieldError(result, "participantIds");
    expect(await listAgenda(eventId)).toHaveLength(0);
  });

  it("takes a participant out of every segment when they leave the event", async () => {
    const eventId = await create(form());
    const shino = (await db.select().from(people).where(eq(people.slug, "mitsuko-shino")))[0]!;
    await addParticipant({ eventId, personId: shino.id, role: "moderator", positionAtEvent: "", invitationStatus: "confirmed" });
    const [moderator] = await listParticipants(eventId);
    await addAgendaItem({ eventId, kind: "panel", title: "Panel", startTime: "", durationMinutes: "", description: "", participantIds: moderator!.id });
    const [item] = await listAgenda(eventId);
    expect(item!.participants).toHaveLength(1);
    await removeParticipant({ id: moderator!.id });
    expect(await db.select().from(agendaItemParticipants).where(eq(agendaItemParticipants.agendaItemId, item!.id))).toHaveLength(0);
  });
});

describe("segment times", () => {
  const event = { startsAt: new Date("2024-03-18T20:35:00Z"), endsAt: new Date("2024-03-19T05:00:00Z"), timeZone: "America/New_York" };

  it("fall on the event's local date, or the next day when the event runs past midnight", () => {
    expect(segmentStartToUtc("16:45", event).toISOString()).toBe("2024-03-18T20:45:00.000Z");
    expect(segmentStartToUtc("00:30", event).toISOString()).toBe("2024-03-19T04:30:00.000Z");
    // Before the start and not within the event on the next day either: the same day.
    expect(segmentStartToUtc("09:00", event).toISOString()).toBe("2024-03-18T13:00:00.000Z");
  });

  it("default to the end of the segment before", () => {
    const start = event.startsAt;
    expect(nextSegmentStart(start, [])?.toISOString()).toBe("2024-03-18T20:35:00.000Z");
    expect(nextSegmentStart(start, [{ startsAt: null, durationMinutes: 10 }, { startsAt: null, durationMinutes: 50 }])?.toISOString()).toBe(
      "2024-03-18T21:35:00.000Z",
    );
    // A segment of unknown length leaves the next start unknown, until one has its own start.
    expect(agendaStarts(start, [{ startsAt: null, durationMinutes: null }, { startsAt: null, durationMinutes: 5 }])[1]).toBeNull();
  });
});

describe("lists", () => {
  it("put upcoming events first, soonest first, then past ones, latest first", async () => {
    const { rows } = await listEventsPage({ page: 1, pageSize: 500, now: NOW });
    const upcoming = rows.filter((r) => r.endsAt >= NOW);
    const past = rows.filter((r) => r.endsAt < NOW);
    expect(rows.slice(0, upcoming.length)).toEqual(upcoming);
    expect(upcoming.map((r) => r.startsAt.getTime())).toEqual([...upcoming.map((r) => r.startsAt.getTime())].sort((x, y) => x - y));
    expect(past.map((r) => r.startsAt.getTime())).toEqual([...past.map((r) => r.startsAt.getTime())].sort((x, y) => y - x));
    expect(upcoming.some((r) => r.slug === "wps-innovation-5-geneva")).toBe(true);
  });

  it("filter by status and search", async () => {
    const { rows } = await listEventsPage({ q: "Geneva", status: "scheduled", page: 1, pageSize: 10, now: NOW });
    expect(rows.map((r) => r.slug)).toEqual(["wps-innovation-5-geneva"]);
    const drafts = await listEventsPage({ status: "draft", page: 1, pageSize: 500, now: NOW });
    expect(drafts.rows.every((r) => r.status === "draft")).toBe(true);
  });

  it("list drafts newest first for the dashboard", async () => {
    const first = await create(form({ title: "Older draft" }));
    const second = await create(form({ title: "Newer draft" }));
    await db.update(events).set({ createdAt: new Date("2030-01-01T00:00:00Z") }).where(eq(events.id, first));
    await db.update(events).set({ createdAt: new Date("2030-01-02T00:00:00Z") }).where(eq(events.id, second));
    const drafts = await listDraftEvents(2);
    expect(drafts.map((d) => d.id)).toEqual([second, first]);
  });
});

describe("the event form's schema", () => {
  it("parses its own output again unchanged, as the Server Action does", () => {
    const once = eventSchema.parse(form({ capacity: "12", seriesNumber: "" }));
    expect(eventSchema.parse(once)).toEqual(once);
    expect(once).toMatchObject({ capacity: 12, durationMinutes: 65, seriesNumber: null, topicId: null, startTime: "16:35" });
  });
});
