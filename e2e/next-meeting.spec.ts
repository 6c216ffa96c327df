import { expectNoAxeViolations } from "./axe";
import { expect, test, waitForHydration } from "./fixtures";

// Staff plan the series' next meeting from the last one, then duplicate it.

const FOURTH_TITLE = "From the United Nations";

test("staff plan the next meeting from the fourth, then duplicate it", async ({ staffPage: page }) => {
  test.slow();
  await page.goto("/admin/events?q=United+Nations");
  await page.getByRole("link", { name: FOURTH_TITLE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: FOURTH_TITLE })).toBeVisible();
  const fourthUrl = page.url();

  const plan = page.getByRole("form", { name: "Plan the next meeting" });
  await waitForHydration(plan);
  await expectNoAxeViolations(page);
  // "Creates the sixth meeting of …": the next number, in words.
  const ordinal = /Creates the (\w+) meeting of/.exec(await plan.getByText(/^Creates the /).innerText())?.[1];
  expect(ordinal).toBeTruthy();

  // A missing date is named beside its field, and nothing is created.
  await plan.getByRole("button", { name: "Plan the next meeting" }).click();
  await expect(plan.getByText("Enter the date of the new meeting.").first()).toBeVisible();
  expect(page.url()).toBe(fourthUrl);

  await plan.getByLabel("Date").fill("2027-03-16");
  await plan.getByLabel("Start time").fill("18:30");
  await plan.getByRole("button", { name: "Plan the next meeting" }).click();
  await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?copied=next$/);
  await expect(page.getByText("Next meeting planned as a draft")).toBeVisible();
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await expect(title).toHaveValue(new RegExp(`: ${ordinal!.charAt(0).toUpperCase()}${ordinal!.slice(1)} meeting$`));
  await expect(page.getByLabel("Date", { exact: true }).first()).toHaveValue("2027-03-16");
  await expect(page.getByText("This event is a draft")).toBeVisible();
  const nextUrl = page.url().replace(/\?.*$/, "");

  // The programme came along; nobody was invited.
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Participants" }).click();
  await expect(page.getByText("Sima Bahous").first()).toBeVisible();
  const invitations = page.getByText(/^Invitation: /);
  await expect(invitations.first()).toBeVisible();
  for (const line of await invitations.allInnerTexts()) expect(line).toMatch(/^Invitation: Not invited/);
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Agenda" }).click();
  await expect(page.getByText("Panel discussion").first()).toBeVisible();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Registrations" }).click();
  await expect(page.getByText("No registrations yet", { exact: true })).toBeVisible();

  // Duplicate the new draft: a copy outside the numbering.
  await page.goto(nextUrl);
  const duplicate = page.getByRole("form", { name: "Duplicate" });
  await waitForHydration(duplicate);
  await duplicate.getByLabel("Date").fill("2027-04-20");
  await duplicate.getByLabel("Start time").fill("10:00");
  await duplicate.getByRole("button", { name: "Duplicate event" }).click();
  await expect(page).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?copied=duplicate$/);
  await expect(page.getByText("Event duplicated as a draft")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(/ \(copy\)$/);
  expect(page.url().replace(/\?.*$/, "")).not.toBe(nextUrl);
});
