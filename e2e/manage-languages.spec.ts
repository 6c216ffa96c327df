import { unsubscribeToken } from "../lib/email/unsubscribe";
import { expectNoAxeViolations } from "./axe";
import { expect, fillRegistrationForm, readOutboxMessage, test, uniqueEmail } from "./fixtures";

const DEMO_SLUG = "wps-innovation-5-geneva";
const DEMO_TITLE_JA = "テクノロジー、平和構築と女性のリーダーシップ";
// The secret scripts/e2e-server.sh starts the site with: the unsubscribe link it would send.
const E2E_SECRET = process.env.E2E_AUTH_SECRET ?? "symposia-e2e-only-secret-not-for-real-use-0123456789";

test("a registrant manages their registration in Japanese: details, cancelling, and the unsubscribe and privacy pages", async ({ page, adminPage, browser }) => {
  test.slow();
  const visitor = uniqueEmail("manage-ja");
  const form = await fillRegistrationForm(page, DEMO_SLUG, { name: "Hanako Yamada", email: visitor, category: "Academia" });
  await form.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email." })).toContainText(visitor);
  const confirmation = await readOutboxMessage(adminPage, visitor, /^Registration confirmed: /);
  const link = confirmation.links.find((l) => new URL(l).pathname.startsWith("/registrations/"));
  expect(link, "a manage link in the confirmation").toBeTruthy();
  const manageJa = `/ja${new URL(link!).pathname}`;

  const own = await browser.newContext();
  // The same registrant in a browser without scripts: the cancel is two plain steps.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  try {
    const manage = await own.newPage();
    await manage.goto(manageJa);
    await expect(manage.locator("html")).toHaveAttribute("lang", "ja");
    await expect(manage.getByRole("heading", { level: 1, name: DEMO_TITLE_JA })).toBeVisible();
    await expect(manage.getByRole("heading", { level: 1 }).getByRole("link")).toHaveAttribute("href", `/ja/events/${DEMO_SLUG}`);
    const details = manage.getByRole("region", { name: "詳細" });
    await expect(details).toContainText("Hanako Yamada");
    await expect(details).toContainText("現地時間");
    await expect(details).toContainText("国連欧州本部（パレ・デ・ナシオン）");
    await expect(manage.getByRole("region", { name: "状況" })).toContainText("お席をご用意しています。");
    await expect(manage.getByRole("region", { name: "登録データの削除" })).toBeVisible();
    await expectNoAxeViolations(manage);

    const noScript = await plain.newPage();
    await noScript.goto(manageJa);
    await noScript.getByRole("link", { name: "お申し込みを取り消す" }).click();
    await expect(noScript).toHaveURL(`${manageJa}?confirm=1`);
    const confirm = noScript.getByRole("group", { name: "お申し込みの取り消しの確認" });
    await expect(confirm).toContainText("お席はキャンセル待ちの次の方にご案内します。");
    await confirm.getByRole("button", { name: "はい、取り消します" }).click();

    // The answer comes back in Japanese, at the Japanese address.
    await expect(noScript).toHaveURL(`${manageJa}?cancelled=1`);
    await expect(noScript.locator("html")).toHaveAttribute("lang", "ja");
    await expect(noScript.getByText("お申し込みを取り消しました。確認のメールをお送りしました。")).toBeVisible();
    await expect(noScript.getByRole("region", { name: "状況" })).toContainText("取り消し済み");
    await expect(noScript.getByRole("link", { name: "お申し込みを取り消す" })).toHaveCount(0);
    await manage.goto(`${manageJa}?cancelled=1`);
    await expect(manage.getByRole("region", { name: "状況" })).toContainText("取り消し済み");
    await expectNoAxeViolations(manage);

    // The unsubscribe page asks first, in Japanese, and answers in Japanese.
    await manage.goto(`/ja/unsubscribe/${unsubscribeToken(visitor, E2E_SECRET)}`);
    await expect(manage.locator("html")).toHaveAttribute("lang", "ja");
    await expect(manage.getByRole("heading", { level: 1, name: "配信停止" })).toBeVisible();
    await expectNoAxeViolations(manage);
    await manage.getByRole("button", { name: "配信を停止する" }).click();
    await expect(manage).toHaveURL(/\/ja\/unsubscribe\/[^/?]+\?done=1$/);
    await expect(manage.getByRole("heading", { level: 1, name: "配信を停止しました" })).toBeVisible();
    await expectNoAxeViolations(manage);

    // The privacy notice, in Japanese, with the demo's ten years.
    await manage.goto("/ja/privacy");
    await expect(manage.locator("html")).toHaveAttribute("lang", "ja");
    await expect(manage.getByRole("heading", { level: 1, name: "個人情報の取扱い" })).toBeVisible();
    await expect(manage.getByRole("region", { name: "保存期間" })).toContainText("イベント終了から10年後");
    await expectNoAxeViolations(manage);
  } finally {
    await own.close();
    await plain.close();
  }
});
