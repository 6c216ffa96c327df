import type { Page } from "@playwright/test";
import { expect, storageStatePath, test } from "./fixtures";

// The held demo meeting: 92 registrations, all seated and checked in.
const HELD_TITLE = "From the United Nations";

async function heldEventId(page: Page): Promise<string> {
  await page.goto("/admin/events");
  const href = await page.getByRole("link", { name: HELD_TITLE }).first().getAttribute("href");
  const id = /^\/admin\/events\/([0-9a-f-]{36})$/.exec(href ?? "")?.[1];
  expect(id, "the held meeting in the list").toBeTruthy();
  return id!;
}

/** The names in the table, header row aside. */
const names = async (page: Page) => (await page.getByRole("table", { name: "Registrations" }).locator("tbody tr td:first-child .font-medium").allInnerTexts()).map((n) => n.trim());

test("staff page through registrations without JavaScript, keeping the order and the filter", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("staff"), javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const eventId = await heldEventId(page);
    await page.goto(`/admin/events/${eventId}/registrations`);
    // The form is a plain GET form: choosing a filter and an order reloads the list with them.
    await page.getByLabel("Status").selectOption("checked_in");
    await page.getByLabel("Order").selectOption("name_asc");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/status=checked_in&sort=name_asc/);

    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager).toContainText("50 shown of 92");
    await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);
    const first = await names(page);
    expect(first).toHaveLength(50);

    await pager.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/status=checked_in&sort=name_asc&after=/);
    const second = await names(page);
    expect(second).toHaveLength(42);
    expect(new Set([...first, ...second]).size).toBe(92);
    await expect(pager.getByRole("link", { name: "Next page" })).toHaveCount(0);
    // The form still shows the filter and the order the pages keep.
    await expect(page.getByLabel("Status")).toHaveValue("checked_in");
    await expect(page.getByLabel("Order")).toHaveValue("name_asc");

    await pager.getByRole("link", { name: "Previous page" }).click();
    await expect(page).toHaveURL(/status=checked_in&sort=name_asc&before=/);
    expect(await names(page)).toEqual(first);
    await pager.getByRole("link", { name: "Next page" }).click();
    expect(await names(page)).toEqual(second);
    await pager.getByRole("link", { name: "First page" }).click();
    expect(await names(page)).toEqual(first);
  } finally {
    await context.close();
  }
});

test("the door's search works before its script has loaded", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("staff"), javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const eventId = await heldEventId(page);
    await page.goto(`/admin/events/${eventId}/check-in`);
    await expect(page.getByRole("status").filter({ hasText: /checked in$/ })).toHaveText("92 of 92 checked in");
    await expect(page.getByText("Showing the first 60 by name.", { exact: false })).toBeVisible();
    const search = page.getByLabel("Search by name, email or code");
    await search.fill("attendee1@example.org");
    await search.press("Enter");
    await expect(page).toHaveURL(/\?q=attendee1%40example\.org$/);
    await expect(page.getByRole("list", { name: "People with a seat" }).getByRole("listitem")).toHaveCount(1);
    await expect(page.getByLabel("Search by name, email or code")).toHaveValue("attendee1@example.org");
  } finally {
    await context.close();
  }
});
