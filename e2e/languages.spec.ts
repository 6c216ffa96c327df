import { expectNoAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

// The public site in the demo's two languages: English at the unprefixed addresses, Japanese under /ja.
const TOPIC = "/topics/womens-empowerment-and-gender-equality";
const SERIES = "/series/wps-innovation";

test("the language switch keeps the page, and the page keeps its language", async ({ page }) => {
  await page.goto(SERIES);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL(`/ja${SERIES}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: "WPS＋イノベーション" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "開催済みの会合" })).toBeVisible();

  // Links lead on within Japanese: the topic, an event, the home page.
  await page.getByRole("link", { name: "女性のエンパワーメントとジェンダー平等", exact: true }).first().click();
  await expect(page).toHaveURL(`/ja${TOPIC}`);
  await expect(page.getByRole("heading", { level: 1, name: "女性のエンパワーメントとジェンダー平等" })).toBeVisible();
  await page.getByRole("navigation", { name: "メイン" }).getByRole("link", { name: "イベント" }).click();
  await expect(page).toHaveURL("/ja/events");
  await expect(page.getByRole("heading", { level: 1, name: "イベント" })).toBeVisible();

  await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL("/events");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a Japanese page names its versions for search engines, and a prefix that is no language is not found", async ({ page, request }) => {
  await page.goto(`/ja${TOPIC}`);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`${TOPIC}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="ja"]')).toHaveAttribute("href", new RegExp(`/ja${TOPIC}$`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/ja${TOPIC}$`));
  // The default language has one address only.
  expect((await request.get(`/en${TOPIC}`)).status()).toBe(404);
  expect((await request.get(`/fr${TOPIC}`)).status()).toBe(404);

  const feed = await request.get("/ja/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain('xml:lang="ja"');
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`hreflang="ja" href="${new URL(`/ja${TOPIC}`, page.url()).href}"`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the archive's filters and the search keep to Japanese", async ({ page }) => {
    await page.goto("/ja/events");
    const form = page.getByRole("form", { name: "イベントの絞り込み" });
    await form.getByLabel("時期").selectOption({ label: "開催済み" });
    await form.getByRole("button", { name: "イベントを表示" }).click();
    await expect(page).toHaveURL("/ja/events?when=past");
    await expect(page.getByRole("heading", { level: 2, name: "開催済みのイベント" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("件");

    await page.getByRole("search", { name: "サイト" }).getByRole("searchbox").fill("Kamikawa");
    await page.getByRole("search", { name: "サイト" }).getByRole("button", { name: "検索" }).click();
    await expect(page).toHaveURL(/\/ja\/search\?q=Kamikawa/);
    await expect(page.getByRole("heading", { level: 1, name: "検索" })).toBeVisible();
    await expect(page.getByRole("list", { name: "検索結果" })).toBeVisible();
  });
});

test.describe("Japanese pages pass an automated accessibility check (axe, WCAG 2.1 AA)", () => {
  for (const [path, heading] of [
    ["/ja", "開催予定のイベント"],
    ["/ja/events?when=past", "イベント"],
    [`/ja${TOPIC}`, "女性のエンパワーメントとジェンダー平等"],
    [`/ja${SERIES}`, "WPS＋イノベーション"],
    ["/ja/search?q=WPS", "検索"],
  ] as const) {
    test(path, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
