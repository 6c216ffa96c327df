import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, series, summaries, topics } from "@/db/schema";
import { closeDb, db, resetWithDemo } from "./support/db";
import { replaceDemoSummary } from "./support/demo-summary";
import { expectBalancedElements } from "./support/xml";

let feedXml: string;

beforeAll(async () => {
  await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  // In place of the demo's own summary, one whose text needs escaping.
  await replaceDemoSummary({
    title: "Women & Peace <at> the UN",
    lede: "A lede with \"quotes\".",
    body: "1. First <script>alert(1)</script>\n2. Second",
  });
  // A draft event with a published summary must stay out of every public list.
  const [draft] = await db
    .insert(events)
    .values({ slug: "secret-draft", title: "Secret", timeZone: "UTC", startsAt: new Date("2024-01-01T10:00:00Z"), endsAt: new Date("2024-01-01T11:00:00Z"), status: "draft" })
    .returning();
  await db.insert(summaries).values({ eventId: draft!.id, status: "published", title: "Secret summary", body: "x" });
  const { GET } = await import("@/app/feed.xml/route");
  const response = await GET(new Request("http://localhost/feed.xml"), { params: Promise.resolve({}) });
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  feedXml = await response.text();
});
afterAll(closeDb);

describe("the Atom feed", () => {
  it("is an Atom document with the required feed elements", () => {
    expect(feedXml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')).toBe(true);
    for (const element of ["<id>", "<title>", "<updated>", "<author><name>"]) expect(feedXml).toContain(element);
    expect(feedXml.trim().endsWith("</feed>")).toBe(true);
  });

  it("lists published summaries of public events only, escaped", () => {
    const entries = feedXml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toContain("<title>Women &amp; Peace &lt;at&gt; the UN</title>");
    expect(entry).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
    expect(entry).toContain('href="http://localhost:3000/events/wps-innovation-4-from-the-united-nations/summary"');
    expect(entry).toContain("<published>2024-03-20T00:00:00.000Z</published>");
    expect(entry).toContain("<summary>A lede with &quot;quotes&quot;.</summary>");
    // The Markdown's script tag became text in the HTML, and that HTML is escaped once more as XML text.
    expect(entry).toContain("&amp;lt;script&amp;gt;");
    expect(entry).not.toContain("<script");
    expect(feedXml).not.toContain("Secret");
  });

  it("is well formed: every element opened is closed in order", () => {
    expectBalancedElements(feedXml);
  });
});

// Every character of an XML 1.0 document must be a Char (production [2]): one control character or
// half a surrogate pair and a strict reader rejects the whole feed.
const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe("the Atom feed with control characters in staff text", () => {
  it("stays valid XML, the text kept around what was dropped", async () => {
    // (PostgreSQL itself refuses to store a NUL, so the text carries every other kind.)
    const hostile = (s: string) => `${s}\u0001\u0007\u001b[1m\r\u000b\u000c\u0085\ufffe half:\ud800 end`;
    await db
      .update(summaries)
      .set({ title: hostile("Title"), lede: hostile("Lede"), body: hostile("Body with **bold**") })
      .where(eq(summaries.title, "Women & Peace <at> the UN"));
    const [topic] = await db.select().from(topics).where(eq(topics.slug, "womens-empowerment-and-gender-equality"));
    await db.update(topics).set({ name: hostile("Topic") }).where(eq(topics.id, topic!.id));
    const { GET } = await import("@/app/feed.xml/route");
    const xml = await (await GET(new Request("http://localhost/feed.xml"), { params: Promise.resolve({}) })).text();
    await db.update(topics).set({ name: topic!.name }).where(eq(topics.id, topic!.id));

    expect(xml).toMatch(XML_CHARS);
    expect(xml).toContain("<title>Title[1m\n half:\ufffd end</title>");
    expect(xml).toContain("<summary>Lede[1m\n half:\ufffd end</summary>");
    expect(xml).toContain('<category term="Topic[1m\n half:\ufffd end"/>');
    expect(xml).toContain("&lt;strong&gt;bold&lt;/strong&gt;");
  });
});

describe("the sitemap and robots.txt", () => {
  it("list public pages only", async () => {
    const { default: sitemap } = await import("@/app/sitemap");
    const urls = (await sitemap()).map((e) => e.url);
    // The event's address redirects to its published summary: the sitemap lists where it lands.
    expect(urls).toContain("http://localhost:3000/events/wps-innovation-4-from-the-united-nations/summary");
    expect(urls).not.toContain("http://localhost:3000/events/wps-innovation-4-from-the-united-nations");
    expect(urls).toContain("http://localhost:3000/events/wps-innovation-5-geneva");
    expect(urls).toContain("http://localhost:3000/topics/womens-empowerment-and-gender-equality");
    expect(urls).toContain("http://localhost:3000/people/sima-bahous");
    expect(urls.some((u) => u.includes("secret-draft"))).toBe(false);
    expect(urls.some((u) => /\/(admin|me|login|registrations)(\/|$)/.test(u))).toBe(false);
  });

  it("leave out topics and series that have no public event, whose pages are 404s", async () => {
    const [topic] = await db.insert(topics).values({ slug: "unannounced-topic", name: "Unannounced topic" }).returning();
    const [planned] = await db.insert(series).values({ slug: "planned-series", name: "Planned series", topicId: topic!.id }).returning();
    await db.insert(series).values({ slug: "empty-series", name: "Empty series" });
    // Its only event is a draft: neither the topic nor the series has a public page yet.
    await db.insert(events).values({
      slug: "planned-first-meeting",
      title: "First meeting",
      timeZone: "UTC",
      startsAt: new Date("2027-01-01T10:00:00Z"),
      endsAt: new Date("2027-01-01T11:00:00Z"),
      status: "draft",
      topicId: topic!.id,
      seriesId: planned!.id,
    });
    const { default: sitemap } = await import("@/app/sitemap");
    const { getPublicTopic, getPublicSeries } = await import("@/db/queries/public");
    const urls = (await sitemap()).map((e) => e.url);
    for (const hidden of ["/topics/unannounced-topic", "/series/planned-series", "/series/empty-series"]) {
      expect(urls.some((u) => u.endsWith(hidden))).toBe(false);
    }
    expect(await getPublicTopic("unannounced-topic")).toBeUndefined();
    expect(await getPublicSeries("planned-series")).toBeUndefined();

    // Every topic and series listed has a page.
    for (const url of urls.filter((u) => /\/(topics|series)\//.test(u))) {
      const slug = url.split("/").at(-1)!;
      expect(url.includes("/topics/") ? await getPublicTopic(slug) : await getPublicSeries(slug)).toBeDefined();
    }

    // Once the meeting is scheduled, both appear.
    await db.update(events).set({ status: "scheduled" }).where(eq(events.slug, "planned-first-meeting"));
    const after = (await sitemap()).map((e) => e.url);
    expect(after.some((u) => u.endsWith("/topics/unannounced-topic"))).toBe(true);
    expect(after.some((u) => u.endsWith("/series/planned-series"))).toBe(true);
    expect(after.some((u) => u.endsWith("/series/empty-series"))).toBe(false);
  });

  it("keep crawlers out of signed-in areas and private links", async () => {
    const { default: robots } = await import("@/app/robots");
    const rules = robots();
    expect(rules.sitemap).toBe("http://localhost:3000/sitemap.xml");
    expect(JSON.stringify(rules.rules)).toContain("/admin");
    expect(JSON.stringify(rules.rules)).toContain("/registrations/");
  });
});
