import { and, eq, ne } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, series, summaries, topics } from "@/db/schema";
import { eventUid } from "@/lib/ics";
import { closeDb, db, resetWithDemo } from "./support/db";
import { replaceDemoSummary } from "./support/demo-summary";
import { expectBalancedElements } from "./support/xml";

const TOPIC = "womens-empowerment-and-gender-equality";
const SERIES = "wps-innovation";
type Handler = (r: NextRequest, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;

async function get(route: Promise<{ GET: unknown }>, path: string, slug: string): Promise<Response> {
  const { GET } = await route;
  return (GET as Handler)(new NextRequest(`http://localhost:3000${path}`), { params: Promise.resolve({ slug }) });
}
const topicCalendar = (slug: string) => get(import("@/app/(public)/topics/[slug]/calendar.ics/route"), `/topics/${slug}/calendar.ics`, slug);
const seriesCalendar = (slug: string) => get(import("@/app/(public)/series/[slug]/calendar.ics/route"), `/series/${slug}/calendar.ics`, slug);
const topicFeed = (slug: string) => get(import("@/app/(public)/topics/[slug]/feed.xml/route"), `/topics/${slug}/feed.xml`, slug);

let topicId: string;
let seriesId: string;
let draftId: string;

beforeAll(async () => {
  await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  const [topic] = await db.select().from(topics).where(eq(topics.slug, TOPIC));
  const [own] = await db.select().from(series).where(eq(series.slug, SERIES));
  topicId = topic!.id;
  seriesId = own!.id;
  await replaceDemoSummary({ title: "Women & Peace at the UN", body: "What was said." });
  // A draft of the same topic and series, with a published summary: neither feed may show it.
  const [draft] = await db
    .insert(events)
    .values({ slug: "secret-draft", title: "Secret meeting", topicId, seriesId, seriesNumber: 99, timeZone: "UTC", startsAt: new Date("2027-01-01T10:00:00Z"), endsAt: new Date("2027-01-01T11:00:00Z") })
    .returning();
  draftId = draft!.id;
  await db.insert(summaries).values({ eventId: draftId, status: "published", title: "Secret summary", body: "x", publishedAt: new Date() });
  // A topic and a series that have only a draft are not public yet.
  const [hidden] = await db.insert(topics).values({ slug: "hidden-topic", name: "Hidden topic" }).returning();
  const [hiddenSeries] = await db.insert(series).values({ slug: "hidden-series", name: "Hidden series", topicId: hidden!.id }).returning();
  await db.insert(events).values({
    slug: "hidden-draft",
    title: "Hidden draft",
    topicId: hidden!.id,
    seriesId: hiddenSeries!.id,
    timeZone: "UTC",
    startsAt: new Date("2027-01-01T10:00:00Z"),
    endsAt: new Date("2027-01-01T11:00:00Z"),
  });
});
afterAll(closeDb);

/** Checks the RFC 5545 shape a calendar application relies on, and returns the UIDs of its events. */
/** Checks that a response succeeded with the given content type, and returns its body. */
async function okBody(response: Response, contentType: string): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(contentType);
  return response.text();
}

function checkCalendar(body: string): string[] {
  expect(body.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
  const lines = body.slice(0, -2).split("\r\n");
  // Every line ends in CRLF (no stray LF), and none is longer than 75 octets.
  for (const line of lines) {
    expect(line).not.toContain("\n");
    expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  }
  expect(lines.filter((l) => l === "BEGIN:VEVENT").length).toBe(lines.filter((l) => l === "END:VEVENT").length);
  return lines.filter((l) => l.startsWith("UID:")).map((l) => l.slice(4));
}

describe("topic and series calendars", () => {
  it("list every public event of the topic, and no draft", async () => {
    const body = await okBody(await topicCalendar(TOPIC), "text/calendar; charset=utf-8");
    const uids = checkCalendar(body);
    const expected = await db.select({ id: events.id }).from(events).where(and(eq(events.topicId, topicId), ne(events.status, "draft")));
    expect(expected.length).toBeGreaterThan(0);
    expect(uids.sort()).toEqual(expected.map((e) => eventUid(e.id)).sort());
    expect(uids).not.toContain(eventUid(draftId));
    expect(body).not.toContain("Secret");
    expect(body).toContain("Women's Empowerment and Gender Equality");
  });

  it("list every public meeting of the series, and no draft", async () => {
    const response = await seriesCalendar(SERIES);
    expect(response.status).toBe(200);
    const uids = checkCalendar(await response.text());
    const expected = await db.select({ id: events.id }).from(events).where(and(eq(events.seriesId, seriesId), ne(events.status, "draft")));
    expect(uids.sort()).toEqual(expected.map((e) => eventUid(e.id)).sort());
  });

  it("are not found for a topic or series that is unknown or has no public event", async () => {
    for (const response of [await topicCalendar("hidden-topic"), await topicCalendar("no-such-topic"), await seriesCalendar("hidden-series"), await seriesCalendar("no-such")]) {
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("Hidden");
    }
  });
});

describe("a topic's Atom feed", () => {
  it("is well formed and lists the topic's published summaries of public events only", async () => {
    const xml = await okBody(await topicFeed(TOPIC), "application/atom+xml; charset=utf-8");
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')).toBe(true);
    expect(xml).toContain(`<id>http://localhost:3000/topics/${TOPIC}/feed.xml</id>`);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="http://localhost:3000/topics/${TOPIC}"/>`);
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain("<title>Women &amp; Peace at the UN</title>");
    expect(xml).not.toContain("Secret");
    expectBalancedElements(xml);
  });

  it("leaves out summaries of other topics, and is not found for a topic that is not public", async () => {
    const [other] = await db.insert(topics).values({ slug: "other-topic", name: "Other topic" }).returning();
    const [event] = await db
      .insert(events)
      .values({ slug: "other-event", title: "Other event", topicId: other!.id, timeZone: "UTC", status: "scheduled", startsAt: new Date("2025-01-01T10:00:00Z"), endsAt: new Date("2025-01-01T11:00:00Z") })
      .returning();
    await db.insert(summaries).values({ eventId: event!.id, status: "published", title: "Elsewhere", body: "x", publishedAt: new Date() });
    expect(await (await topicFeed(TOPIC)).text()).not.toContain("Elsewhere");
    expect(await (await topicFeed("other-topic")).text()).toContain("<title>Elsewhere</title>");
    expect((await topicFeed("hidden-topic")).status).toBe(404);
  });
});
