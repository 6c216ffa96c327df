import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEventsPage } from "@/db/queries/events";
import { listPeoplePage } from "@/db/queries/people";
import { type Highlighted, MAX_RESULTS, normalizeQuery, searchPublic, splitHighlight } from "@/db/queries/search";
import { listSeriesPage } from "@/db/queries/series";
import { listTopicsPage } from "@/db/queries/topics";
import { listVenuesPage } from "@/db/queries/venues";
import { eventParticipants, events, people, series, summaries, topics, venues } from "@/db/schema";
import { closeDb, db, resetDatabase } from "./support/db";

const HOUR = 3_600_000;
const start = new Date("2025-05-01T14:00:00Z");
const plain = (h: Highlighted) => h.map((p) => (typeof p === "string" ? p : p.mark)).join("");
const marks = (h: Highlighted) => h.flatMap((p) => (typeof p === "string" ? [] : [p.mark]));

beforeAll(async () => {
  await resetDatabase();
  const [topic] = await db
    .insert(topics)
    .values({ slug: "ocean-governance", name: "Ocean Governance", description: "Fisheries, seabeds and the high seas." })
    .returning();
  const [hidden] = await db.insert(topics).values({ slug: "secret-topic", name: "Quokka studies", description: "Only drafts." }).returning();
  const [wave] = await db.insert(series).values({ slug: "wave", name: "Wave dialogues", topicId: topic!.id }).returning();
  const [venue] = await db
    .insert(venues)
    .values({ name: "Palais des Nations", city: "Geneva", country: "Switzerland", timeZone: "Europe/Zurich" })
    .returning();
  const event = (slug: string, title: string, description: string | null, status: "draft" | "scheduled" | "cancelled", topicId = topic!.id, n = 0) => ({
    slug,
    title,
    description,
    status,
    topicId,
    seriesId: wave!.id,
    seriesNumber: n || null,
    venueId: venue!.id,
    timeZone: "Europe/Zurich",
    startsAt: new Date(start.getTime() + n * 24 * HOUR),
    endsAt: new Date(start.getTime() + n * 24 * HOUR + 2 * HOUR),
  });
  const [titled, described, draft, cancelled] = await db
    .insert(events)
    .values([
      event("quokka-summit", "Quokka summit", "Panels on the seabed.", "scheduled", topic!.id, 1),
      event("seabed-mining", "Seabed mining", "A long day of talks, and on the second afternoon a word about the quokka among other things.", "scheduled", topic!.id, 2),
      event("draft-quokka", "Quokka draft meeting", "Secret quokka plans.", "draft", hidden!.id, 3),
      event("cancelled-reef", "Reef restoration", "Called off: reef talks.", "cancelled", topic!.id, 4),
    ])
    .returning();
  await db.insert(summaries).values([
    {
      eventId: titled!.id,
      status: "published",
      title: "The quokka summit agreed on marine reserves",
      lede: "Delegates met in Geneva.",
      body: "## Outcome\n\nThe **marine reserves** were [agreed](https://example.org) after a long debate.",
      publishedAt: new Date(),
    },
    { eventId: described!.id, status: "draft", title: "Unpublished mining notes", body: "Zanzibar manganese nodules." },
  ]);
  const [sima, ann, guest, invited] = await db
    .insert(people)
    .values([
      { slug: "sima-bahous", givenName: "Sima", familyName: "Bahous", position: "Executive Director", organization: "UN Women", bio: "Works on ocean equality." },
      { slug: "an-li", givenName: "An", familyName: "Li", position: "Oceanographer", bio: "Studies manganese nodules." },
      { slug: "guest-person", givenName: "Guesty", familyName: "Audience", bio: "Sat in the audience." },
      { slug: "invited-person", givenName: "Pending", familyName: "Invitee", bio: "Has not answered." },
    ])
    .returning();
  await db.insert(eventParticipants).values([
    { eventId: titled!.id, personId: sima!.id, role: "speaker", invitationStatus: "confirmed" },
    { eventId: described!.id, personId: ann!.id, role: "panelist", invitationStatus: "not_invited" },
    { eventId: titled!.id, personId: guest!.id, role: "guest", invitationStatus: "not_invited" },
    { eventId: titled!.id, personId: invited!.id, role: "panelist", invitationStatus: "invited" },
    { eventId: draft!.id, personId: ann!.id, role: "speaker", invitationStatus: "confirmed" },
  ]);
  void cancelled;
});
afterAll(closeDb);

