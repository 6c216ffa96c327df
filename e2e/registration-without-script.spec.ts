import type { Page } from "@playwright/test";
import { expect, fillRegistrationForm, outboxMessages, test, uniqueEmail } from "./fixtures";

// Before the page's script has loaded (a slow connection), the browser posts the form itself: the
// registration must still go through, or come back with its messages and everything typed.
const DEMO_SLUG = "wps-innovation-5-geneva";
const DEMO_TITLE = "Technology, Peacebuilding and Women's Leadership";
const ZOD_WORDING = /^(Invalid input|Expected|Required)/;

/** Staff's count of registrations for `email` at the demo's upcoming meeting. */
async function registrationsFor(staffPage: Page, email: string): Promise<number> {
  await staffPage.goto("/admin/events");
  const href = await staffPage.getByRole("link", { name: DEMO_TITLE }).getAttribute("href");
  await staffPage.goto(`${href}/registrations?q=${encodeURIComponent(email)}`);
  await expect(staffPage.getByRole("heading", { level: 1 })).toBeVisible();
  return staffPage.getByRole("row").filter({ hasText: email }).count();
}

test.describe("the registration form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an invalid submission shows every message, links to the fields and keeps what was typed", async ({ page }) => {
    await page.goto(`/events/${DEMO_SLUG}`);
    const form = page.getByRole("form", { name: "Register for this event" });
    await form.getByLabel("Name", { exact: true }).fill("Nadia Nojs");
    await form.getByLabel("Organization (optional)").fill("Permanent Mission of Examplia");
    await form.getByRole("button", { name: "Register", exact: true }).click();

    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveText([
      "Enter your email address.",
      "Choose a category from the list.",
      "Please agree to the privacy notice to register.",
    ]);
    await expect(summary.getByRole("link", { name: "Enter your email address." })).toHaveAttribute("href", "#registration-email");
    // What was typed is still there, and the keyboard is at the first field to fix.
    const again = page.getByRole("form", { name: "Register for this event" });
    await expect(again.getByLabel("Name", { exact: true })).toHaveValue("Nadia Nojs");
    await expect(again.getByLabel("Organization (optional)")).toHaveValue("Permanent Mission of Examplia");
    await expect(again.getByLabel("Email", { exact: true })).toBeFocused();
    await expect(again.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(/Enter your email address\./);
    for (const text of await summary.getByRole("listitem").allInnerTexts()) expect(text).not.toMatch(ZOD_WORDING);

    // Put right, the same form goes through.
    await again.getByLabel("Email", { exact: true }).fill(uniqueEmail("nojs-fixed"));
    await again.getByLabel("Attendee category").selectOption("Academia");
    await again.getByLabel(/I agree that my details are kept/).check();
    await again.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Thank you. Check your email." })).toBeVisible();
  });

  test("a registration completes, offers the calendar, and a double submit stays one registration", async ({ page, staffPage }) => {
    const email = uniqueEmail("nojs");
    await page.goto(`/events/${DEMO_SLUG}`);
    const form = page.getByRole("form", { name: "Register for this event" });
    await form.getByLabel("Name", { exact: true }).fill("Noor Script-Free");
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Attendee category").selectOption("Civil society");
    await form.getByLabel(/I agree that my details are kept/).check();
    await form.getByRole("button", { name: "Register", exact: true }).dblclick();

    await expect(page.getByRole("heading", { name: "Thank you. Check your email." })).toBeVisible();
    const thanks = page.getByRole("status").filter({ hasText: "Check your email." });
    await expect(thanks).toContainText(email);
    await expect(thanks).toContainText("The email has your ticket and manage link.");
    await expect(page.getByRole("link", { name: "Google Calendar" })).toHaveAttribute("href", /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE/);
    await expect(page.getByRole("link", { name: "Outlook (Microsoft 365)" })).toHaveAttribute("href", /^https:\/\/outlook\.office\.com\//);
    await expect(page.getByRole("link", { name: "Apple Calendar and others" })).toHaveAttribute("href", `/events/${DEMO_SLUG}/calendar.ics`);

    expect(await registrationsFor(staffPage, email)).toBe(1);
    await expect.poll(async () => (await outboxMessages(staffPage, email)).some((m) => /^Registration confirmed: /.test(m.subject))).toBe(true);
  });
});

test("with JavaScript, a double click sends one registration and one email", async ({ page, staffPage }) => {
  const email = uniqueEmail("double");
  const form = await fillRegistrationForm(page, DEMO_SLUG, { name: "Dara Double", email: email, category: "Media" });
  await form.getByRole("button", { name: "Register", exact: true }).dblclick();
  await expect(page.getByRole("heading", { name: "Thank you. Check your email." })).toBeFocused();

  expect(await registrationsFor(staffPage, email)).toBe(1);
  await expect.poll(async () => (await outboxMessages(staffPage, email)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Registration confirmed: /)]);
});

test.describe("where the registration card stands", () => {
  test("above the fold on a desktop screen", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/events/${DEMO_SLUG}`);
    const card = page.getByRole("region", { name: "Registration" });
    const button = card.getByRole("button", { name: "Register", exact: true });
    for (const part of [card.getByRole("heading", { name: "Registration" }), card.getByLabel("Name", { exact: true }), button]) {
      const box = (await part.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
    }
  });

  test("directly after the time and place on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/events/${DEMO_SLUG}`);
    const when = page.getByRole("region", { name: "When and where" });
    const card = page.getByRole("region", { name: "Registration" });
    expect(await when.evaluate((el) => el.nextElementSibling?.querySelector("h2")?.textContent)).toBe("Registration");
    const whenBox = (await when.boundingBox())!;
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.y).toBeGreaterThan(whenBox.y + whenBox.height);
    expect(cardBox.y - (whenBox.y + whenBox.height)).toBeLessThan(80);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
  });
});
