import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, fillRegistrationForm, readOutboxMessage, type Role, storageStatePath, test, uniqueEmail } from "./fixtures";

// A common phone: nothing on it may scroll sideways.
const PHONE = { width: 390, height: 844 };
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UPCOMING_SLUG = "wps-innovation-5-geneva";

async function phone(browser: Browser, role?: Role, javaScriptEnabled = true): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
    storageState: role ? storageStatePath(role) : undefined,
  });
}

/** Opens `path` and fails (softly, so that one run lists every wide page) when the page is wider than the screen. */
async function expectFitsTheScreen(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect.soft(response?.status(), `${path} opens`).toBeLessThan(400);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect.soft(scrollWidth, `${path} is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
}

/** The distinct same-site addresses on the current page that match `pattern`, in page order. */
async function linksMatching(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs.filter((href) => pattern.test(href)))];
}

test("every staff page fits a 390-pixel phone", async ({ browser }) => {
  test.slow();
  const context = await phone(browser, "admin");
  const page = await context.newPage();
  try {
    const lists = ["/admin", "/admin/events", "/admin/topics", "/admin/series", "/admin/venues", "/admin/people", "/admin/approvals", "/admin/outbox", "/admin/users", "/admin/audit"];
    const pages: string[] = [...lists, "/admin/events/new", "/admin/topics/new", "/admin/series/new", "/admin/venues/new", "/admin/people/new"];

    // Each record's own page, found from its list as a person would.
    for (const [list, pattern] of [
      ["/admin/events", new RegExp(`^/admin/events/${UUID}$`)],
      ["/admin/topics", new RegExp(`^/admin/topics/${UUID}$`)],
      ["/admin/series", new RegExp(`^/admin/series/${UUID}$`)],
      ["/admin/venues", new RegExp(`^/admin/venues/${UUID}$`)],
      ["/admin/people", new RegExp(`^/admin/people/${UUID}$`)],
      ["/admin/outbox", new RegExp(`^/admin/outbox/${UUID}$`)],
    ] as const) {
      await page.goto(list);
      const found = await linksMatching(page, pattern);
      expect(found.length, `records listed on ${list}`).toBeGreaterThan(0);
      pages.push(...found.slice(0, list === "/admin/events" ? 2 : 1));
    }
    const events = pages.filter((p) => new RegExp(`^/admin/events/${UUID}$`).test(p));
    expect(events.length).toBe(2);
    for (const event of events) {
      for (const tab of ["/participants", "/agenda", "/registrations", "/check-in", "/summary", "/summary/preview"]) pages.push(`${event}${tab}`);
    }

    for (const path of pages) await expectFitsTheScreen(page, path);
  } finally {
    await context.close();
  }
});

test("every public page and the panelist's pages fit a 390-pixel phone", async ({ browser, adminPage }) => {
  test.slow();
  const context = await phone(browser);
  const page = await context.newPage();
  try {
    const pages = ["/", "/login", "/privacy"];
    await page.goto("/");
    pages.push(...(await linksMatching(page, /^\/(events|topics|series)\/[^/]+$/)));
    // The latest published summaries, which the home page links too.
    pages.push(...(await linksMatching(page, /^\/events\/[^/]+\/summary$/)));
    for (const path of [...pages]) {
      if (!path.startsWith("/events/")) continue;
      await page.goto(path);
      // A held event's address leads to its published summary.
      pages.push(new URL(page.url()).pathname);
      pages.push(...(await linksMatching(page, /^\/(events\/[^/]+\/summary|people\/[^/]+|series\/[^/]+|topics\/[^/]+)$/)));
    }
    const unique = [...new Set(pages)];
    for (const kind of ["/events/", "/topics/", "/series/", "/people/"]) {
      expect(unique.some((p) => p.startsWith(kind)), `a ${kind} page is reachable from the home page`).toBe(true);
    }
    // The demo's published summary of its fourth meeting is among them.
    expect(unique.some((p) => /^\/events\/[^/]+\/summary$/.test(p)), "a published summary is reachable from the home page").toBe(true);
    for (const path of unique) await expectFitsTheScreen(page, path);

    // The registration form, used on the phone, and the manage page its email links to.
    const email = uniqueEmail("phone");
    const form = await fillRegistrationForm(page, UPCOMING_SLUG, { name: "Pat Phone", email: email, category: "Civil society" });
    await form.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Check your email." })).toBeVisible();
    const { links } = await readOutboxMessage(adminPage, email, /^Registration confirmed: /);
    const manage = links.map((l) => new URL(l).pathname).find((p) => p.startsWith("/registrations/"));
    expect(manage, "a manage link in the confirmation").toBeTruthy();
    await expectFitsTheScreen(page, manage!);
    await expectFitsTheScreen(page, `${manage}?confirm=1`);
  } finally {
    await context.close();
  }

  const panelist = await phone(browser, "panelist");
  const me = await panelist.newPage();
  try {
    await expectFitsTheScreen(me, "/me");
    for (const path of await linksMatching(me, new RegExp(`^/me/invitations/${UUID}$`))) await expectFitsTheScreen(me, path);
  } finally {
    await panelist.close();
  }
});

test("on a phone the event's Check-in and Summary tabs are within reach, and the staff menu opens", async ({ browser }) => {
  const context = await phone(browser, "staff");
  const page = await context.newPage();
  try {
    await page.goto("/admin/events");
    const [event] = await linksMatching(page, new RegExp(`^/admin/events/${UUID}$`));
    await page.goto(event!);
    const tabs = page.getByRole("navigation", { name: "Event sections" });
    await tabs.getByRole("link", { name: "Check-in" }).click();
    await expect(page).toHaveURL(new RegExp(`${event}/check-in$`));
    await expect(tabs.getByRole("link", { name: "Check-in" })).toHaveAttribute("aria-current", "page");
    await tabs.getByRole("link", { name: "Summary" }).click();
    await expect(page).toHaveURL(new RegExp(`${event}/summary$`));

    // The staff menu is one button on a phone; its links show when it is opened.
    const outboxLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" });
    await expect(outboxLink).toBeHidden();
    await page.locator("summary").filter({ hasText: "Menu" }).click();
    await outboxLink.click();
    await expect(page).toHaveURL(/\/admin\/outbox$/);
  } finally {
    await context.close();
  }
});

test("the staff menu opens on a phone before any script runs", async ({ browser }) => {
  const context = await phone(browser, "staff", false);
  const page = await context.newPage();
  try {
    await page.goto("/admin");
    const menu = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toBeHidden();
    await page.locator("summary").filter({ hasText: "Menu" }).click();
    await expect(menu.getByRole("link", { name: "Events" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the site has an icon, so a first visit logs no missing favicon", async ({ browser }) => {
  const context = await phone(browser);
  const page = await context.newPage();
  try {
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await page.goto("/");
    const icon = page.locator('link[rel="icon"]').first();
    const href = await icon.getAttribute("href");
    expect(href, "the page names its icon").toBeTruthy();
    const served = await page.request.get(href!);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toMatch(/^image\//);
    const ico = await page.request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(failed).toEqual([]);
  } finally {
    await context.close();
  }
});
