import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localePath, splitLocalePath } from "@/lib/i18n/paths";
import { closeDb, resetWithDemo } from "./support/db";

// The person page waits for a request (connection()) so that it is rendered per request; here there is none.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

// The public site in the demo's two languages: English, the default, at the unprefixed addresses, and
// Japanese under /ja.
beforeAll(() => resetWithDemo(new Date("2026-11-28T12:00:00Z")));
afterAll(closeDb);

const TOPIC = "womens-empowerment-and-gender-equality";
const SERIES = "wps-innovation";
const ja = { params: Promise.resolve({ lang: "ja" }) };
const en = { params: Promise.resolve({}) };

describe("addresses per language", () => {
  it("keeps the default language's addresses and prefixes the others", () => {
    expect(localePath("/", "en", "en")).toBe("/");
    expect(localePath("/events/x", "en", "en")).toBe("/events/x");
    expect(localePath("/", "ja", "en")).toBe("/ja");
    expect(localePath("/events?when=past", "ja", "en")).toBe("/ja/events?when=past");
    // A Japanese organization: Japanese unprefixed, English under /en.
    expect(localePath("/events/x", "en", "ja")).toBe("/en/events/x");
  });

  it("reads the language back from an address, and only a shipped language's code", () => {
    expect(splitLocalePath("/ja/events/x")).toEqual({ path: "/events/x", language: "ja" });
    expect(splitLocalePath("/ja")).toEqual({ path: "/", language: "ja" });
    expect(splitLocalePath("/ja?q=1")).toEqual({ path: "/?q=1", language: "ja" });
    expect(splitLocalePath("/events/ja")).toEqual({ path: "/events/ja", language: null });
    expect(splitLocalePath("/fr/events")).toEqual({ path: "/fr/events", language: null });
    expect(splitLocalePath("/japan")).toEqual({ path: "/japan", language: null });
  });
});

describe("a page's language", () => {
  it("is the default at an unprefixed address, the prefix's under /ja, and not found for any other prefix", async () => {
    const { pageLanguage } = await import("@/lib/i18n/page");
    expect((await pageLanguage(en.params)).language).toBe("en");
    const page = await pageLanguage(ja.params);
    expect(page.language).toBe("ja");
    expect(page.languages).toEqual(["en", "ja"]);
    expect(page.href("/events")).toBe("/ja/events");
    expect(page.href("/events", "en")).toBe("/events");
    // The default language has one address: /en/… is not a page, nor is a language not enabled or not shipped.
    for (const lang of ["en", "fr", "xyz"]) {
      await expect(pageLanguage(Promise.resolve({ lang }))).rejects.toMatchObject({ digest: expect.stringContaining("404") });
      expect((await pageLanguage(Promise.resolve({ lang }), { lenient: true })).language).toBe("en");
    }
  });
});

describe("the topic and series pages in Japanese", () => {
  it("show the Japanese names, link within /ja, and list the alternates", async () => {
    const { default: TopicPage, generateMetadata } = await import("@/app/(public)/topics/[slug]/page");
    const params = Promise.resolve({ slug: TOPIC, lang: "ja" });
    const html = renderToStaticMarkup(await TopicPage({ params }));
    expect(html).toContain("女性のエンパワーメントとジェンダー平等");
    expect(html).toContain(`href="/ja/series/${SERIES}"`);
    expect(html).toContain("開催済みのイベント");
    expect(html).toContain("上川外務大臣の「WPS＋イノベーション」第4回会合「国連からの発信」への出席");
    // Every link to a page stays in Japanese; the calendars are one file for every language.
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((href) => !href.endsWith("calendar.ics"));
    expect(links.filter((href) => !href.startsWith("/ja"))).toEqual([]);
    const metadata = await generateMetadata({ params });
    expect(metadata.title).toBe("女性のエンパワーメントとジェンダー平等");
    expect(metadata.alternates?.canonical).toBe(`http://localhost:3000/ja/topics/${TOPIC}`);
    expect(metadata.alternates?.languages).toEqual({
      en: `http://localhost:3000/topics/${TOPIC}`,
      ja: `http://localhost:3000/ja/topics/${TOPIC}`,
      "x-default": `http://localhost:3000/topics/${TOPIC}`,
    });
  });

  it("write the meeting in Japanese order, and keep the English page as it was", async () => {
    const { default: SeriesPage } = await import("@/app/(public)/series/[slug]/page");
    const japanese = renderToStaticMarkup(await SeriesPage({ params: Promise.resolve({ slug: SERIES, lang: "ja" }) }));
    expect(japanese).toMatch(/第4回会合：/);
    expect(japanese).toContain("現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）");
    const english = renderToStaticMarkup(await SeriesPage({ params: Promise.resolve({ slug: SERIES }) }));
    expect(english).toContain("Fourth meeting — ");
    expect(english).not.toContain("lang=");
  });
});

