import type { Locator, Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { expect, storageStatePath, test, waitForHydration } from "./fixtures";

// The public archive at /events: filters, pages of 20, and the same without JavaScript.
// Staff first plan a series of 21 meetings of a topic of this run's own, so that every count below is
// about rows this file made, whatever else the demo or other journeys publish.

function runTag(): string {
  const letters = Date.now().toString(26).replace(/\d/g, (d) => "qrstuvwxyz".charAt(Number(d)));
  return letters.charAt(0).toUpperCase() + letters.slice(1);
}

const tag = runTag();
const TOPIC = `Archive Journeys ${tag}`;
const SERIES = `Archive Meetings ${tag}`;
const OPENING = `Archive Opening ${tag}`;
// Meetings 1–12 in 2023, 13–19 in 2024, 20 and 21 still to come.
const dateOf = (n: number) =>
  n <= 12 ? `2023-${String(n).padStart(2, "0")}-10` : n <= 19 ? `2024-${String(n - 12).padStart(2, "0")}-10` : `2099-0${n - 19}-10`;
const MEETINGS = 21;

async function schedule(page: Page): Promise<void> {
  const status = page.getByRole("region", { name: "Status", exact: true });
  const button = status.getByRole("button", { name: "Schedule" });
  await waitForHydration(button);
  await button.click();
  await expect(status.getByRole("button", { name: "Schedule" })).toHaveCount(0);
}

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(600_000);
  const context = await browser.newContext({ storageState: storageStatePath("staff") });
  const page = await context.newPage();
  try {
    await page.goto("/admin/topics/new");
    let form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Create topic" }) });
    await waitForHydration(form);
    await form.getByLabel("Name", { exact: true }).fill(TOPIC);
    await form.getByRole("button", { name: "Create topic" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Topic created." })).toBeVisible();

    await page.goto("/admin/series/new");
    form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Create series" }) });
    await waitForHydration(form);
    await form.getByLabel("Name", { exact: true }).fill(SERIES);
    await form.getByLabel("Topic (optional)").selectOption({ label: TOPIC });
    await form.getByRole("button", { name: "Create series" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Series created." })).toBeVisible();

    await page.goto("/admin/events/new");
    const event = page.getByRole("form", { name: "New event" });
    await waitForHydration(event);
    await event.getByLabel("Title", { exact: true }).fill(OPENING);
    await event.getByLabel("Topic", { exact: true }).selectOption({ label: TOPIC });
    await event.getByLabel("Series", { exact: true }).selectOption({ label: SERIES });
    await event.getByLabel("Venue").selectOption({ index: 1 });
    await event.getByLabel("Date", { exact: true }).fill(dateOf(1));
    await event.getByLabel("Start time").fill("10:00");
    await event.getByLabel("Duration (minutes)").fill("60");
    await event.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Event created." })).toBeVisible();
    await schedule(page);

    // Each next meeting is planned from the one before, then scheduled.
    for (let n = 2; n <= MEETINGS; n++) {
      const plan = page.getByRole("form", { name: "Plan the next meeting" });
      await waitForHydration(plan);
      await plan.getByLabel("Date").fill(dateOf(n));
      await plan.getByRole("button", { name: "Plan the next meeting" }).click();
      await expect(page).toHaveURL(/\?copied=next$/);
      await schedule(page);
    }
  } finally {
    await context.close();
  }
});

const results = (page: Page) => page.getByRole("region", { name: new RegExp(`events on ${TOPIC}`, "i") });
const filters = (page: Page) => page.getByRole("form", { name: "Filter events" });
const items = (page: Page): Locator => results(page).getByRole("listitem");

test.describe("the public archive", () => {
  test("a visitor goes from the home page to past events, filters by topic and year, pages through and clears the filters", async ({ page }) => {
    await page.goto("/");
    // The home page reads in order: upcoming events, latest summaries, past events.
    const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allInnerTexts();
    const summaries = headings.indexOf("Latest summaries");
    expect(summaries).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf("Past events")).toBeGreaterThan(summaries);
    await expect(page.getByRole("heading", { level: 1, name: "Upcoming events" })).toBeVisible();
    await page.getByRole("link", { name: "All past events" }).click();

    await expect(page).toHaveURL(/\/events\?when=past$/);
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    const form = filters(page);
    await expect(form.getByLabel("When")).toHaveValue("past");
    await expect(page.getByText("Most recent first.")).toBeVisible();

    // This run's topic, upcoming and past: two pages.
    await form.getByLabel("Topic").selectOption({ label: TOPIC });
    await form.getByLabel("When").selectOption({ label: "Upcoming and past" });
    await form.getByRole("button", { name: "Show events" }).click();
    await expect(page).toHaveURL(/\/events\?topic=archive-journeys-[a-z]+$/);
    await expect(page.getByRole("status")).toHaveText(
      `${MEETINGS} events, page 1 of 2. Upcoming events first, soonest first; then past events, most recent first.`,
    );
    await expect(items(page)).toHaveCount(20);
    // The two still to come first, soonest first, then the most recent past meeting.
    await expect(items(page).nth(0)).toContainText(`${SERIES}: Twentieth meeting`);
    await expect(items(page).nth(0)).toContainText("Upcoming");
    await expect(items(page).nth(1)).toContainText(`${SERIES}: 21st meeting`);
    await expect(items(page).nth(2)).toContainText(`${SERIES}: Nineteenth meeting`);
    await expect(items(page).nth(2)).toContainText("Past");
    await expectNoAxeViolations(page);

    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination).toContainText(`Page 1 of 2 (${MEETINGS} in all)`);
    await pagination.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/\/events\?topic=archive-journeys-[a-z]+&page=2$/);
    await expect(items(page)).toHaveCount(1);
    await expect(items(page).getByRole("link", { name: OPENING })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 2 of 2");
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Previous page" }).click();
    await expect(items(page)).toHaveCount(20);

    // Past meetings of 2023: twelve, most recent first, on one page.
    await filters(page).getByLabel("Year").selectOption("2023");
    await filters(page).getByLabel("When").selectOption({ label: "Past" });
    await filters(page).getByRole("button", { name: "Show events" }).click();
    await expect(page).toHaveURL(/\/events\?topic=archive-journeys-[a-z]+&year=2023&when=past$/);
    await expect(page.getByRole("status")).toHaveText("12 events. Most recent first.");
    await expect(items(page)).toHaveCount(12);
    await expect(items(page).first()).toContainText(`${SERIES}: Twelfth meeting`);
    await expect(items(page).last().getByRole("link", { name: OPENING })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);

    // Its series page lists the meetings by number, the past ones from the first.
    await items(page).first().getByRole("link", { name: `${SERIES} — twelfth meeting` }).click();
    await expect(page.getByRole("heading", { level: 1, name: SERIES })).toBeVisible();
    const past = page.getByRole("region", { name: "Past meetings" }).getByRole("listitem");
    await expect(past).toHaveCount(19);
    await expect(past.first()).toContainText(`First meeting — ${OPENING}`);
    await expect(past.last()).toContainText("Nineteenth meeting");
    await expect(page.getByRole("region", { name: "Upcoming meetings" }).getByRole("listitem")).toHaveCount(2);
  });

  test("filters that match nothing say so and lead back to every event", async ({ page }) => {
    await page.goto("/events");
    const form = filters(page);
    await form.getByLabel("Topic").selectOption({ label: TOPIC });
    await form.getByLabel("Year").selectOption("2099");
    await form.getByLabel("When").selectOption({ label: "Past" });
    await form.getByRole("button", { name: "Show events" }).click();
    await expect(page.getByRole("status")).toContainText("No events match these filters.");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await expect(page).toHaveURL(/\/events$/);
    await expect(filters(page).getByLabel("Topic")).toHaveValue("");
    await expect(filters(page).getByLabel("Year")).toHaveValue("");
    await expect(page.getByRole("status")).toContainText(/\d+ events?/);
  });

  test("an address the archive cannot read shows every event instead of an error", async ({ page }) => {
    const response = await page.goto("/events?topic=no-such-topic&year=abc&when=someday&page=-3");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/events$/);
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    const last = await page.goto(`/events?when=past&page=999`);
    expect(last?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  });
});

test.describe("the public archive without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filters and the pages work as a plain form and plain links", async ({ page }) => {
    await page.goto("/events");
    const form = filters(page);
    await form.getByLabel("Topic").selectOption({ label: TOPIC });
    await form.getByLabel("Series").selectOption({ label: SERIES });
    await form.getByRole("button", { name: "Show events" }).click();
    // The form sends its empty fields too; the archive answers at the clean address.
    await expect(page).toHaveURL(/\/events\?topic=archive-journeys-[a-z]+&series=archive-meetings-[a-z]+$/);
    await expect(page.getByRole("status")).toContainText(`${MEETINGS} events, page 1 of 2.`);
    await expect(filters(page).getByLabel("Series")).toHaveValue(/^archive-meetings-/);

    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next page" }).click();
    await expect(items(page)).toHaveCount(1);
    await expect(items(page).getByRole("link", { name: OPENING })).toBeVisible();

    await filters(page).getByLabel("Year").selectOption("2024");
    await filters(page).getByLabel("When").selectOption({ label: "Past" });
    await filters(page).getByRole("button", { name: "Show events" }).click();
    // A new filter starts again from the first page.
    await expect(page).toHaveURL(/&year=2024&when=past$/);
    await expect(page.getByRole("status")).toHaveText("7 events. Most recent first.");
    await expect(items(page).first()).toContainText("Nineteenth meeting");

    await filters(page).getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/events$/);
  });
});

test("the archive fits a 390-pixel phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(`/events?when=past`);
    await expect(page.getByRole("form", { name: "Filter events" }).getByRole("button", { name: "Show events" })).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  } finally {
    await context.close();
  }
});
