import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as eventCalendar } from "@/app/(public)/events/[slug]/calendar.ics/route";
import { GET as feed } from "@/app/(public)/calendar.ics/route";
import EventPage from "@/app/(public)/events/[slug]/page";
import { speakerLine } from "@/components/speaker-list";
import { getCalendarEvent, getEventCalendarSource, getPublicEvent, getPublicSeries, getPublicTopic, listCalendarEvents } from "@/db/queries/public";
import { findPublicEventBySlug } from "@/db/queries/public-registrations";
import { DEFAULT_SETTINGS, getSettings } from "@/db/queries/settings";
import { eventParticipants, events, people, series, settings, summaries, topics, venues } from "@/db/schema";
import { closeDb, db, resetWithDemo } from "./support/db";

// Outside a Next.js request there is no prerendering to opt out of.
vi.mock("next/server", async (original) => ({ ...(await original<Record<string, unknown>>()), connection: async () => undefined }));

const renderEvent = async (slug: string) => {
  const page = await EventPage({ params: Promise.resolve({ slug }) });
  // The page hands its content to a server component that may be async; resolve it as the server would.
  const content = typeof page.type === "function" ? await (page.type as (props: unknown) => unknown)(page.props) : page;
  return renderToStaticMarkup(content as React.ReactElement);
};

const FOURTH = "wps-innovation-4-from-the-united-nations";
const FIFTH = "wps-innovation-5-geneva";
const TOPIC = "womens-empowerment-and-gender-equality";
const DAY = 86_400_000;
const now = new Date();

// A reset costs seconds, so each block starts from the demo once; its tests run in order and change
// only what the tests after them do not read.
const freshDemo = () => beforeAll(() => resetWithDemo(now));
afterAll(closeDb);

const callEventCalendar = (slug: string) =>
  eventCalendar(new NextRequest(`http://localhost:3000/events/${slug}/calendar.ics`), { params: Promise.resolve({ slug }) });
const unfold = (text: string) => text.replace(/\r\n /g, "").split("\r\n");

async function addEvent(slug: string, startsAt: Date, extra: Partial<typeof events.$inferInsert> = {}) {
  const [topic] = await db.select().from(topics).where(eq(topics.slug, TOPIC));
  const [wps] = await db.select().from(series).where(eq(series.slug, "wps-innovation"));
  const [venue] = await db.select().from(venues).limit(1);
  const [row] = await db
    .insert(events)
    .values({
      slug,
      title: `Event ${slug}`,
      topicId: topic!.id,
      seriesId: wps!.id,
      venueId: venue!.id,
      timeZone: "America/New_York",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * 60_000),
      status: "scheduled",
      ...extra,
    })
    .returning();
  return row!;
}

