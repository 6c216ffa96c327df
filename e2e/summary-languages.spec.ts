import { expectNoAxeViolations } from "./axe";
import { openFourthSummary, setFourthSummaryPublished } from "./demo-summary";
import { expect, test, waitForHydration } from "./fixtures";

const EVENT_SLUG = "wps-innovation-4-from-the-united-nations";
const LEDE = "上川陽子外務大臣は、ニューヨークの国連本部で開催された「WPS＋イノベーション」第4回会合に出席しました。";

test("staff publish the fourth meeting's summary in Japanese, and the public read it at /ja/…", async ({ staffPage: page, browser }) => {
  test.slow();
  // The Japanese version is published beside the English one: that one first (a journey before this
  // one may have withdrawn it, which withdraws every language).
  await setFourthSummaryPublished(page, true);

  // The language choice is a link: it works from the keyboard, and without the page's script.
  const languages = page.getByRole("navigation", { name: "Language of the summary" });
  await expect(languages.getByRole("link", { name: /^English/ })).toHaveAttribute("aria-current", "page");
  await languages.getByRole("link", { name: /^Japanese/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/summary\?language=ja$/);
  await expect(languages.getByRole("link", { name: /^Japanese/ })).toHaveAttribute("aria-current", "page");
  await waitForHydration(page.getByRole("button", { name: "Generate Japanese draft from the event" }));

  // The Japanese version as the demo published it, edited on its own.
  const form = page.getByRole("form", { name: "Summary in Japanese" });
  await expect(form.getByLabel("Title", { exact: true })).toHaveValue(/「WPS＋イノベーション」第4回会合/);
  await expect(form.getByLabel("Text (Markdown)")).toHaveValue(/1 冒頭、上川大臣から挨拶を行いました。概要は以下のとおりです。/);
  await form.getByLabel("Lede").fill(LEDE);
  await form.getByRole("button", { name: "Save Japanese version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Withdrawn and published again, on its own.
  const publishing = page.getByRole("region", { name: "Publishing the Japanese version" });
  const unpublish = publishing.getByRole("button", { name: "Unpublish the Japanese version" });
  if (await unpublish.isVisible()) {
    await waitForHydration(unpublish);
    await unpublish.click();
    await expect(page.getByRole("status").filter({ hasText: "the Japanese version is no longer public" })).toBeVisible();
  }
  const publish = publishing.getByRole("button", { name: "Publish the Japanese version" });
  await waitForHydration(publish);
  await publish.click();
  await expect(page.getByRole("status").filter({ hasText: "Published in Japanese." })).toBeVisible();

  // The public page in Japanese.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/ja/events/${EVENT_SLUG}/summary`);
  await expect(anonymous.locator("html")).toHaveAttribute("lang", "ja");
  await expect(anonymous.getByRole("heading", { level: 1, name: /「WPS＋イノベーション」第4回会合/ })).toBeVisible();
  await expect(anonymous.getByText(LEDE)).toBeVisible();
  await expect(anonymous.getByText("1 冒頭、上川大臣から挨拶を行いました。概要は以下のとおりです。")).toBeVisible();
  await expect(anonymous.getByRole("term").filter({ hasText: "開催日時" })).toBeVisible();
  await expect(anonymous.getByRole("definition").filter({ hasText: /^現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）$/ })).toBeVisible();
  await expect(anonymous.getByRole("definition").filter({ hasText: /^約65分間$/ })).toBeVisible();
  await expect(anonymous.getByRole("heading", { level: 2, name: "参考", exact: true })).toBeVisible();
  await expect(anonymous.getByRole("heading", { level: 3, name: "（参考1）女性・平和・安全保障（WPS）" })).toBeVisible();
  await expect(anonymous.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`[^a]/events/${EVENT_SLUG}/summary$`));
  await expectNoAxeViolations(anonymous);

  // The English page says the summary is also in Japanese, and the link leads there.
  await anonymous.goto(`/events/${EVENT_SLUG}/summary`);
  await expect(anonymous.locator("html")).toHaveAttribute("lang", "en");
  const available = anonymous.getByRole("navigation", { name: "Languages of this summary" });
  await expect(available).toContainText("This summary is available in:");
  await available.getByRole("link", { name: "日本語" }).click();
  await expect(anonymous).toHaveURL(new RegExp(`/ja/events/${EVENT_SLUG}/summary$`));
  await expect(anonymous.getByText(LEDE)).toBeVisible();
  await visitor.close();

  // Back in the staff area, the English tab is where it was.
  await openFourthSummary(page);
  await expect(page.getByRole("form", { name: "Summary", exact: true }).getByLabel("Lede")).not.toHaveValue(LEDE);
});
