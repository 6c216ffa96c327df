import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import EventsArchivePage from "@/app/(public)/events/page";
import { choiceKeys, listArchiveChoices, listArchivePage, listMeetings, listRecentPastEvents } from "@/db/queries/archive";
import { events, series, summaries, topics, venues } from "@/db/schema";
import { type ArchiveFilters, archiveHref, NO_FILTERS, readArchiveFilters, readArchivePage } from "@/lib/archive-filters";
import { closeDb, db, resetWithDemo } from "./support/db";

vi.mock("next/server", async (original) => ({ ...(await original<Record<string, unknown>>()), connection: async () => undefined }));

// A fixed "now", with the archive's own topics beside the demo's: every assertion is about rows made here.
const now = new Date("2026-06-01T00:00:00Z");
const A = "archive-topic-a";
const B = "archive-topic-b";
const S1 = "archive-series-one";
const S2 = "archive-series-two";

const ids: Record<string, string> = {};

async function addEvent(slug: string, startsAt: string, extra: Partial<typeof events.$inferInsert>) {
  const start = new Date(startsAt);
  const [row] = await db
    .insert(events)
    .values({
      slug,
      title: `Event ${slug}`,
      venueId: ids.venue,
      timeZone: "UTC",
      startsAt: start,
      endsAt: new Date(start.getTime() + 90 * 60_000),
      status: "scheduled",
      ...extra,
    })
    .returning();
  ids[slug] = row!.id;
  return row!;
}

beforeAll(async () => {
  await resetWithDemo(now);
  const [a, b, empty] = await db
    .insert(topics)
    .values([
      { slug: A, name: "Archive A" },
      { slug: B, name: "Archive B" },
      { slug: "archive-drafts-only", name: "Archive drafts only" },
    ])
    .returning();
  const [s1, s2] = await db
    .insert(series)
    .values([
      { slug: S1, name: "Archive Series One", topicId: a!.id },
      { slug: S2, name: "Archive Series Two", topicId: b!.id },
    ])
    .returning();
  const [venue] = await db.insert(venues).values({ name: "Archive Hall", city: "Geneva", country: "Switzerland", timeZone: "Europe/Zurich" }).returning();
  ids.venue = venue!.id;

  // Series one: ten meetings in 2023, ten in 2024, three to come in 2027, a fourth to come but cancelled, and a draft.
  for (let n = 1; n <= 23; n++) {
    const year = n <= 10 ? 2023 : n <= 20 ? 2024 : 2027;
    const month = n <= 10 ? n : n <= 20 ? n - 10 : n - 20;
    await addEvent(`a-${n}`, `${year}-${String(month).padStart(2, "0")}-15T10:00:00Z`, { topicId: a!.id, seriesId: s1!.id, seriesNumber: n });
  }
  await addEvent("a-cancelled", "2027-04-15T10:00:00Z", { topicId: a!.id, seriesId: s1!.id, seriesNumber: 24, status: "cancelled", cancelledAt: now });
  await addEvent("a-draft", "2024-12-15T10:00:00Z", { topicId: a!.id, seriesId: s1!.id, seriesNumber: 25, status: "draft" });

  // Topic B: a New Year's Eve evening in New York (already 2024 in UTC), one with a published summary, one with a draft.
  await addEvent("b-new-year", "2024-01-01T03:00:00Z", { topicId: b!.id, seriesId: s2!.id, seriesNumber: 1, timeZone: "America/New_York" });
  await addEvent("b-summarised", "2024-06-10T10:00:00Z", { topicId: b!.id });
  await addEvent("b-summary-draft", "2024-07-10T10:00:00Z", { topicId: b!.id });
  await db.insert(summaries).values([
    { eventId: ids["b-summarised"]!, status: "published", title: "What was said in June", lede: "A lively June.", publishedAt: now },
    { eventId: ids["b-summary-draft"]!, status: "draft", title: "Not yet" },
  ]);
  await addEvent("hidden-draft", "2024-03-01T10:00:00Z", { topicId: empty!.id, status: "draft" });
});
afterAll(closeDb);

const page = (filters: Partial<ArchiveFilters>, n = 1, pageSize = 20) => listArchivePage({ ...NO_FILTERS, ...filters, page: n, pageSize, now });
const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug);

