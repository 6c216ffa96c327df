import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { expect, test, waitForHydration } from "./fixtures";

const UPCOMING = "/events/wps-innovation-5-geneva";

/** Opens `path` and, once its main heading shows, checks the page. */
async function checkPage(page: Page, path: string, heading?: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoAxeViolations(page);
}

test.describe("pages pass an automated accessibility check (axe, WCAG 2.1 AA)", () => {
  test("the home page", ({ page }) => checkPage(page, "/", "Upcoming events"));

  test("the events archive, filtered, and with nothing matching", async ({ page }) => {
    await page.goto("/events?when=upcoming");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Filter events" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/events?topic=womens-empowerment-and-gender-equality&year=2024&when=upcoming");
    await expect(page.getByText("No events match these filters.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a series page", ({ page }) => checkPage(page, "/series/wps-innovation"));

  test("a topic page", ({ page }) => checkPage(page, "/topics/womens-empowerment-and-gender-equality"));

  test("an event page before the event, with its registration form", async ({ page }) => {
    await page.goto(UPCOMING);
    await expect(page.getByRole("heading", { name: "Registration" })).toBeVisible();
    await waitForHydration(page.getByRole("button", { name: "Register", exact: true }));
    await expectNoAxeViolations(page);
  });

  test("the registration form after a failed submission, with its errors", async ({ page }) => {
    await page.goto(UPCOMING);
    const submit = page.getByRole("button", { name: "Register", exact: true });
    await waitForHydration(submit);
    await submit.click();
    await expect(page.getByText(/Enter your/).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the sign-in page", ({ page }) => checkPage(page, "/login", "Sign in"));

  test("a panelist's own page", ({ panelistPage }) => checkPage(panelistPage, "/me", "My profile"));
});
