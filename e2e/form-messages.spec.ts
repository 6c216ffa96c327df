import type { Locator, Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

// Every form, submitted empty, says what is wrong in its own words, all at once. zod's defaults
// ("Invalid input: expected true", "Required", "Expected string") must never reach a person.
const ZOD_WORDING = /^(Invalid input|Expected|Required)/;
const DEMO_SLUG = "wps-innovation-5-geneva";
const DEMO_TITLE = "Technology, Peacebuilding and Women's Leadership";

/** The form a submit button belongs to. */
const formOf = (page: Page, button: string) => page.getByRole("button", { name: button, exact: true }).locator("xpath=ancestor::form[1]");

/** Empties every field a person can type in or choose an empty option for. */
async function empty(form: Locator) {
  for (const field of await form.locator("input:visible, textarea:visible").all()) {
    const type = (await field.getAttribute("type")) ?? "text";
    if (["checkbox", "radio", "file", "hidden", "submit", "button"].includes(type)) continue;
    if (await field.isEditable()) await field.fill("");
  }
  for (const select of await form.locator("select:visible").all()) {
    if ((await select.locator('option[value=""]').count()) > 0) await select.selectOption("");
  }
}

/** Every message the form shows: beside the fields, in its summary, in its alerts. */
async function shownMessages(form: Locator): Promise<string[]> {
  const texts = await form.locator('[id$="-error"], [role="alert"] li, [role="alert"], p.text-red-700').allInnerTexts();
  return texts.flatMap((t) => t.split("\n")).map((t) => t.trim()).filter(Boolean);
}

async function submitEmpty(page: Page, button: string, opts: { summary: boolean; before?: (form: Locator) => Promise<void> }) {
  const form = formOf(page, button);
  await waitForHydration(form);
  await opts.before?.(form);
  await empty(form);
  await form.getByRole("button", { name: button, exact: true }).click();
  const invalid = form.locator('[aria-invalid="true"]');
  await expect(invalid.first()).toBeVisible();
  const messages = await shownMessages(form);
  expect(messages.length, "the form says what is wrong").toBeGreaterThan(0);
  expect(messages.filter((m) => ZOD_WORDING.test(m))).toEqual([]);
  if (opts.summary) {
    const summary = form.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await expect(summary).toBeVisible();
    // One link per field that needs attention, and the keyboard at the first of them.
    expect(await summary.getByRole("link").count()).toBe(await invalid.count());
    await expect(invalid.first()).toBeFocused();
  }
  return messages;
}

/** An event's staff page (`section`: "", "/participants", "/agenda", "/registrations", "/summary"). */
async function openDemoEvent(page: Page, section: string) {
  await page.goto("/admin/events");
  const href = await page.getByRole("link", { name: DEMO_TITLE }).getAttribute("href");
  await page.goto(`${href}${section}`);
}

test("the public registration form, empty, says everything on the first submit", async ({ page }) => {
  await page.goto(`/events/${DEMO_SLUG}`);
  const messages = await submitEmpty(page, "Register", { summary: true });
  expect(messages).toEqual(expect.arrayContaining(["Enter your name.", "Choose a category from the list.", "Please agree to the privacy notice to register."]));
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  // The summary's links lead to their fields.
  await page.getByRole("link", { name: "Please agree to the privacy notice to register." }).click();
  await expect(page.getByLabel(/I agree that my details are kept/)).toBeFocused();
});

test.describe("staff forms, submitted empty", () => {
  const simple: [string, string, string][] = [
    ["topic", "/admin/topics/new", "Create topic"],
    ["series", "/admin/series/new", "Create series"],
    ["venue", "/admin/venues/new", "Create venue"],
    ["person", "/admin/people/new", "Create person"],
    ["event", "/admin/events/new", "Create event"],
  ];
  for (const [what, path, button] of simple) {
    test(`the ${what} form`, async ({ staffPage }) => {
      await staffPage.goto(path);
      await submitEmpty(staffPage, button, { summary: true });
    });
  }

  test("the user form", async ({ adminPage }) => {
    await adminPage.goto("/admin/users");
    await submitEmpty(adminPage, "Add user", { summary: true });
  });

  const eventTabs: [string, string, string][] = [
    ["participant", "/participants", "Add participant"],
    ["agenda", "/agenda", "Add segment"],
    ["registration", "/registrations", "Add registration"],
  ];
  for (const [what, section, button] of eventTabs) {
    test(`the ${what} form`, async ({ staffPage }) => {
      await openDemoEvent(staffPage, section);
      await submitEmpty(staffPage, button, { summary: true });
    });
  }

  test("the summary's references", async ({ staffPage }) => {
    await openDemoEvent(staffPage, "/summary");
    await submitEmpty(staffPage, "Save references", {
      summary: true,
      before: (form) => form.getByRole("button", { name: "Add reference" }).click(),
    });
  });
});

test("the panelist's profile form, emptied", async ({ panelistPage }) => {
  await panelistPage.goto("/me");
  await submitEmpty(panelistPage, "Send for review", { summary: true });
});

test("the sign-in forms, empty", async ({ page }) => {
  await page.goto("/login");
  const password = await submitEmpty(page, "Sign in", { summary: true });
  expect(password).toEqual(expect.arrayContaining(["Enter your email address."]));
  await submitEmpty(page, "Send link", { summary: true });
});