describe("the archive's filter choices", () => {
  it("offer the topics, series and local years that have public events, and nothing made only of drafts", async () => {
    const choices = await listArchiveChoices();
    const keys = choiceKeys(choices);
    expect(keys.topics).toEqual(expect.arrayContaining([A, B]));
    expect(keys.topics).not.toContain("archive-drafts-only");
    expect(keys.series).toEqual(expect.arrayContaining([S1, S2]));
    expect(choices.series.find((s) => s.slug === S2)?.topicName).toBe("Archive B");
    expect(keys.years).toEqual(expect.arrayContaining([2023, 2024, 2027]));
    // Most recent year first.
    expect([...keys.years].sort((x, y) => y - x)).toEqual(keys.years);
  });
});

describe("a page of the archive", () => {
  it("lists a topic's upcoming events soonest first, then its past events most recent first, 20 to a page", async () => {
    const first = await page({ topic: A });
    expect(first.total).toBe(24);
    expect(first.pageCount).toBe(2);
    expect(first.page).toBe(1);
    expect(slugs(first.rows)).toEqual(["a-21", "a-22", "a-23", "a-cancelled", ...Array.from({ length: 16 }, (_, i) => `a-${20 - i}`)]);
    const second = await page({ topic: A }, 2);
    expect(slugs(second.rows)).toEqual(["a-4", "a-3", "a-2", "a-1"]);
  });

  it("never lists a draft, and lists a cancelled event as cancelled", async () => {
    const all = [...(await page({ topic: A }, 1, 100)).rows, ...(await page({}, 1, 1000)).rows];
    expect(slugs(all)).not.toContain("a-draft");
    expect(slugs(all)).not.toContain("hidden-draft");
    const cancelled = all.find((r) => r.slug === "a-cancelled");
    expect(cancelled).toMatchObject({ status: "cancelled", upcoming: true });
  });

  it("shows the last page for a page number past it", async () => {
    const past = await page({ topic: A }, 99);
    expect(past.page).toBe(2);
    expect(slugs(past.rows)).toEqual(["a-4", "a-3", "a-2", "a-1"]);
  });

  it("filters by upcoming and past, by when the event ends", async () => {
    const upcoming = await page({ topic: A, when: "upcoming" });
    expect(slugs(upcoming.rows)).toEqual(["a-21", "a-22", "a-23", "a-cancelled"]);
    expect(upcoming.rows.every((r) => r.upcoming)).toBe(true);
    const past = await page({ topic: A, when: "past" });
    expect(past.total).toBe(20);
    expect(past.rows[0]!.slug).toBe("a-20");
    expect(past.rows.every((r) => !r.upcoming)).toBe(true);
  });

  it("filters by the year in the event's own time zone", async () => {
    expect((await page({ topic: A, year: 2023 })).total).toBe(10);
    expect(slugs((await page({ topic: B, year: 2023 })).rows)).toEqual(["b-new-year"]);
    expect(slugs((await page({ topic: B, year: 2024 })).rows)).toEqual(["b-summary-draft", "b-summarised"]);
  });

  it("filters by series, and combines filters", async () => {
    expect(slugs((await page({ series: S2 })).rows)).toEqual(["b-new-year"]);
    expect((await page({ series: S1, topic: B })).total).toBe(0);
    expect((await page({ series: S1, topic: B })).rows).toEqual([]);
    expect((await page({ series: S1, year: 2027, when: "past" })).total).toBe(0);
    expect(slugs((await page({ series: S1, year: 2024, when: "past" }, 1, 3)).rows)).toEqual(["a-20", "a-19", "a-18"]);
  });

  it("carries a published summary's title and lede, and nothing of a draft summary", async () => {
    const rows = (await page({ topic: B })).rows;
    expect(rows.find((r) => r.slug === "b-summarised")).toMatchObject({ summaryTitle: "What was said in June", summaryLede: "A lively June." });
    expect(rows.find((r) => r.slug === "b-summary-draft")).toMatchObject({ summaryTitle: null, summaryLede: null });
  });
});