describe("an event's public page data", () => {
  freshDemo();
  // The demo publishes the fourth meeting's summary, and a published summary takes over the event's
  // address: these tests read the event's own page, as it is before staff publish.
  beforeAll(async () => {
    await db.update(summaries).set({ status: "draft" }).where(eq(summaries.eventId, (await getPublicEvent(FOURTH))!.id));
  });

  it("has its topic, series, venue and times", async () => {
    const e = await getPublicEvent(FOURTH);
    expect(e).toBeDefined();
    expect(e!.title).toBe("From the United Nations");
    expect(e!.status).toBe("scheduled");
    expect(e!.topic).toMatchObject({ slug: TOPIC, name: "Women's Empowerment and Gender Equality" });
    expect(e!.series).toMatchObject({ slug: "wps-innovation", name: "WPS + Innovation" });
    expect(e!.seriesNumber).toBe(4);
    expect(e!.venue).toMatchObject({ name: "United Nations Headquarters", address: "405 East 42nd Street", city: "New York", country: "United States" });
    expect(e!.startsAt.toISOString()).toBe("2024-03-18T20:35:00.000Z");
    expect(e!.timeZone).toBe("America/New_York");
  });

  it("lists the agenda in order with each segment's speakers and their positions at the event", async () => {
    const e = (await getPublicEvent(FOURTH))!;
    expect(e.agenda.map((a) => [a.kind, a.title, a.durationMinutes])).toEqual([
      ["speech", "Opening speech by the Minister for Foreign Affairs", 10],
      ["panel", "Panel discussion", 50],
      ["closing_remarks", "Closing remarks", 5],
    ]);
    expect(e.agenda[0]!.startsAt?.toISOString()).toBe("2024-03-18T20:35:00.000Z");
    expect(e.agenda[0]!.speakers.map(speakerLine)).toEqual(["Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan"]);
    expect(e.agenda[1]!.speakers.map((s) => [s.role, speakerLine(s)])).toEqual([
      ["moderator", "Ambassador Mitsuko Shino, Deputy Permanent Representative of Japan to the United Nations"],
      ["panelist", "Ms. Sima Bahous, Executive Director of UN Women"],
      ["panelist", "Ambassador Merete Brattested, Permanent Representative of Norway to the United Nations"],
      ["panelist", "Ms. Izumi Nakamitsu, UN Under-Secretary-General and High Representative for Disarmament Affairs"],
    ]);
    expect(e.agenda[2]!.speakers.map(speakerLine)).toEqual(["Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan"]);
  });

  it("renders as a page with the time line, agenda, speakers and links back", async () => {
    const html = await renderEvent(FOURTH);
    expect(html).toContain(">From the United Nations</h1>");
    expect(html).toContain('href="/series/wps-innovation">WPS + Innovation — fourth meeting</a>');
    expect(html).toContain("March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST)");
    expect(html).toContain("4:35 p.m. – 5:40 p.m. (local time), approximately 65 minutes");
    expect(html).toContain(">Agenda</h2>");
    expect(html).toContain(">Speakers</h2>");
    expect(html).toContain("<li>Ms. Sima Bahous, Executive Director of UN Women</li>");
    // Held in March 2024: it says when it took place, and offers no calendar file.
    expect(html).toContain("This event took place on");
    expect(html).not.toContain("Add to calendar");
    expect(html).toContain(`href="/topics/${TOPIC}">Back to Women&#x27;s Empowerment and Gender Equality</a>`);
    expect(html).not.toContain("cancelled");
  });

  it("says whether registration is open only when it is", async () => {
    const upcoming = await renderEvent(FIFTH);
    expect(upcoming).toContain(">Registration</h2>");
    expect(upcoming).toContain("Add to calendar");
    expect(upcoming).not.toContain("This event took place");
    expect(upcoming).toMatch(/Registration is open until [A-Z][a-z]+ \d{1,2}, \d{4}, 3:00 p\.m\. \(local time; /);
    await db.update(events).set({ registrationOpensAt: new Date(now.getTime() + 2 * DAY) }).where(eq(events.slug, FIFTH));
    expect(await renderEvent(FIFTH)).toMatch(/Registration opens on [A-Z][a-z]+ \d{1,2}, \d{4}, /);
    // A held event has nothing to say about registration.
    expect(await renderEvent(FOURTH)).not.toContain("Registration");
  });

  it("keeps the position held at the event when the person's title later changes", async () => {
    await db.update(people).set({ position: "Former Executive Director of UN Women" }).where(eq(people.slug, "sima-bahous"));
    const e = (await getPublicEvent(FOURTH))!;
    expect(e.speakers.map(speakerLine)).toContain("Ms. Sima Bahous, Executive Director of UN Women");
  });

  it("lists the speakers with their roles, leaving out guests and unanswered or declined invitations", async () => {
    const e = (await getPublicEvent(FOURTH))!;
    expect(e.speakers.map((s) => s.role)).toEqual(["host", "moderator", "panelist", "panelist", "panelist"]);

    const [guest] = await db
      .insert(people)
      .values({ slug: "a-guest", givenName: "Ann", familyName: "Guest", position: "Observer" })
      .returning();
    await db.insert(eventParticipants).values({ eventId: e.id, personId: guest!.id, role: "guest", invitationStatus: "confirmed", sortOrder: 9 });
    await db
      .update(eventParticipants)
      .set({ invitationStatus: "declined" })
      .where(eq(eventParticipants.positionAtEvent, "Permanent Representative of Norway to the United Nations"));
    const after = (await getPublicEvent(FOURTH))!;
    expect(after.speakers.map((s) => s.person.familyName)).toEqual(["Kamikawa", "Shino", "Bahous", "Nakamitsu"]);
    expect(after.agenda[1]!.speakers.map((s) => s.person.familyName)).toEqual(["Shino", "Bahous", "Nakamitsu"]);

    // The fifth meeting's panelist has been invited but has not answered yet.
    const fifth = (await getPublicEvent(FIFTH))!;
    expect(fifth.speakers.map(speakerLine)).toEqual(["Ambassador Mitsuko Shino, Deputy Permanent Representative of Japan to the United Nations"]);
  });

  it("is read for a registration in one statement with its email details and the settings the email needs", async () => {
    const event = (await findPublicEventBySlug(FIFTH))!;
    const [details] = await db.select({ id: events.id }).from(events).where(eq(events.slug, FIFTH));
    expect(event.id).toBe(details!.id);
    expect(event.details).toEqual(await getEventCalendarSource(event.id));
    const saved = await getSettings();
    expect(event.settings).toEqual({
      organizationName: saved.organizationName,
      homeTimeZone: saved.homeTimeZone,
      homeTimeZoneLabel: saved.homeTimeZoneLabel,
      defaultLanguage: saved.defaultLanguage,
    });
    // A fresh install without a settings row goes by the defaults, as getSettings does.
    await db.delete(settings);
    expect((await findPublicEventBySlug(FIFTH))!.settings).toBe(DEFAULT_SETTINGS);
    await db.insert(settings).values(saved);
  });

  it("does not exist for an unknown address", async () => {
    expect(await getPublicEvent("no-such-event")).toBeUndefined();
  });

  it("comes as an iCalendar download whose UID survives edits", async () => {
    const res = await callEventCalendar(FOURTH);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${FOURTH}.ics"`);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const lines = unfold(await res.text());
    const [row] = await db.select().from(events).where(eq(events.slug, FOURTH));
    expect(lines).toContain(`UID:${row!.id}@symposia`);
    expect(lines).toContain("DTSTART:20240318T203500Z");
    expect(lines).toContain("DTEND:20240318T214000Z");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines).toContain(`URL:http://localhost:3000/events/${FOURTH}`);

    const seqBefore = lines.find((l) => l.startsWith("SEQUENCE:"));
    await db
      .update(events)
      .set({ title: "From the United Nations, New York", updatedAt: new Date(row!.updatedAt.getTime() + 2000) })
      .where(eq(events.slug, FOURTH));
    const edited = unfold(await (await callEventCalendar(FOURTH)).text());
    expect(edited).toContain(`UID:${row!.id}@symposia`);
    expect(edited).toContain("SUMMARY:WPS + Innovation: From the United Nations\\, New York");
    const seqEdited = Number(edited.find((l) => l.startsWith("SEQUENCE:"))!.slice(9));
    expect(seqEdited).toBeGreaterThan(Number(seqBefore!.slice(9)));

    // The address is part of the entry, so a venue edit is a new version of it too.
    await db.update(venues).set({ address: "760 United Nations Plaza", updatedAt: new Date(row!.updatedAt.getTime() + 4000) }).where(eq(venues.name, "United Nations Headquarters"));
    const moved = unfold(await (await callEventCalendar(FOURTH)).text());
    expect(moved).toContain("LOCATION:United Nations Headquarters\\, 760 United Nations Plaza\\, New York\\, United States");
    expect(Number(moved.find((l) => l.startsWith("SEQUENCE:"))!.slice(9))).toBeGreaterThan(seqEdited);
  });
});

