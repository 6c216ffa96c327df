import type { Page } from "@playwright/test";
import { expect, waitForHydration } from "./fixtures";

/** Opens the staff summary page of the demo's fourth meeting, ready for input. */
export async function openFourthSummary(page: Page): Promise<void> {
  await page.goto("/admin/events?q=United+Nations");
  await page.getByRole("link", { name: "From the United Nations" }).first().click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Summary" }).click();
  await expect(page).toHaveURL(/\/summary$/);
  await waitForHydration(page.getByRole("button", { name: "Generate draft from the event" }));
}

/** Withdraws the fourth meeting's summary (the demo publishes it) through the editor, if it is published. */
export async function unpublishFourthSummary(page: Page): Promise<void> {
  await openFourthSummary(page);
  const publishing = page.getByRole("region", { name: "Publishing" });
  const unpublish = publishing.getByRole("button", { name: "Unpublish" });
  // A retried run may find it withdrawn already.
  if (await unpublish.isVisible()) {
    await waitForHydration(unpublish);
    await unpublish.click();
    await expect(page.getByRole("status").filter({ hasText: "Unpublished" })).toBeVisible();
  }
  await expect(publishing.getByRole("button", { name: "Publish summary" })).toBeVisible();
}

/**
 * Takes the fourth meeting's summary back to where staff start, through the editor: unpublished, with
 * no photos and no references. Its text stays, for the journey to replace with a new draft.
 */
export async function clearFourthSummary(page: Page): Promise<void> {
  await unpublishFourthSummary(page);
  const photos = page.getByRole("region", { name: "Photos" });
  const remove = photos.getByRole("button", { name: /^Remove / });
  page.on("dialog", (dialog) => void dialog.accept());
  for (let left = await remove.count(); left > 0; left--) {
    await waitForHydration(remove.first());
    await remove.first().click();
    await expect(remove).toHaveCount(left - 1);
  }
  await expect(photos.getByText("No photos yet.")).toBeVisible();

  const references = page.getByRole("form", { name: "References" });
  const removeReference = references.getByRole("button", { name: /^Remove reference/ });
  if ((await removeReference.count()) > 0) {
    await waitForHydration(removeReference.first());
    while ((await removeReference.count()) > 0) await removeReference.first().click();
    await references.getByRole("button", { name: "Save references" }).click();
    await expect(page.getByRole("status").filter({ hasText: "References saved." })).toBeVisible();
  }
}
