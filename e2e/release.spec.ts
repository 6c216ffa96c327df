import sharp from "sharp";
import { expectNoAxeViolations } from "./axe";
import { setFourthSummaryPublished } from "./demo-summary";
import { expect, test, waitForHydration } from "./fixtures";

const EVENT_SLUG = "wps-innovation-4-from-the-united-nations";
const ORGANIZATION = "Symposia Demo Ministry";

test("an admin brands the site, and a published summary reads, shares and prints as an official release", async ({ adminPage: page, browser }) => {
  test.slow();
  // Settings: a new logo and another label above summaries.
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expectNoAxeViolations(page);
  const logo = await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 120, g: 30, b: 40 } } }).png().toBuffer();
  const upload = page.getByRole("form", { name: "Upload a logo" });
  await upload.getByLabel("Logo file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
  await upload.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo saved." })).toBeVisible();

  const settings = page.getByRole("form", { name: "Organization settings" });
  await waitForHydration(settings.getByRole("button", { name: "Save settings" }));
  await settings.getByLabel("Label above published summaries").fill("Meeting report");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  // The public pages are headed by the organization's name and logo.
  const visitor = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const anonymous = await visitor.newPage();
  await anonymous.goto("/");
  const home = anonymous.getByRole("banner").getByRole("link", { name: ORGANIZATION });
  await expect(home).toBeVisible();
  await expect(home.locator("img")).toHaveAttribute("src", /^\/media\/[0-9a-f]{64}\./);
  expect((await anonymous.request.get((await home.locator("img").getAttribute("src"))!)).status()).toBe(200);

  // The demo publishes the fourth meeting's summary. A run after another journey withdrew it publishes
  // it again, as staff would.
  await setFourthSummaryPublished(page, true);

  // The release: its label, its release date apart from the event's date, and the place.
  await anonymous.goto(`/events/${EVENT_SLUG}/summary`);
  const article = anonymous.getByRole("article");
  await expect(article.getByText("Meeting report", { exact: true })).toBeVisible();
  await expect(article.getByText(/^Released \w+ \d{1,2}, \d{4}$/)).toBeVisible();
  await expect(article.getByRole("term").filter({ hasText: "Event date" })).toBeVisible();
  await expect(article.getByRole("definition").filter({ hasText: "March 18, 2024" })).toBeVisible();
  await expect(article.getByRole("definition").filter({ hasText: "United Nations Headquarters, New York" })).toBeVisible();

  // Share: an email link, and a copied link.
  const share = anonymous.getByRole("group", { name: "Print or share" });
  const url = `${new URL(anonymous.url()).origin}/events/${EVENT_SLUG}/summary`;
  await expect(share.getByRole("link", { name: "Share by email" })).toHaveAttribute("href", new RegExp(`^mailto:\\?subject=.*${encodeURIComponent(url).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText("Link copied.");
  expect(await anonymous.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(share.getByRole("button", { name: "Print" })).toBeVisible();

  // The page still ships no script file of its own: the buttons run on a few inline lines.
  const own = await anonymous.evaluate(async () => {
    const sources = [...document.querySelectorAll("script[src]")].map((s) => (s as HTMLScriptElement).src);
    const texts = await Promise.all(sources.map(async (src) => (await fetch(src)).text()));
    return texts.filter((t) => /pageAction|Copy link|Share by email/.test(t)).length;
  });
  expect(own).toBe(0);

  // In print: a letterhead with the organization and the page's address; no site navigation, no way back, no buttons.
  await anonymous.emulateMedia({ media: "print" });
  const letterhead = anonymous.locator(".letterhead");
  await expect(letterhead).toBeVisible();
  await expect(letterhead).toContainText(ORGANIZATION);
  await expect(letterhead).toContainText(url);
  await expect(anonymous.getByRole("banner")).toBeHidden();
  await expect(anonymous.getByRole("link", { name: /^Back to / })).toBeHidden();
  await expect(share).toBeHidden();
  await anonymous.emulateMedia({ media: "screen" });
  await expect(letterhead).toBeHidden();

  // Without JavaScript, the buttons that need it are not there; the email link is.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`/events/${EVENT_SLUG}/summary`);
  const plainShare = plain.getByRole("group", { name: "Print or share" });
  await expect(plainShare.getByRole("link", { name: "Share by email" })).toBeVisible();
  await expect(plainShare.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(plainShare.getByRole("button", { name: "Copy link" })).toBeHidden();
  await noScript.close();

  // On a 390-pixel phone the release fits the screen: nothing scrolls sideways.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const onPhone = await phone.newPage();
  await onPhone.goto(`/events/${EVENT_SLUG}/summary`);
  await expect(onPhone.getByRole("article")).toBeVisible();
  const { scrollWidth, innerWidth } = await onPhone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `the summary is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
  await phone.close();

  // Put things back for the other journeys: the label (the summary stays published, as the demo has it).
  await page.goto("/admin/settings");
  const again = page.getByRole("form", { name: "Organization settings" });
  await waitForHydration(again.getByRole("button", { name: "Save settings" }));
  await again.getByLabel("Label above published summaries").fill("Press release");
  await again.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await visitor.close();
});
