import { join } from "node:path";
import { type Browser, type Locator, type Page, test as base, expect } from "@playwright/test";

/** The demo accounts the seed creates (db/seed.ts). */
export const DEMO = {
  admin: { email: "admin@example.org", password: "symposia-demo" },
  staff: { email: "staff@example.org", password: "symposia-demo" },
  panelist: { email: "panelist@example.org", person: "Ms. Sima Bahous" },
} as const;

export type Role = keyof typeof DEMO;

// Under test-results/, which Playwright empties at the start of each run and git ignores.
const AUTH_DIR = join(__dirname, "..", "test-results", `port-${process.env.E2E_PORT ?? "3100"}`, ".auth");

/** Where the setup project saves each role's signed-in browser state. */
export const storageStatePath = (role: Role) => join(AUTH_DIR, `${role}.json`);

/** A new visitor's email, unique to this run so that repeated runs do not collide. */
export function uniqueEmail(label: string): string {
  return `e2e-${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

/**
 * Waits until React has taken over a server-rendered element. Before that, submitting a form runs
 * the browser's default submission instead of the page's handler.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps"))), {
      message: "the page's scripts to take over the element",
    })
    .toBe(true);
}

/**
 * Staff make an event of their own on /admin/events/new and schedule it. It starts at `when`, read on
 * the event's own clock (which may depend on the form, its time zone say), else 30 days ahead at 15:00.
 * Returns the event's id and its public page's slug.
 */
export async function createScheduledEvent(
  staffPage: Page,
  { title, capacity, when }: { title: string; capacity?: number; when?: (form: Locator) => Promise<{ date: string; time: string }> },
): Promise<{ eventId: string; slug: string }> {
  await staffPage.goto("/admin/events/new");
  const eventForm = staffPage.getByRole("form", { name: "New event" });
  await waitForHydration(eventForm);
  const start = when ? await when(eventForm) : { date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), time: "15:00" };
  await eventForm.getByLabel("Title", { exact: true }).fill(title);
  await eventForm.getByLabel("Date", { exact: true }).fill(start.date);
  await eventForm.getByLabel("Start time", { exact: true }).fill(start.time);
  if (capacity !== undefined) await eventForm.getByLabel("Capacity", { exact: true }).fill(String(capacity));
  await eventForm.getByRole("button", { name: "Create event" }).click();
  await expect(staffPage).toHaveURL(/\/admin\/events\/[0-9a-f-]{36}\?saved=1$/);
  const eventId = /\/admin\/events\/([0-9a-f-]{36})/.exec(staffPage.url())![1]!;
  const schedule = staffPage.getByRole("button", { name: "Schedule" });
  await waitForHydration(schedule);
  await schedule.click();
  const publicLink = staffPage.getByRole("link", { name: "View the public page" });
  await expect(publicLink).toBeVisible();
  return { eventId, slug: (await publicLink.getAttribute("href"))!.replace("/events/", "") };
}

/** Opens an event's page and fills in its registration form, once its scripts have taken over; returns the form, not yet sent. */
export async function fillRegistrationForm(page: Page, slug: string, who: { name: string; email: string; category: string }): Promise<Locator> {
  await page.goto(`/events/${slug}`);
  const form = page.getByRole("form", { name: "Register for this event" });
  await waitForHydration(form);
  await form.getByLabel("Name", { exact: true }).fill(who.name);
  await form.getByLabel("Email", { exact: true }).fill(who.email);
  await form.getByLabel("Attendee category").selectOption(who.category);
  await form.getByLabel(/I agree that my details are kept/).check();
  return form;
}

/** Opens the sign-in page, ready for input. */
export async function openLoginPage(page: Page): Promise<void> {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await waitForHydration(page.getByRole("form", { name: "Staff sign-in" }));
}

/** Fills and sends the staff sign-in form; the caller checks the outcome. */
export async function submitPasswordSignIn(page: Page, email: string, password: string): Promise<void> {
  await openLoginPage(page);
  const form = page.getByRole("form", { name: "Staff sign-in" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in with a password and waits for the staff dashboard. */
export async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await submitPasswordSignIn(page, email, password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

/**
 * A staff account of the journey's own, added by an admin on /admin/users. Signing out ends every
 * session of an account, so a journey that signs out uses one of these, never the shared demo staff.
 */
export async function addStaffAccount(adminPage: Page): Promise<{ email: string; password: string }> {
  const email = uniqueEmail("staff");
  const password = `e2e-Pass-${Date.now()}`;
  await adminPage.goto("/admin/users");
  const form = adminPage.getByRole("form", { name: "Add a user" });
  await waitForHydration(form);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Name", { exact: true }).fill("Journey Tester");
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Staff" });
  await form.getByLabel("Password (optional)").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toContainText(`Created an account for ${email}.`);
  return { email, password };
}

/** Asks for a sign-in link on /login and returns the confirmation the page shows. */
export async function requestSignInLink(page: Page, email: string): Promise<string> {
  await openLoginPage(page);
  const form = page.getByRole("form", { name: "Email me a sign-in link" });
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Send link" }).click();
  const status = page.getByRole("status").filter({ hasText: "Check your email." });
  await expect(status).toBeVisible();
  return (await status.innerText()).trim();
}

/** The outbox pages of the sign-in link emails to `email`, newest first (read by an admin). */
export async function signInMessages(adminPage: Page, email: string): Promise<string[]> {
  await adminPage.goto("/admin/outbox");
  const search = adminPage.getByRole("search");
  await search.getByLabel("Recipient").fill(email);
  await search.getByRole("button", { name: "Filter" }).click();
  await expect(adminPage).toHaveURL(/[?&]to=/);
  // The address changes before the list arrives: wait for the list, or for word that it is empty.
  const table = adminPage.getByRole("table", { name: "Messages, newest first" });
  await expect(table.or(adminPage.getByText("No messages", { exact: true }))).toBeVisible();
  await expect(adminPage.getByRole("search").getByLabel("Recipient")).toHaveValue(email);
  const links = table.getByRole("link", { name: /^Your sign-in link for / });
  const hrefs: string[] = [];
  for (const link of await links.all()) {
    const href = await link.getAttribute("href");
    if (href) hrefs.push(href);
  }
  return hrefs;
}

/**
 * The sign-in link in the newest sign-in email to `email` that is not among `seen` (the messages
 * that were there before the link was asked for), read from the outbox as an admin.
 */
export async function readNewSignInLink(adminPage: Page, email: string, seen: string[]): Promise<string> {
  let message: string | undefined;
  await expect
    .poll(
      async () => {
        message = (await signInMessages(adminPage, email)).find((href) => !seen.includes(href));
        return message;
      },
      { message: `a new sign-in email to ${email} in the outbox`, timeout: 20_000 },
    )
    .toBeTruthy();
  await adminPage.goto(message!);
  const links = adminPage.getByRole("region", { name: "Links in this message" }).getByRole("link");
  await expect(links).toHaveCount(1);
  const href = await links.getAttribute("href");
  expect(href).toContain("/api/auth/callback/nodemailer");
  return href!;
}

/** Signs the panelist in by an emailed link, with `adminPage` reading the outbox. */
export async function signInPanelistByLink(page: Page, adminPage: Page): Promise<void> {
  const seen = await signInMessages(adminPage, DEMO.panelist.email);
  await requestSignInLink(page, DEMO.panelist.email);
  const link = await readNewSignInLink(adminPage, DEMO.panelist.email, seen);
  await page.goto(link);
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
}

/** Hands a test a page in a browser context of its own, signed in as `role`. */
async function pageFor(browser: Browser, role: Role, provide: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  try {
    await provide(await context.newPage());
  } finally {
    await context.close();
  }
}

type RolePages = {
  /** A page signed in as the demo admin. */
  adminPage: Page;
  /** A page signed in as the demo staff member. */
  staffPage: Page;
  /** A page signed in as the demo panelist (Ms. Sima Bahous). */
  panelistPage: Page;
};

export const test = base.extend<RolePages>({
  adminPage: async ({ browser }, use) => pageFor(browser, "admin", use),
  staffPage: async ({ browser }, use) => pageFor(browser, "staff", use),
  panelistPage: async ({ browser }, use) => pageFor(browser, "panelist", use),
});

export { expect };

/** The outbox's messages to `email`, newest first, as their subjects and addresses (read by staff or an admin). */
export async function outboxMessages(page: Page, email: string): Promise<{ subject: string; href: string }[]> {
  await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
  const table = page.getByRole("table", { name: "Messages, newest first" });
  await expect(table.or(page.getByText("No messages", { exact: true }))).toBeVisible();
  const messages: { subject: string; href: string }[] = [];
  for (const link of await table.getByRole("link").all()) {
    const href = await link.getAttribute("href");
    if (href) messages.push({ subject: (await link.innerText()).trim(), href });
  }
  return messages;
}

/**
 * Waits for a message to `email` whose subject matches, opens it and returns its text and links.
 * Pass the addresses of messages seen before to wait for a new one.
 */
export async function readOutboxMessage(
  page: Page,
  email: string,
  subject: RegExp,
  seen: string[] = [],
): Promise<{ href: string; text: string; links: string[]; attachments: string }> {
  let found: { subject: string; href: string } | undefined;
  await expect
    .poll(
      async () => {
        found = (await outboxMessages(page, email)).find((m) => subject.test(m.subject) && !seen.includes(m.href));
        return Boolean(found);
      },
      { message: `a message to ${email} about ${subject}`, timeout: 20_000 },
    )
    .toBe(true);
  await page.goto(found!.href);
  const text = await page.getByRole("region", { name: "Message", exact: true }).innerText();
  const links: string[] = [];
  for (const link of await page.getByRole("region", { name: "Links in this message" }).getByRole("link").all()) {
    const href = await link.getAttribute("href");
    if (href) links.push(href);
  }
  const attachments = page.getByRole("definition").filter({ hasText: /\.(ics|png)/ });
  return { href: found!.href, text, links, attachments: (await attachments.count()) > 0 ? await attachments.innerText() : "" };
}

/** The links in the newest outbox message to `email` whose subject matches `subject` (read by an admin). */
export async function readOutboxLinks(adminPage: Page, email: string, subject: RegExp): Promise<string[]> {
  let href: string | null = null;
  await expect
    .poll(
      async () => {
        await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
        const link = adminPage.getByRole("table", { name: "Messages, newest first" }).getByRole("link", { name: subject }).first();
        href = (await link.count()) > 0 ? await link.getAttribute("href") : null;
        return href;
      },
      { message: `an email to ${email} with a subject like ${subject} in the outbox`, timeout: 20_000 },
    )
    .toBeTruthy();
  await adminPage.goto(href!);
  const links = adminPage.getByRole("region", { name: "Links in this message" }).getByRole("link");
  return Promise.all((await links.all()).map(async (l) => (await l.getAttribute("href"))!));
}

/** The sign-in link of the newest invitation to `email`: it signs in and opens the invitation. */
export async function readInvitationLink(adminPage: Page, email: string): Promise<string> {
  const links = await readOutboxLinks(adminPage, email, /^Invitation: /);
  const signIn = links.find((href) => href.includes("/api/auth/callback/nodemailer"));
  expect(signIn, "a sign-in link in the invitation").toBeTruthy();
  return signIn!;
}

/** Staff open `name` (found by `search` among the people), change the form with `edit`, and save it. */
export async function savePersonAsStaff(staffPage: Page, search: string, name: string, edit: () => Promise<void>): Promise<void> {
  await staffPage.goto(`/admin/people?q=${search}`);
  await staffPage.getByRole("link", { name }).click();
  await expect(staffPage.getByRole("heading", { level: 1, name })).toBeVisible();
  const save = staffPage.getByRole("button", { name: "Save person" });
  await waitForHydration(save);
  await edit();
  await save.click();
  await expect(staffPage.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}
