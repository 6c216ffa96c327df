import { expectNoAxeViolations } from "./axe";
import { expect, test, waitForHydration } from "./fixtures";

const UPCOMING = "/events/wps-innovation-5-geneva";

test.describe("pages pass an automated accessibility check (axe, WCAG 2.1 AA)", () => {
  test("the home page", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Upcoming events" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the events archive, filtered, and with nothing matching", async ({ page }) => {
    await page.goto("/events?when=upcoming");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Filter events" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/events?topic=womens-empowerment-and-gender-equality&year=2024&when=upcoming");
    await expect(page.getByText("No events match these filters.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a series page", async ({ page }) => {
    await page.goto("/series/wps-innovation");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a topic page", async ({ page }) => {
    await page.goto("/topics/womens-empowerment-and-gender-equality");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });

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

  test("the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a panelist's own page", async ({ panelistPage }) => {
    await panelistPage.goto("/me");
    await expect(panelistPage.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
    await expectNoAxeViolations(panelistPage);
  });
});