describe("public search", () => {
  it("ranks a match in the title above one in the text, and finds a published summary", async () => {
    const { hits, total } = await searchPublic("quokka");
    const hrefs = hits.map((h) => h.href);
    expect(hrefs).toContain("/events/quokka-summit");
    expect(hrefs).toContain("/events/seabed-mining");
    expect(hrefs).toContain("/events/quokka-summit/summary");
    expect(hrefs.indexOf("/events/quokka-summit")).toBeLessThan(hrefs.indexOf("/events/seabed-mining"));
    expect(total).toBe(hits.length);
  });

  it("never finds drafts, unpublished summaries, topics without a public event, guests or pending invitees", async () => {
    const hrefs = async (q: string) => (await searchPublic(q)).hits.map((h) => h.href);
    expect(await hrefs("quokka")).not.toContain("/events/draft-quokka");
    expect(await hrefs("secret plans")).toEqual([]);
    expect(await hrefs("Quokka studies")).not.toContain("/topics/secret-topic");
    expect(await hrefs("zanzibar")).toEqual([]);
    expect(await hrefs("unpublished mining notes")).toEqual([]);
    expect(await hrefs("audience")).toEqual([]);
    expect(await hrefs("invitee")).toEqual([]);
  });

  it("finds people with a public part, topics with a public event and cancelled events", async () => {
    expect((await searchPublic("Bahous")).hits.map((h) => h.href)).toEqual(["/people/sima-bahous"]);
    expect((await searchPublic("Bahous")).hits[0]!.title).toEqual(["Sima Bahous"]);
    // "An" is an English stop word, but also a name: names are matched as typed too.
    expect((await searchPublic("An Li")).hits.map((h) => h.href)).toEqual(["/people/an-li"]);
    expect((await searchPublic("governance")).hits.map((h) => h.href)).toEqual(["/topics/ocean-governance"]);
    const reef = (await searchPublic("reef")).hits;
    expect(reef.map((h) => h.href)).toEqual(["/events/cancelled-reef"]);
    expect(reef[0]!.context).toContain("Cancelled");
  });

  it("stems English text: a plural finds the singular", async () => {
    expect((await searchPublic("reserve")).hits.map((h) => h.href)).toEqual(["/events/quokka-summit/summary"]);
    expect((await searchPublic("oceanographers")).hits.map((h) => h.href)).toEqual(["/people/an-li"]);
  });

  it("highlights the matched words in titles and excerpts, without Markdown punctuation", async () => {
    const summary = (await searchPublic("marine reserves")).hits.find((h) => h.kind === "summary")!;
    expect(plain(summary.title)).toBe("The quokka summit agreed on marine reserves");
    expect(marks(summary.title)).toEqual(["marine", "reserves"]);
    expect(marks(summary.excerpt)).toEqual(expect.arrayContaining(["marine", "reserves"]));
    expect(plain(summary.excerpt)).not.toMatch(/[*#[\]()]/);
    expect(plain(summary.excerpt)).toContain("agreed after");
    const event = (await searchPublic("quokka")).hits.find((h) => h.href === "/events/seabed-mining")!;
    expect(marks(event.excerpt)).toEqual(["quokka"]);
  });

  it("reads quotes, operators and markup in the query as words, never as syntax", async () => {
    for (const q of ["'", '"', "quokka'); drop table events; --", "quokka & | ! :* (", "<script>alert(1)</script>", "or", "-", '"quokka summit"', "\\", "a:*"]) {
      await expect(searchPublic(q)).resolves.toBeDefined();
    }
    expect((await searchPublic("quokka');")).hits.length).toBe(3);
    expect((await searchPublic('"quokka summit"')).hits.map((h) => h.href)).not.toContain("/events/seabed-mining");
    expect((await searchPublic("quokka -seabed")).hits.map((h) => h.href)).not.toContain("/events/seabed-mining");
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(events)) as [{ n: number }];
    expect(n).toBe(4);
  });

  it("finds nothing for an empty or blank query, without asking the database", async () => {
    for (const q of ["", "   ", null, undefined, "\u0001\u0002"]) {
      expect(await searchPublic(q)).toMatchObject({ hits: [], total: 0, pageCount: 0 });
    }
    expect(normalizeQuery("  sea \n  bed ")).toBe("sea bed");
    expect(normalizeQuery("x".repeat(500))).toHaveLength(200);
  });

  it("pages through the results", async () => {
    const all = await searchPublic("quokka", { pageSize: 2 });
    expect(all.total).toBe(3);
    expect(all.pageCount).toBe(2);
    const second = await searchPublic("quokka", { page: 2, pageSize: 2 });
    expect(second.hits).toHaveLength(1);
    expect([...all.hits, ...second.hits].map((h) => h.href).sort()).toEqual(
      ["/events/quokka-summit", "/events/quokka-summit/summary", "/events/seabed-mining"].sort(),
    );
    expect((await searchPublic("quokka", { page: 500, pageSize: 2 })).page).toBe(100);
  });

  it("counts every match but pages only the best MAX_RESULTS", async () => {
    const [{ id: topicId }] = (await db.select({ id: topics.id }).from(topics).where(sql`${topics.slug} = 'ocean-governance'`)) as [{ id: string }];
    await db.insert(events).values(
      Array.from({ length: MAX_RESULTS + 5 }, (_, i) => ({
        slug: `walrus-${i}`,
        title: `Walrus meeting ${i}`,
        status: "scheduled" as const,
        topicId,
        timeZone: "UTC",
        startsAt: new Date(start.getTime() + i * HOUR),
        endsAt: new Date(start.getTime() + (i + 1) * HOUR),
      })),
    );
    const first = await searchPublic("walrus", { pageSize: 20 });
    expect(first.total).toBe(MAX_RESULTS + 5);
    expect(first.pageCount).toBe(MAX_RESULTS / 20);
    const last = await searchPublic("walrus", { page: 1000, pageSize: 20 });
    expect(last.page).toBe(MAX_RESULTS / 20);
    expect(last.hits).toHaveLength(20);
    await db.delete(events).where(sql`${events.slug} like 'walrus-%'`);
  });

  it("splits ts_headline's sentinels into text and marks, whatever the data holds", () => {
    expect(splitHighlight("a \u0001b\u0002 <c>")).toEqual(["a ", { mark: "b" }, " <c>"]);
    expect(splitHighlight("unclosed \u0001mark")).toEqual(["unclosed mark"]);
    expect(splitHighlight("")).toEqual([]);
  });
});

describe("staff list filters", () => {
  const list = { page: 1, pageSize: 50 };
  it("find whole words anywhere in the text, drafts included", async () => {
    expect((await listEventsPage({ ...list, q: "plans" })).rows.map((r) => r.slug)).toEqual(["draft-quokka"]);
    expect((await listTopicsPage({ ...list, q: "fisheries" })).rows.map((r) => r.slug)).toEqual(["ocean-governance"]);
    expect((await listPeoplePage({ ...list, q: "nodules" })).rows.map((r) => r.slug)).toEqual(["an-li"]);
    expect((await listVenuesPage({ ...list, q: "Nations Geneva" })).rows.map((r) => r.name)).toEqual(["Palais des Nations"]);
  });

  it("still find part of a word as typed", async () => {
    expect((await listEventsPage({ ...list, q: "quok" })).rows.map((r) => r.slug).sort()).toEqual(["draft-quokka", "quokka-summit"]);
    expect((await listTopicsPage({ ...list, q: "gover" })).rows.map((r) => r.slug)).toEqual(["ocean-governance"]);
    expect((await listSeriesPage({ ...list, q: "dialog" })).rows.map((r) => r.slug)).toEqual(["wave"]);
    expect((await listPeoplePage({ ...list, q: "baho" })).rows.map((r) => r.slug)).toEqual(["sima-bahous"]);
    expect((await listVenuesPage({ ...list, q: "zurich" })).rows.map((r) => r.name)).toEqual(["Palais des Nations"]);
    expect((await listEventsPage({ ...list, q: "'; --" })).rows).toEqual([]);
  });
});
