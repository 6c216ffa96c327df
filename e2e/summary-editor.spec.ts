import type { Locator, Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

// The summary editor says what to do next: a first draft when there is no text, then what still stands
// in the way of publishing, kept current after every save and every new draft; once published, a save
// that would break the page is refused with the reason beside the field.

/** Letters only, unique per run, so that repeated runs do not collide. */
function runTag(): string {
  const letters = Date.now().toString(26).replace(/\d/g, (d) => "qrstuvwxyz".charAt(Number(d)));
  return letters.charAt(0).toUpperCase() + letters.slice(1);
}

/** Whether a button is drawn as the page's main action (the primary style) rather than a secondary one. */
async function expectPrimary(button: Locator, primary: boolean): Promise<void> {
  if (primary) await expect(button).toHaveClass(/\bbg-brand-700\b/);
  else await expect(button).not.toHaveClass(/\bbg-brand-700\b/);
}

async function createScheduledEvent(page: Page, title: string): Promise<string> {
  await page.goto("/admin/events");
  await page.getByRole("link", { name: "New event", exact: true }).click();
  const form = page.getByRole("form", { name: "New event" });
  await waitForHydration(form);
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Time zone").fill("Europe/Zurich");
  await form.getByLabel("Date", { exact: true }).fill("2027-05-10");
  await form.getByLabel("Start time").fill("10:00");
  await form.getByLabel("Duration (minutes)").fill("60");
  await form.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Event created." })).toBeVisible();
  const id = /\/admin\/events\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(id, "the new event's address").toBeTruthy();

  const status = page.getByRole("region", { name: "Status", exact: true });
  const schedule = status.getByRole("button", { name: "Schedule" });
  await waitForHydration(schedule);
  await schedule.click();
  await expect(status).toContainText("This event is scheduled");
  return id!;
}

test("the summary editor leads with a first draft and keeps the publishing problems current", async ({ staffPage: page, browser }) => {
  test.slow();
  const title = `Editor state ${runTag()}`;
  const eventId = await createScheduledEvent(page, title);

  await page.goto(`/admin/events/${eventId}/summary`);
  const generate = page.getByRole("button", { name: "Generate draft from the event" });
  const save = page.getByRole("button", { name: "Save summary" });
  const publishing = page.getByRole("region", { name: "Publishing" });
  const problems = publishing.getByRole("list", { name: "Problems to fix" });
  const text = page.getByLabel("Text (Markdown)");
  await waitForHydration(generate);

  await test.step("with no text, a first draft is the main action", async () => {
    await expect(text).toHaveValue("");
    await expectPrimary(generate, true);
    await expectPrimary(save, false);
    await expectPrimary(publishing.getByRole("button", { name: "Publish summary" }), false);
    await expect(problems.getByRole("listitem")).toHaveText(["The summary has no title.", "The summary has no text."]);
  });

  await test.step("publishing too early is refused with the reasons", async () => {
    await publishing.getByRole("button", { name: "Publish summary" }).click();
    await expect(publishing.getByRole("alert")).toContainText("The summary cannot be published yet:");
    await expect(problems.getByRole("listitem")).toHaveText(["The summary has no title.", "The summary has no text."]);
  });

  await test.step("after a draft is generated, the problems it solved are gone at once", async () => {
    await generate.click();
    await expect(page.getByRole("status").filter({ hasText: "Draft generated from the event's data." })).toBeVisible();
    await expect(text).toHaveValue(/^On May 10, commencing at 10:00 a\.m\./);
    await expectPrimary(generate, false);
    await expectPrimary(save, true);
    // No reload: the old refusal and its reasons no longer show.
    await expect(publishing.getByRole("alert")).toHaveCount(0);
    await expect(publishing).not.toContainText("The summary has no text.");
    await expect(problems).toHaveCount(0);
    await expectPrimary(publishing.getByRole("button", { name: "Publish summary" }), true);
  });

  await test.step("each save updates the list: a placeholder appears in it, and leaves it again", async () => {
    const draft = await text.inputValue();
    await text.fill(`${draft}\nThe discussion: [What the discussion covered]\n`);
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(problems.getByRole("listitem")).toHaveText(["The text still has placeholders to replace: [What the discussion covered]."]);
    await expectPrimary(publishing.getByRole("button", { name: "Publish summary" }), false);

    await text.fill(`${draft}\nThe discussion was very active.\n`);
    // A control character pasted into the title must not break the feed later on.
    await page.getByLabel("Title", { exact: true }).fill(`${title}\u0007`);
    await save.click();
    await expect(problems).toHaveCount(0);
    await expectPrimary(publishing.getByRole("button", { name: "Publish summary" }), true);
  });

  await test.step("once published, a save that would empty the page is refused beside the field", async () => {
    await publishing.getByRole("button", { name: "Publish summary" }).click();
    await expect(publishing.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

    await text.fill("");
    await save.click();
    const form = page.getByRole("form", { name: "Summary" });
    await expect(form.getByRole("alert").filter({ hasText: "This summary is published" })).toBeVisible();
    await expect(text).toHaveAccessibleDescription(/The summary has no text\./);
    await expect(form.getByRole("link", { name: "The summary has no text." })).toBeVisible();
    await expect(text).toHaveAttribute("aria-invalid", "true");

    // Nothing was saved.
    await page.reload();
    await expect(text).toHaveValue(/The discussion was very active\./);
  });

  await test.step("the feed stays valid XML for a strict parser", async () => {
    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto("/");
    const parsed = await publicPage.evaluate(async () => {
      const source = await (await fetch("/feed.xml")).text();
      const doc = new DOMParser().parseFromString(source, "application/xml");
      return { error: doc.getElementsByTagName("parsererror").length, titles: [...doc.getElementsByTagName("title")].map((t) => t.textContent) };
    });
    expect(parsed.error).toBe(0);
    expect(parsed.titles).toContain(title);
    await visitor.close();
  });
});