describe("the feeds", () => {
  const read = async (route: Promise<{ GET: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response> }>, params: Record<string, string>) =>
    (await (await route).GET(new Request("http://localhost/"), { params: Promise.resolve(params) })).text();

  it("exist per language, each linking to the pages in its language", async () => {
    const site = import("@/app/(localized)/[lang]/feed.xml/route");
    const japanese = await read(site, { lang: "ja" });
    expect(japanese).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">');
    expect(japanese).toContain("<id>http://localhost:3000/ja/feed.xml</id>");
    expect(japanese).toContain(`href="http://localhost:3000/ja/events/wps-innovation-4-from-the-united-nations/summary"`);
    // The demo's summary is published in Japanese too: the Japanese feed carries that version.
    expect(japanese).toContain("<title>上川外務大臣の「WPS＋イノベーション」第4回会合「国連からの発信」への出席</title>");
    expect(japanese).not.toContain("<entry xml:lang");
    const english = await read(import("@/app/feed.xml/route"), {});
    expect(english).toContain("<title>WPS + Innovation: From the United Nations</title>");
    const topic = await read(import("@/app/(localized)/[lang]/topics/[slug]/feed.xml/route"), { lang: "ja", slug: TOPIC });
    expect(topic).toContain("女性のエンパワーメントとジェンダー平等</title>");
    expect((await (await import("@/app/(localized)/[lang]/feed.xml/route")).GET(new Request("http://localhost/"), { params: Promise.resolve({ lang: "fr" }) })).status).toBe(404);
  });
});

describe("the sitemap", () => {
  it("lists each page once, with its address in every enabled language", async () => {
    const { default: sitemap } = await import("@/app/sitemap");
    const entries = await sitemap();
    const topic = entries.find((e) => e.url === `http://localhost:3000/topics/${TOPIC}`);
    expect(topic?.alternates?.languages).toEqual({ en: `http://localhost:3000/topics/${TOPIC}`, ja: `http://localhost:3000/ja/topics/${TOPIC}` });
    expect(entries.find((e) => e.url === "http://localhost:3000/")?.alternates?.languages).toMatchObject({ ja: "http://localhost:3000/ja" });
    expect(entries.some((e) => e.url.includes("/ja"))).toBe(false);
  });
});

describe("a speaker's page in Japanese", () => {
  it("writes the name in Japanese order with the honorific after it, and links within /ja", async () => {
    const { default: PersonPage, generateMetadata } = await import("@/app/(public)/people/[slug]/page");
    const params = Promise.resolve({ slug: "kamikawa-yoko", lang: "ja" });
    const html = renderToStaticMarkup(await PersonPage({ params }));
    expect((await generateMetadata({ params })).title).toMatch(/^上川陽子/);
    expect(html).toMatch(/<h1[^>]*>上川陽子/);
    expect(html).toContain('href="/ja/events/wps-innovation-4-from-the-united-nations"');
    expect(html).toContain("開催済みのイベント");
  });
});
