import { expectNoAxeViolations } from "./axe";
import { expect, fillRegistrationForm, outboxMessages, readOutboxMessage, test, uniqueEmail, waitForHydration } from "./fixtures";

const DEMO_SLUG = "wps-innovation-5-geneva";
const DEMO_TITLE = "Technology, Peacebuilding and Women's Leadership";
// The demo keeps registrations ten years (db/seed.ts).
const DEMO_MONTHS = "120";

test("a visitor deletes their registration data from the manage link, and an admin sets the retention period", async ({ page, adminPage, staffPage, browser }) => {
  test.slow();

  // A visitor registers for the demo's upcoming meeting.
  const visitor = uniqueEmail("private");
  const form = await fillRegistrationForm(page, DEMO_SLUG, { name: "Petra Private", email: visitor, category: "Academia" });
  await form.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email." })).toContainText(visitor);
  const confirmation = await readOutboxMessage(adminPage, visitor, /^Registration confirmed: /);
  const link = confirmation.links.find((l) => new URL(l).pathname.startsWith("/registrations/"));
  expect(link, "a manage link in the confirmation").toBeTruthy();

  // In their own browser, they open the link and delete their data, ticking the box that confirms it.
  const own = await browser.newContext();
  try {
    const manage = await own.newPage();
    await manage.goto(link!);
    await expect(manage.getByRole("heading", { level: 1, name: DEMO_TITLE })).toBeVisible();
    await expect(manage.getByRole("region", { name: "Details" })).toContainText("Petra Private");
    const erase = manage.getByRole("region", { name: "Delete my registration data" });
    await expect(erase).toContainText("Your registration is cancelled first: your seat goes to the next person on the waitlist.");
    await expectNoAxeViolations(manage);

    // The box must be ticked: the browser does not send the form without it.
    const button = erase.getByRole("button", { name: "Delete my registration data" });
    await button.click();
    await expect(manage).toHaveURL(link!);
    await erase.getByLabel("Cancel my registration and delete my data. I understand that this cannot be undone.").check();
    await button.click();

    await expect(manage).toHaveURL(/\/registrations\/deleted\?cancelled=1$/);
    await expect(manage.getByRole("heading", { level: 1, name: "Your registration data is deleted" })).toBeVisible();
    await expect(manage.getByText("The link you used no longer works")).toBeVisible();
    await expectNoAxeViolations(manage);

    // The link no longer works.
    const again = await manage.goto(link!);
    expect(again?.status()).toBe(404);
    await expect(manage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  } finally {
    await own.close();
  }

  // The outbox keeps no message to the address any more.
  expect(await outboxMessages(adminPage, visitor)).toEqual([]);

  // Staff see the registration as "Removed", cancelled, and find nothing by the address.
  await staffPage.goto("/admin/events");
  const href = await staffPage.getByRole("link", { name: DEMO_TITLE }).first().getAttribute("href");
  await staffPage.goto(`${href}/registrations?q=${encodeURIComponent(visitor)}`);
  await expect(staffPage.getByText("No registrations match")).toBeVisible();
  await staffPage.goto(`${href}/registrations?q=removed&status=cancelled`);
  const removed = staffPage.getByRole("table", { name: "Registrations" }).getByRole("row").filter({ hasText: "Personal data deleted" });
  await expect(removed.first()).toContainText("Removed");
  await expect(removed.first()).toContainText("Cancelled");

  // An admin sets the retention period; the settings page says what is due, the privacy notice the period.
  await adminPage.goto("/admin/settings");
  const privacy = adminPage.getByRole("form", { name: "Privacy settings" });
  const months = privacy.getByLabel("Keep registrations for (months after the event)");
  await expect(months).toHaveValue(DEMO_MONTHS);
  await waitForHydration(privacy.getByRole("button", { name: "Save retention period" }));
  await months.fill("0");
  await privacy.getByRole("button", { name: "Save retention period" }).click();
  await expect(privacy.getByText("Enter a whole number of months from 1 to 240, like 24.").first()).toBeVisible();
  await months.fill("60");
  await privacy.getByRole("button", { name: "Save retention period" }).click();
  await expect(privacy.getByRole("status").filter({ hasText: "Retention period saved." })).toBeVisible();
  await expect(adminPage.getByText(/^No registration is due: at 60 months/)).toBeVisible();

  await page.goto("/privacy");
  await expect(page.getByRole("region", { name: "How long we keep it" })).toContainText("5 years after the event has ended");
  await expect(page.getByRole("region", { name: "Your choices" })).toContainText("Delete my registration data");
  await expectNoAxeViolations(page);

  // Back to the demo's period, for the journeys that follow.
  await months.fill(DEMO_MONTHS);
  await privacy.getByRole("button", { name: "Save retention period" }).click();
  await expect(adminPage.getByText(/^No registration is due: at 120 months/)).toBeVisible();
});
