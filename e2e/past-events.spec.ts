import { openFourthSummary, unpublishFourthSummary } from "./demo-summary";
import { expect, test, waitForHydration } from "./fixtures";

const FOURTH = { title: "From the United Nations", slug: "wps-innovation-4-from-the-united-nations" };
const TOOK_PLACE = "This event took place on March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST).";

test("the demo's fourth meeting reads as held, to staff and to the public, and staff can still correct it", async ({ staffPage: page, browser }) => {
  // Staff lists: the fourth meeting is held, the fifth still scheduled.
  await page.goto("/admin/events?q=WPS");
  const table = page.getByRole("table", { name: /^Events/ });
  const fourthRow = table.getByRole("row").filter({ has: page.getByRole("link", { name: FOURTH.title }) });
  await expect(fourthRow.getByText("Held", { exact: true })).toBeVisible();
  const fifthRow = table.getByRole("row").filter({ hasText: "fifth meeting" });
  await expect(fifthRow.getByText("Scheduled", { exact: true })).toBeVisible();

  // Its staff page: held, with no red cancel button to open on.
  await fourthRow.getByRole("link", { name: FOURTH.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: FOURTH.title })).toBeVisible();
  await expect(page.getByText("Held", { exact: true })).toBeVisible();
  const status = page.getByRole("region", { name: "Status" });
  await expect(status).toContainText("This event took place on March 18, 2024");
  await expect(page.getByRole("button", { name: "Cancel event" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Back to draft" })).toHaveCount(0);

  // A correction still saves.
  const description = page.getByLabel("Description", { exact: true });
  await waitForHydration(description);
  const corrected = `Corrected after the event (${Date.now()}).`;
  await description.fill(corrected);
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved/ })).toBeVisible();

  // The demo publishes the meeting's summary, which then takes over the event's address: withdrawn
  // for now, so that the event's own page shows (and published again at the end).
  await unpublishFourthSummary(page);

  // The public page: when it took place, the correction, and nothing to register for or add to a calendar.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/events/${FOURTH.slug}`);
  await expect(anonymous.getByText(TOOK_PLACE)).toBeVisible();
  await expect(anonymous.getByText(corrected)).toBeVisible();
  await expect(anonymous.getByRole("link", { name: "Add to calendar" })).toHaveCount(0);
  await expect(anonymous.getByRole("heading", { name: "Registration" })).toHaveCount(0);
  await expect(anonymous.getByRole("button", { name: /Register|Join the waitlist/ })).toHaveCount(0);

  // The upcoming fifth meeting keeps both.
  await anonymous.goto("/events/wps-innovation-5-geneva");
  await expect(anonymous.getByText(/This event took place/)).toHaveCount(0);
  await expect(anonymous.getByRole("link", { name: "Add to calendar" })).toBeVisible();
  await expect(anonymous.getByRole("heading", { name: "Registration" })).toBeVisible();

  // Published again, the summary is what the fourth meeting's address shows.
  await openFourthSummary(page);
  const publish = page.getByRole("region", { name: "Publishing" }).getByRole("button", { name: "Publish summary" });
  await waitForHydration(publish);
  await publish.click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  await anonymous.goto(`/events/${FOURTH.slug}`);
  await expect(anonymous).toHaveURL(new RegExp(`/events/${FOURTH.slug}/summary$`));
  await visitor.close();
});
