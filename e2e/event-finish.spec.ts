import sharp from "sharp";
import { expectNoAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

// What an event and a topic offer beyond the page itself: a card for sharing, paper, icons, subscriptions.

const UPCOMING = "wps-innovation-5-geneva";
const TOPIC = "womens-empowerment-and-gender-equality";

test("an event page has an Open Graph image, app icons and a print layout", async ({ page }) => {
  await page.goto(`/events/${UPCOMING}`);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toContain(`/events/${UPCOMING}/opengraph-image`);
  const response = await page.request.get(new URL(image!).pathname + new URL(image!).search);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const meta = await sharp(await response.body()).metadata();
  expect([meta.width, meta.height]).toEqual([1200, 630]);
  expect((await page.request.get("/events/no-such-event/opengraph-image")).status()).toBe(404);

  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await page.request.get(apple!)).status()).toBe(200);

  // On paper: the agenda and speakers stay, the registration form goes.
  await expect(page.locator("#registration-heading")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#registration-heading")).toBeHidden();
  await expect(page.getByRole("heading", { name: "When and where" })).toBeVisible();
  await expect(page.getByRole("banner")).toBeHidden();
});

test("a topic page links its calendar and feed of summaries", async ({ page }) => {
  await page.goto(`/topics/${TOPIC}`);
  await expect(page.getByText("Subscribe:")).toBeVisible();
  for (const [name, type] of [
    ["calendar of events", "text/calendar; charset=utf-8"],
    ["summaries", "application/atom+xml; charset=utf-8"],
  ] as const) {
    const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(type);
  }
  await expect(page.locator('link[rel="alternate"][type="text/calendar"]')).toHaveCount(1);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  await page.goto("/series/wps-innovation");
  const calendar = await page.getByRole("link", { name: "calendar of events", exact: true }).getAttribute("href");
  expect((await page.request.get(calendar!)).status()).toBe(200);
  expect((await page.request.get("/series/no-such-series/calendar.ics")).status()).toBe(404);
});
