import { expect, test } from "./fixtures";

// A fresh start has something to show: the demo's fourth meeting, summarized and published with its
// photos and references, reached from the home page.

const SLUG = "wps-innovation-4-from-the-united-nations";
const TITLE = "WPS + Innovation: From the United Nations";
const PHOTOS = [
  { caption: "Participants of the symposium (illustration)", alt: /^Illustration: about twenty figures standing in three rows/ },
  { caption: "The opening speech (illustration)", alt: /^Illustration: a figure speaking at a wooden lectern/ },
  { caption: "The panel discussion (illustration)", alt: /^Illustration: five figures seated at a long table/ },
];

test("a visitor finds the demo's published summary from the home page, with its photos and references", async ({ browser }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/");
  const latest = page.getByRole("region", { name: "Latest summaries" });
  await latest.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${SLUG}/summary$`));

  const article = page.getByRole("article");
  await expect(article.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(article.getByText(/^On March 18, commencing at 4:35 p\.m\. \(local time; March 19, 5:35 a\.m\. JST\)/)).toBeVisible();
  await expect(article.getByText(/The symposium was attended by a total of about 90 people\./)).toBeVisible();
  await expect(article).not.toContainText("[Outline point of the speech]");

  // Three photos, each described and captioned, each served to anyone as an image.
  const figures = article.getByRole("figure");
  await expect(figures).toHaveCount(PHOTOS.length);
  for (const [i, photo] of PHOTOS.entries()) {
    const figure = figures.nth(i);
    await expect(figure.getByText(photo.caption, { exact: true })).toBeVisible();
    const img = figure.getByRole("img");
    await expect(img).toHaveAccessibleName(photo.alt);
    // Loaded in the page, not just present in it.
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const src = await img.getAttribute("src");
    expect(src).toMatch(/^\/media\/[0-9a-f]{64}\.jpg$/);
    const response = await page.request.get(src!);
    expect(response.status(), `${src} answers`).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/jpeg");
    expect((await response.body()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  }

  // The two references.
  const references = page.getByRole("region", { name: "References" });
  await expect(references.getByRole("heading", { level: 3 })).toHaveText([/\(Reference 1\)\s*Women, Peace and Security \(WPS\)/, /\(Reference 2\)\s*Opening remarks by the Minister for Foreign Affairs/]);
  await visitor.close();
});
