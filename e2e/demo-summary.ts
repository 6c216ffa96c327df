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

/**
 * Publishes or withdraws the fourth meeting's summary through the editor, unless it is so already (the demo
 * publishes it; a retried run, or one after another journey, may find it either way).
 */
export async function setFourthSummaryPublished(page: Page, published: boolean): Promise<void> {
  await openFourthSummary(page);
  const publishing = page.getByRole("region", { name: "Publishing" });
  const [press, done, after] = published ? ["Publish summary", "Published.", "Unpublish"] : ["Unpublish", "Unpublished", "Publish summary"];
  const button = publishing.getByRole("button", { name: press });
  if (await button.isVisible()) {
    await waitForHydration(button);
    await button.click();
    await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
  }
  await expect(publishing.getByRole("button", { name: after })).toBeVisible();
}

/** Withdraws the fourth meeting's summary through the editor, if it is published. */
export const unpublishFourthSummary = (page: Page) => setFourthSummaryPublished(page, false);

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
