import type { Page } from "@playwright/test";
import { expect, uniqueEmail, waitForHydration } from "./fixtures";

/** The demo meeting still ahead, whose door the check-in journeys staff. */
export const UPCOMING_TITLE = "Technology, Peacebuilding and Women's Leadership";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export async function eventIdByTitle(page: Page, title: string | RegExp): Promise<string> {
  await page.goto("/admin/events");
  const href = await page.getByRole("link", { name: title }).first().getAttribute("href");
  const id = new RegExp(`^/admin/events/(${UUID})$`).exec(href ?? "")?.[1];
  expect(id, `the event ${String(title)} in the list`).toBeTruthy();
  return id!;
}

/** Adds a registration by hand on the Registrations tab and returns its check-in code as shown there. */
export async function addRegistration(page: Page, eventId: string, name: string, emailLabel: string): Promise<string> {
  await page.goto(`/admin/events/${eventId}/registrations`);
  const form = page.getByRole("form", { name: "Add a registration" });
  await waitForHydration(form);
  const email = uniqueEmail(emailLabel);
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByRole("button", { name: "Add registration" }).click();
  await expect(form.getByRole("status")).toContainText("is registered, with a seat");
  await page.goto(`/admin/events/${eventId}/registrations?q=${encodeURIComponent(email)}`);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  const code = (await row.getByRole("cell").nth(4).innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code;
}
