import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, summaries } from "@/db/schema";
import { closeDb, db, resetWithDemo } from "./support/db";

let feedXml: string;

beforeAll(async () => {
  await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  const [fourth] = await db.select().from(events).where(eq(events.slug, "wps-innovation-4-from-the-united-nations"));
  await db.insert(summaries).values({
    eventId: fourth!.id,
    status: "published",
    title: "Women & Peace <at> the UN",
    lede: "A lede with \"quotes\".",
    body: "1. First <script>alert(1)</script>\n2. Second",
    publishedAt: new Date("2024-03-20T00:00:00Z"),
  });
  // A draft event with a published summary must stay out of every public list.
  const [draft] = await db
    .insert(events)
    .values({ slug: "secret-draft", title: "Secret", timeZone: "UTC", startsAt: new Date("2024-01-01T10:00:00Z"), endsAt: new Date("2024-01-01T11:00:00Z"), status: "draft" })
    .returning();
  await db.insert(summaries).values({ eventId: draft!.id, status: "published", title: "Secret summary", body: "x" });
  const { GET } = await import("@/app/feed.xml/route");
  const response = await GET();
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  feedXml = await response.text();
});
afterAll(closeDb);

describe("the Atom feed", () => {
  it("is an Atom document with the required feed elements", () => {
    expect(feedXml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
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
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of feedXml.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (closing) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
  });
});

describe("the sitemap and robots.txt", () => {
  it("list public pages only", async () => {
    const { default: sitemap } = await import("@/app/sitemap");
    const urls = (await sitemap()).map((e) => e.url);
    expect(urls).toContain("http://localhost:3000/events/wps-innovation-4-from-the-united-nations");
    expect(urls).toContain("http://localhost:3000/events/wps-innovation-4-from-the-united-nations/summary");
    expect(urls).toContain("http://localhost:3000/topics/womens-empowerment-and-gender-equality");
    expect(urls).toContain("http://localhost:3000/people/sima-bahous");
    expect(urls.some((u) => u.includes("secret-draft"))).toBe(false);
    expect(urls.some((u) => /\/(admin|me|login|registrations)(\/|$)/.test(u))).toBe(false);
  });

  it("keep crawlers out of signed-in areas and private links", async () => {
    const { default: robots } = await import("@/app/robots");
    const rules = robots();
    expect(rules.sitemap).toBe("http://localhost:3000/sitemap.xml");
    expect(JSON.stringify(rules.rules)).toContain("/admin");
    expect(JSON.stringify(rules.rules)).toContain("/registrations/");
  });
});