describe("drafts", () => {
  freshDemo();

  it("are invisible everywhere the public looks", async () => {
    await db.update(events).set({ status: "draft" }).where(eq(events.slug, FIFTH));
    expect(await getPublicEvent(FIFTH)).toBeUndefined();
    expect(await getCalendarEvent(FIFTH)).toBeUndefined();
    const topic = (await getPublicTopic(TOPIC, now))!;
    expect([...topic.upcoming, ...topic.past].map((e) => e.slug)).toEqual([FOURTH]);
    const wps = (await getPublicSeries("wps-innovation", now))!;
    expect([...wps.upcoming, ...wps.past].map((e) => e.slug)).toEqual([FOURTH]);
    expect((await listCalendarEvents(new Date(0))).map((e) => e.slug)).toEqual([FOURTH]);
  });

  it("have no calendar file: 404, as for an unknown address", async () => {
    expect((await callEventCalendar(FIFTH)).status).toBe(404);
    expect((await callEventCalendar("no-such-event")).status).toBe(404);
  });

  it("are pages that are not found", async () => {
    await expect(renderEvent(FIFTH)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("topic and series listings", () => {
  freshDemo();

  it("put upcoming events first, soonest first, then past ones, most recent first", async () => {
    await addEvent("later", new Date(now.getTime() + 100 * DAY), { seriesId: null });
    await addEvent("sooner", new Date(now.getTime() + 3 * DAY), { seriesNumber: 6 });
    await addEvent("under-way", new Date(now.getTime() - 30 * 60_000), { seriesId: null });
    await addEvent("last-year", new Date("2023-06-01T14:00:00Z"), { seriesNumber: 3 });
    await addEvent("long-ago", new Date("2021-06-01T14:00:00Z"), { seriesNumber: 1 });
    await addEvent("secret", new Date(now.getTime() + 10 * DAY), { status: "draft", seriesNumber: 7 });

    const topic = (await getPublicTopic(TOPIC, now))!;
    expect(topic.name).toBe("Women's Empowerment and Gender Equality");
    expect(topic.series.map((s) => s.slug)).toEqual(["wps-innovation"]);
    expect(topic.upcoming.map((e) => e.slug)).toEqual(["under-way", "sooner", FIFTH, "later"]);
    expect(topic.past.map((e) => e.slug)).toEqual([FOURTH, "last-year", "long-ago"]);

    const wps = (await getPublicSeries("wps-innovation", now))!;
    expect(wps.topic).toMatchObject({ slug: TOPIC, name: "Women's Empowerment and Gender Equality" });
    expect(wps.upcoming.map((e) => [e.seriesNumber, e.slug])).toEqual([
      [6, "sooner"],
      [5, FIFTH],
    ]);
    expect(wps.past.map((e) => [e.seriesNumber, e.slug])).toEqual([
      [4, FOURTH],
      [3, "last-year"],
      [1, "long-ago"],
    ]);
  });

  it("do not exist for unknown addresses", async () => {
    expect(await getPublicTopic("no-such-topic")).toBeUndefined();
    expect(await getPublicSeries("no-such-series")).toBeUndefined();
  });
});

describe("cancelled events", () => {
  freshDemo();

  it("stay visible, marked as cancelled", async () => {
    await db.update(events).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(events.slug, FIFTH));
    expect((await getPublicEvent(FIFTH))?.status).toBe("cancelled");
    expect((await getCalendarEvent(FIFTH))?.status).toBe("cancelled");
    const html = await renderEvent(FIFTH);
    expect(html).toContain("This event has been cancelled.");
    expect(html).not.toContain("Add to calendar");
    expect(html).not.toContain("Registration");
  });

  it("are marked in the feed, which holds the last twelve months and what is to come, without drafts", async () => {
    await db.update(events).set({ status: "cancelled" }).where(eq(events.slug, FIFTH));
    await addEvent("next-week", new Date(now.getTime() + 7 * DAY), { seriesNumber: 6 });
    await addEvent("two-years-ago", new Date(now.getTime() - 730 * DAY), { seriesNumber: 2 });
    await addEvent("this-spring", new Date(now.getTime() - 200 * DAY), { seriesNumber: 3 });
    await addEvent("secret", new Date(now.getTime() + 8 * DAY), { status: "draft", seriesNumber: 7 });
    const res = await feed();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    const lines = unfold(text);
    const summaries = lines.filter((l) => l.startsWith("SUMMARY:"));
    expect(summaries).toEqual([
      "SUMMARY:WPS + Innovation: Event this-spring",
      "SUMMARY:WPS + Innovation: Event next-week",
      "SUMMARY:Cancelled: WPS + Innovation: Technology\\, Peacebuilding and Women's Leadership",
    ]);
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain("X-WR-CALNAME:Symposia Demo Ministry");
    for (const physical of text.split("\r\n")) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
  });
});
