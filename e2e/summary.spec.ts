import sharp from "sharp";
import { expectNoAxeViolations } from "./axe";
import { clearFourthSummary } from "./demo-summary";
import { expect, test, waitForHydration } from "./fixtures";

const EVENT_TITLE = "From the United Nations";
const EVENT_SLUG = "wps-innovation-4-from-the-united-nations";
const TOPIC = "Women's Empowerment and Gender Equality";
const PANELISTS = [
  "Ms. Sima Bahous (Executive Director of UN Women)",
  "Ambassador Merete Brattested (Permanent Representative of Norway to the United Nations)",
  "Ms. Izumi Nakamitsu (UN Under-Secretary-General and High Representative for Disarmament Affairs)",
];

test("staff turn the fourth WPS + Innovation meeting into a published summary", async ({ staffPage: page, browser }) => {
  test.slow();
  // The demo publishes this summary: staff first take it down, with its photos and references, to
  // make it again from the event.
  await clearFourthSummary(page);

  // Before: the public page has no summary, and the feed does not list it.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/events/${EVENT_SLUG}`);
  await expect(anonymous.getByRole("heading", { level: 1, name: EVENT_TITLE })).toBeVisible();
  await expect(anonymous.getByRole("heading", { name: "References" })).toHaveCount(0);
  expect((await anonymous.request.get(`/events/${EVENT_SLUG}/summary`)).status()).toBe(404);

  await page.goto("/admin/events?q=United+Nations");
  await page.getByRole("link", { name: EVENT_TITLE }).first().click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Summary" }).click();
  await expect(page).toHaveURL(/\/summary$/);
  await waitForHydration(page.getByRole("button", { name: "Generate draft from the event" }));

  const text = page.getByLabel("Text (Markdown)");
  // The demo's text is still there (taking the summary down keeps it), so staff are asked before it is replaced.
  await expect(text).not.toHaveValue("");
  await page.getByRole("button", { name: "Generate draft from the event" }).click();
  await page.getByRole("button", { name: "Replace with a new draft" }).click();
  await expect(text).toHaveValue(/\[What the discussion covered\]/);
  await expect(text).toHaveValue(/On March 18, commencing at 4:35 p\.m\. \(local time; March 19, 5:35 a\.m\. JST\) for approximately 65 minutes/);
  const draft = await text.inputValue();
  expect(draft).toContain("The panel discussion was moderated by Ambassador Mitsuko Shino (Deputy Permanent Representative of Japan to the United Nations)");
  for (const panelist of PANELISTS) expect(draft).toContain(panelist);

  // Generating again asks before replacing the text.
  await page.getByRole("button", { name: "Generate draft from the event" }).click();
  await expect(page.getByRole("group", { name: "Confirm replacing the text" })).toBeVisible();
  await page.getByRole("button", { name: "Keep my text" }).click();

  const edited = draft
    .replace(/\[Outline point of the speech\]/g, "Japan is promoting WPS with the UN.")
    .replace("[What the discussion covered]", "The discussion was very active.")
    .replace("[what the closing remarks said]", "the opinions gained were very meaningful");
  await text.fill(edited);
  await page.getByLabel("Title", { exact: true }).fill("WPS + Innovation: From the United Nations");
  await page.getByLabel("Lede").fill("Foreign Minister Kamikawa took part in the fourth meeting on WPS + Innovation at the United Nations.");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // A photo, with a caption and a description.
  const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
  await page.getByLabel("Add photos").setInputFiles({ name: "group.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByLabel("Caption of photo 1")).toBeVisible({ timeout: 20_000 });
  const details = page.getByRole("form", { name: /Details of/ }).first();
  await waitForHydration(details.getByRole("button", { name: "Save photo details" }));
  await details.getByLabel("Caption of photo 1").fill("Group photo of the symposium");
  await details.getByLabel("Description of photo 1 (alt text)").fill("Panelists and the minister standing together on the stage");
  await details.getByRole("button", { name: "Save photo details" }).click();
  await expect(details.getByRole("status").filter({ hasText: "Photo details saved." })).toBeVisible();

  // A reference.
  await page.getByRole("button", { name: "Add reference" }).click();
  await page.getByLabel("Reference 1 title").fill("Women, Peace and Security (WPS)");
  await page.getByLabel("Reference 1 text (optional)").fill("In 2000, the Security Council adopted resolution 1325.");
  await page.getByRole("button", { name: "Save references" }).click();
  await expect(page.getByRole("status").filter({ hasText: "References saved." })).toBeVisible();

  // The preview shows the page as the public will read it.
  await page.getByRole("link", { name: "Preview the public page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "WPS + Innovation: From the United Nations" })).toBeVisible();
  await page.goBack();

  await page.reload();
  await waitForHydration(page.getByRole("button", { name: "Publish summary" }));
  await page.getByRole("button", { name: "Publish summary" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

  // The event's page leads to the summary on the next request.
  await anonymous.goto(`/events/${EVENT_SLUG}`);
  await expect(anonymous).toHaveURL(new RegExp(`/events/${EVENT_SLUG}/summary$`));
  await expect(anonymous.getByRole("heading", { level: 1, name: "WPS + Innovation: From the United Nations" })).toBeVisible();
  await expect(anonymous.getByText("The discussion was very active.")).toBeVisible();
  await expect(anonymous.getByRole("img", { name: "Panelists and the minister standing together on the stage" })).toBeVisible();
  await expect(anonymous.getByText("Group photo of the symposium")).toBeVisible();
  await expect(anonymous.getByRole("heading", { name: /Reference 1.*Women, Peace and Security/ })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: `Back to ${TOPIC}` })).toBeVisible();
  await expect(anonymous.locator('meta[property="og:title"]')).toHaveAttribute("content", /WPS \+ Innovation: From the United Nations/);
  await expect(anonymous.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/media\//);
  await expect(anonymous.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expectNoAxeViolations(anonymous);

  // The feed lists it, and the topic page links it.
  const feed = await anonymous.request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("<title>WPS + Innovation: From the United Nations</title>");
  await anonymous.goto("/");
  await expect(anonymous.getByRole("link", { name: "WPS + Innovation: From the United Nations" })).toBeVisible();
  await anonymous.getByRole("link", { name: TOPIC }).first().click();
  await expect(anonymous.getByRole("link", { name: "WPS + Innovation: From the United Nations" })).toBeVisible();

  // The summary is plain HTML: it ships no script of its own, only the framework's.
  const own = await anonymous.evaluate(async () => {
    const sources = [...document.querySelectorAll("script[src]")].map((s) => (s as HTMLScriptElement).src);
    const texts = await Promise.all(sources.map(async (src) => (await fetch(src)).text()));
    return texts.filter((t) => /Register someone else|Join the waitlist/.test(t)).length;
  });
  expect(own).toBe(0);

  // Unpublishing makes the summary a 404 again, and the event's page shows its details.
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unpublished" })).toBeVisible();
  const gone = await anonymous.request.get(`/events/${EVENT_SLUG}/summary`);
  expect(gone.status()).toBe(404);
  await anonymous.goto(`/events/${EVENT_SLUG}`);
  await expect(anonymous).toHaveURL(new RegExp(`/events/${EVENT_SLUG}$`));
  await expect(anonymous.getByText("The discussion was very active.")).toHaveCount(0);
  await visitor.close();
});
