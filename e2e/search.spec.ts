import { expectNoAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

const HEADER_BOX = "Search events, summaries, people and topics";

test.describe("public search", () => {
  test("a visitor searches from the header with the keyboard, sees highlighted results and opens one", async ({ page }) => {
    await page.goto("/");
    const site = page.getByRole("search", { name: "Site" });
    await site.getByRole("searchbox", { name: HEADER_BOX }).focus();
    await page.keyboard.type("peacebuilding");
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/search\?q=peacebuilding$/);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search for" })).toHaveValue("peacebuilding");
    const results = page.getByRole("list", { name: "Search results" });
    const result = results.getByRole("link", { name: "Technology, Peacebuilding and Women's Leadership" });
    await expect(result).toBeVisible();
    await expect(result.locator("mark")).toHaveText("Peacebuilding");
    await expect(results.locator("mark").filter({ hasText: "peacebuilding" }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await result.click();
    await expect(page).toHaveURL(/\/events\/wps-innovation-5-geneva$/);
  });

  test("a search with no results says so and suggests what to try", async ({ page }) => {
    await page.goto("/search?q=zyxwv+qqqq");
    await expect(page.getByText("No results for “zyxwv qqqq”.")).toBeVisible();
    await expect(page.getByText(/try fewer or more general words/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Search results" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto("/search");
    await expect(page.getByText(/Type a few words/)).toBeVisible();
  });

  test("markup and query syntax in the search are shown as typed, never run", async ({ page }) => {
    const typed = `<b id="injected">Bahous</b> "WPS & | !`;
    await page.goto(`/search?q=${encodeURIComponent(typed)}`);
    await expect(page.getByRole("searchbox", { name: "Search for" })).toHaveValue(typed);
    await expect(page.locator("#injected")).toHaveCount(0);
    await expect(page.getByText(`No results for “${typed}”.`)).toBeVisible();
  });

  test("a missing page offers the search box", async ({ page }) => {
    const response = await page.goto("/no-such-page-anywhere");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const box = page.getByRole("search", { name: "Find a page" });
    await box.getByRole("searchbox", { name: "Search for an event, a summary, a person or a topic" }).fill("Bahous");
    await box.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=Bahous$/);
    await expect(page.getByRole("list", { name: "Search results" }).getByRole("link", { name: /Sima Bahous/ })).toBeVisible();
  });
});

test.describe("public search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's box is a plain form: it finds a speaker", async ({ page }) => {
    await page.goto("/events/wps-innovation-5-geneva");
    const site = page.getByRole("search", { name: "Site" });
    await site.getByRole("searchbox", { name: HEADER_BOX }).fill("Bahous");
    await site.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=Bahous$/);
    const person = page.getByRole("list", { name: "Search results" }).getByRole("link", { name: /Sima Bahous/ });
    await expect(person).toBeVisible();
    await person.click();
    await expect(page).toHaveURL(/\/people\/sima-bahous$/);
  });
});

test("the search box and results fit a 390-pixel phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    for (const path of ["/", "/search?q=dialogue", "/search?q=nothing-like-this-anywhere", "/no-such-page-anywhere"]) {
      await page.goto(path);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect.soft(scrollWidth, `${path} is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
    }
    await page.goto("/");
    await expect(page.getByRole("searchbox", { name: HEADER_BOX })).toBeInViewport();
  } finally {
    await context.close();
  }
});
