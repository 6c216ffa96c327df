import { expectNoAxeViolations } from "./axe";
import { expect, test, waitForHydration } from "./fixtures";

const PERSON = "Ms. Sima Bahous";

test("a panelist edits their Japanese bio on /me, staff approve it, and the staff person page shows it", async ({ panelistPage: page, staffPage }) => {
  const bio = `国連女性機関（UN Women）事務局長。ジェンダー平等の推進に取り組む。（${Date.now()}）`;

  await test.step("the panelist sends the Japanese version of their bio for review", async () => {
    await page.goto("/me");
    const section = page.getByRole("region", { name: "Your profile in Japanese" });
    const form = section.getByRole("form", { name: "Japanese version of your profile" });
    const send = form.getByRole("button", { name: "Send the Japanese version for review" });
    await waitForHydration(send);
    const field = form.getByLabel("Bio (Japanese)");
    await expect(field).toHaveAttribute("lang", "ja");
    await field.fill(bio);
    await send.click();
    await expect(form.getByRole("status").filter({ hasText: "Sent for review." })).toBeVisible();
    await expect(section.getByRole("definition").filter({ hasText: bio })).toBeVisible();
  });

  await test.step("staff see it is the Japanese version and approve it", async () => {
    await staffPage.goto("/admin/approvals");
    const review = staffPage.getByRole("article", { name: `${PERSON} · Japanese` });
    await expect(review.getByText("Changes to the Japanese version only")).toBeVisible();
    await expect(review.getByRole("rowheader", { name: /^Bio/ })).toContainText("Changed");
    await expect(review.getByRole("cell", { name: bio })).toBeVisible();
    const approve = review.getByRole("button", { name: `Approve the changes of ${PERSON} in Japanese` });
    await waitForHydration(approve);
    await approve.click();
    await expect(staffPage.getByRole("status").filter({ hasText: `Approved: ${PERSON}'s profile in Japanese is updated.` })).toBeVisible();
  });

  await test.step("the staff person page shows the Japanese bio beside the English fields", async () => {
    await staffPage.goto("/admin/people?q=Bahous");
    await staffPage.getByRole("link", { name: PERSON }).click();
    await expect(staffPage.getByRole("heading", { level: 1, name: PERSON })).toBeVisible();
    await expect(staffPage.getByLabel("Bio (Japanese)")).toHaveValue(bio);
    await expect(staffPage.getByLabel("Family name (Japanese)")).toHaveValue("バフース");
    await expect(staffPage.getByLabel("Bio", { exact: true })).not.toHaveValue(bio);
  });
});

test("a panelist switches to 日本語 on /me and the area follows, then switches back", async ({ panelistPage: page }) => {
  await page.goto("/me");
  const chooseLanguage = async (formName: string, language: string, save: string, saved: string) => {
    const form = page.getByRole("form", { name: formName });
    const button = form.getByRole("button", { name: save });
    await waitForHydration(button);
    await form.getByRole("radio", { name: language }).check();
    await button.click();
    // The whole area, this form's name among it, turns to the chosen language as the answer comes.
    await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  };
  try {
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await chooseLanguage("Language", "日本語", "Save language", "保存しました。");

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1, name: "マイプロフィール" })).toBeVisible();
    await expect(page.getByRole("region", { name: "ご参加のイベント" })).toBeVisible();
    await expect(page.getByRole("button", { name: "ログアウト" })).toBeVisible();
    await expect(page.getByRole("region", { name: "日本語のプロフィール" })).toBeVisible();
    await expectNoAxeViolations(page);

    // An invitation page of the area is in Japanese too.
    const invitation = page.getByRole("link", { name: /^(回答する|ご招待を見る)/ }).first();
    if (await invitation.count()) {
      await invitation.click();
      await expect(page).toHaveURL(/\/me\/invitations\//);
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      await expect(page.getByText("ご招待", { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto("/me");
    }
  } finally {
    // The demo panelist's session is shared with the other journeys, which read the area in English.
    await page.goto("/me");
    if ((await page.locator("html").getAttribute("lang")) === "ja") await chooseLanguage("使用言語", "English", "使用言語を保存する", "Saved.");
  }
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
});
