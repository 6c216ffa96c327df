import type { Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

// Staff write an event in English and Japanese side by side; the languages shown follow the settings.

const FIFTH = "Technology, Peacebuilding and Women's Leadership";

async function openFifthEvent(page: Page) {
  await page.goto("/admin/events");
  await page.getByRole("link", { name: FIFTH }).first().click();
  const form = page.getByRole("form", { name: "Event details" });
  await expect(form).toBeVisible();
  return form;
}

async function setJapanese(page: Page, enabled: boolean) {
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Language settings" });
  const japanese = form.getByRole("checkbox", { name: "Japanese" });
  await waitForHydration(japanese);
  await japanese.setChecked(enabled);
  await form.getByRole("button", { name: "Save languages" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Languages saved." })).toBeVisible();
}

test("staff edit an event's Japanese title beside its English one, and the Japanese fields follow the settings", async ({ staffPage, adminPage }) => {
  const japaneseTitle = `テクノロジーと女性のリーダーシップ ${Date.now()}`;

  await test.step("the event's form shows its Japanese title beside the English one, marked as Japanese", async () => {
    const form = await openFifthEvent(staffPage);
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(FIFTH);
    const japanese = form.getByLabel("Title (Japanese)");
    await expect(japanese).toHaveAttribute("lang", "ja");
    await expect(japanese).toHaveValue("テクノロジー、平和構築と女性のリーダーシップ");
    await expect(form.getByLabel("Description (Japanese)")).toHaveAttribute("lang", "ja");

    await waitForHydration(japanese);
    await japanese.fill(japaneseTitle);
    await form.getByRole("button", { name: "Save event" }).click();
    await expect(form.getByRole("status")).toBeVisible();
  });

  await test.step("after a reload the Japanese title is kept, and the English one is unchanged", async () => {
    await staffPage.reload();
    const form = staffPage.getByRole("form", { name: "Event details" });
    await expect(form.getByLabel("Title (Japanese)")).toHaveValue(japaneseTitle);
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(FIFTH);
  });

  await test.step("with Japanese turned off, the form shows English alone", async () => {
    await setJapanese(adminPage, false);
    const form = await openFifthEvent(staffPage);
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(FIFTH);
    await expect(form.getByLabel("Title (Japanese)")).toHaveCount(0);
    await expect(form.getByLabel("Description (Japanese)")).toHaveCount(0);
  });

  await test.step("turned on again, the Japanese title is still there", async () => {
    await setJapanese(adminPage, true);
    const form = await openFifthEvent(staffPage);
    await expect(form.getByLabel("Title (Japanese)")).toHaveValue(japaneseTitle);
  });
});
