import { expectNoAxeViolations } from "./axe";
import { expect, readOutboxMessage, test, uniqueEmail, waitForHydration } from "./fixtures";

// The event page and its registration in each enabled language (issue 12): the demo's default is
// English, with Japanese under /ja/….

const FIFTH = "wps-innovation-5-geneva";
const FIFTH_TITLE = "Technology, Peacebuilding and Women's Leadership";
const FIFTH_TITLE_JA = "テクノロジー、平和構築と女性のリーダーシップ";

test("the language switch on an event page leads to the same event in Japanese, and back", async ({ page }) => {
  await page.goto(`/events/${FIFTH}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" }).click();

  await expect(page).toHaveURL(new RegExp(`/ja/events/${FIFTH}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: FIFTH_TITLE_JA })).toBeVisible();
  await expect(page.getByText("「WPS＋イノベーション」に関する第5回会合")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "参加登録" })).toBeVisible();

  await page.getByRole("navigation", { name: "言語" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${FIFTH}$`));
  expect(new URL(page.url()).pathname).toBe(`/events/${FIFTH}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: FIFTH_TITLE })).toBeVisible();
});

test("registering on the Japanese page sends a Japanese confirmation, whose manage link stays in Japanese", async ({ page, adminPage }) => {
  const email = uniqueEmail("ja");
  await page.goto(`/ja/events/${FIFTH}`);
  const form = page.getByRole("form", { name: "このイベントに参加登録する" });
  // Filled as a person would, whether or not the page's script has taken over yet.
  await form.getByLabel("氏名", { exact: true }).fill("山田花子");
  await form.getByLabel("メールアドレス", { exact: true }).fill(email);
  await form.getByLabel("参加者区分").selectOption("Academia");
  await form.getByLabel(/プライバシーに関するお知らせ/).check();
  await form.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByText("ありがとうございました。メールをご確認ください。")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");

  const message = await readOutboxMessage(adminPage, email, /^参加登録完了のお知らせ：/);
  expect(message.text).toContain(FIFTH_TITLE_JA);
  expect(message.links.some((href) => /\/ja\/registrations\/[A-Za-z0-9_-]{43}$/.test(href))).toBe(true);
});

test("the Japanese form tells what needs fixing in Japanese", async ({ page }) => {
  await page.goto(`/ja/events/${FIFTH}`);
  const form = page.getByRole("form", { name: "このイベントに参加登録する" });
  await waitForHydration(form);
  await form.getByRole("button", { name: "登録する" }).click();
  await expect(form.getByRole("heading", { name: "入力内容に問題があります" })).toBeVisible();
  await expect(form.getByRole("link", { name: "氏名を入力してください。" })).toBeVisible();
  await expect(form.getByRole("link", { name: "メールアドレスを入力してください。" })).toBeVisible();
});

test("the Japanese event page passes axe, and its form with errors too", async ({ page }) => {
  await page.goto(`/ja/events/${FIFTH}`);
  await expect(page.getByRole("heading", { level: 1, name: FIFTH_TITLE_JA })).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.getByRole("form", { name: "このイベントに参加登録する" });
  await waitForHydration(form);
  await form.getByRole("button", { name: "登録する" }).click();
  await expect(form.getByRole("heading", { name: "入力内容に問題があります" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("staff change an event's Japanese title and the Japanese page shows it", async ({ staffPage, page }) => {
  const title = `テクノロジーと女性のリーダーシップ ${Date.now()}`;
  await staffPage.goto("/admin/events");
  await staffPage.getByRole("link", { name: FIFTH_TITLE }).first().click();
  const form = staffPage.getByRole("form", { name: "Event details" });
  const japanese = form.getByLabel("Title (Japanese)");
  await waitForHydration(japanese);
  await japanese.fill(title);
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(form.getByRole("status")).toBeVisible();

  await page.goto(`/ja/events/${FIFTH}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The English page keeps its own title.
  await page.goto(`/events/${FIFTH}`);
  await expect(page.getByRole("heading", { level: 1, name: FIFTH_TITLE })).toBeVisible();

  // Put back, for the journeys that read the demo's title after this one.
  await japanese.fill(FIFTH_TITLE_JA);
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(form.getByRole("status")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Japanese form comes back with Japanese errors beside what was typed, then registers", async ({ page }) => {
    await page.goto(`/ja/events/${FIFTH}`);
    const form = page.getByRole("form", { name: "このイベントに参加登録する" });
    await form.getByLabel("氏名", { exact: true }).fill("山田太郎");
    await form.getByRole("button", { name: "登録する" }).click();
    await expect(page).toHaveURL(new RegExp(`/ja/events/${FIFTH}`));
    await expect(page.getByRole("link", { name: "メールアドレスを入力してください。" })).toBeVisible();
    await expect(form.getByLabel("氏名", { exact: true })).toHaveValue("山田太郎");

    await form.getByLabel("メールアドレス", { exact: true }).fill(uniqueEmail("ja-noscript"));
    await form.getByLabel("参加者区分").selectOption("Media");
    await form.getByLabel(/プライバシーに関するお知らせ/).check();
    await form.getByRole("button", { name: "登録する" }).click();
    await expect(page.getByText("ありがとうございました。メールをご確認ください。")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  });
});