describe("meetings of a topic and a series", () => {
  it("lists a series' meetings by number in both parts, leaving drafts out", async () => {
    const [s1] = await db.select().from(series).where(eq(series.slug, S1));
    const meetings = await listMeetings({ seriesId: s1!.id }, { now });
    expect(slugs(meetings.upcoming)).toEqual(["a-21", "a-22", "a-23", "a-cancelled"]);
    expect(slugs(meetings.past)).toEqual(Array.from({ length: 20 }, (_, i) => `a-${i + 1}`));
  });

  it("lists a topic's past events most recent first, with their summaries", async () => {
    const [b] = await db.select().from(topics).where(eq(topics.slug, B));
    const meetings = await listMeetings({ topicId: b!.id }, { now });
    expect(meetings.upcoming).toEqual([]);
    expect(slugs(meetings.past)).toEqual(["b-summary-draft", "b-summarised", "b-new-year"]);
    expect(meetings.past[1]!.summaryTitle).toBe("What was said in June");
  });

  it("gives the home page the most recent past events of all", async () => {
    const recent = await listRecentPastEvents(2, now);
    // The demo's only past meeting is in March 2024: series one's October and September 2024 meetings come first.
    expect(slugs(recent)).toEqual(["a-20", "a-19"]);
  });
});

describe("filters read from an address", () => {
  const choices = { topics: [A, B], series: [S1], years: [2023, 2024] };

  it("keep what the archive knows and drop the rest", () => {
    expect(readArchiveFilters({ topic: A, series: S1, year: "2023", when: "past" }, choices)).toEqual({ topic: A, series: S1, year: 2023, when: "past" });
    expect(readArchiveFilters({ topic: "nope", series: "", year: "1999", when: "someday" }, choices)).toEqual(NO_FILTERS);
    expect(readArchiveFilters({ topic: [B, A], year: "2023abc" }, choices)).toEqual({ ...NO_FILTERS, topic: B });
    expect(readArchiveFilters({}, choices)).toEqual(NO_FILTERS);
  });

  it("read a page number, the first page for anything else", () => {
    expect(readArchivePage({ page: "3" })).toBe(3);
    for (const bad of ["0", "-2", "1.5", "x", "", "99999999999"]) expect(readArchivePage({ page: bad })).toBe(1);
    expect(readArchivePage({})).toBe(1);
  });

  it("write one address per set of filters, which reads back as the same filters", () => {
    expect(archiveHref(NO_FILTERS)).toBe("/events");
    expect(archiveHref({ ...NO_FILTERS, when: "past" })).toBe("/events?when=past");
    const f: ArchiveFilters = { topic: A, series: S1, year: 2024, when: "upcoming" };
    const href = archiveHref(f, 2);
    expect(href).toBe(`/events?topic=${A}&series=${S1}&year=2024&when=upcoming&page=2`);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(readArchiveFilters(params, choices)).toEqual(f);
    expect(readArchivePage(params)).toBe(2);
  });
});

describe("the sitemap", () => {
  it("lists the archive once, unfiltered", async () => {
    const { default: sitemap } = await import("@/app/sitemap");
    const urls = (await sitemap()).map((e) => e.url);
    expect(urls.filter((u) => /\/events(\?|$)/.test(u))).toEqual(["http://localhost:3000/events"]);
  });
});

describe("the /events page", () => {
  const render = async (searchParams: Record<string, string>) =>
    renderToStaticMarkup(await EventsArchivePage({ params: Promise.resolve({}), searchParams: Promise.resolve(searchParams) }));
  const redirectOf = async (searchParams: Record<string, string>) => {
    try {
      await EventsArchivePage({ params: Promise.resolve({}), searchParams: Promise.resolve(searchParams) });
    } catch (error) {
      return String((error as { digest?: string }).digest ?? error);
    }
    return null;
  };

  it("shows the count, the page and the order, with a pagination landmark", async () => {
    const html = await render({ topic: A });
    expect(html).toContain("24 events, page 1 of 2.");
    expect(html).toContain("Upcoming events first, soonest first; then past events, most recent first.");
    expect(html).toContain('aria-label="Pagination"');
    expect(html).toContain(`href="/events?topic=${A}&amp;page=2"`);
    expect(html).toContain('href="/events/a-cancelled"');
    expect(html).toContain("Cancelled");
    expect(html).not.toContain("a-draft");
  });

  it("links a published summary, and says when nothing matches", async () => {
    expect(await render({ topic: B })).toContain('href="/events/b-summarised/summary"');
    const empty = await render({ topic: B, series: S1 });
    expect(empty).toContain("No events match these filters.");
    expect(empty).toContain('href="/events">Clear the filters</a>');
  });

  it("sends an untidy or unknown address to the clean one instead of failing", async () => {
    expect(await redirectOf({ topic: A, series: "", year: "", when: "all" })).toContain(`/events?topic=${A}`);
    expect(await redirectOf({ topic: "no-such-topic", year: "abc", page: "-1" })).toMatch(/;\/events;/);
    expect(await redirectOf({ topic: A })).toBeNull();
  });
});
