import type { Page } from "@playwright/test";
import { createScheduledEvent, expect, fillRegistrationForm, outboxMessages, readOutboxMessage, test, uniqueEmail, waitForHydration } from "./fixtures";

const DEMO_SLUG = "wps-innovation-5-geneva";
const DEMO_TITLE = "Technology, Peacebuilding and Women's Leadership";

/** Fills in the public form on an event's page and waits for the one answer it ever gives. */
async function registerOnPage(page: Page, slug: string, name: string, email: string, button: "Register" | "Join the waitlist") {
  const form = await fillRegistrationForm(page, slug, { name: name, email: email, category: "Civil society" });
  await form.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email." })).toContainText(email);
}

/** The manage link in an email: the one link to /registrations/. */
function manageLink(links: string[]): string {
  const link = links.find((l) => new URL(l).pathname.startsWith("/registrations/"));
  expect(link, "a manage link in the email").toBeTruthy();
  return link!;
}

test("register, wait, cancel, promote and check in", async ({ page, adminPage, staffPage, browser }) => {
  test.slow();

  // A visitor registers for the demo's upcoming meeting and is told to check their email.
  const visitor = uniqueEmail("visitor");
  await page.goto(`/events/${DEMO_SLUG}`);
  await expect(page.getByRole("region", { name: "Registration" })).toContainText(/\d+ of 80 seats remain/);
  await registerOnPage(page, DEMO_SLUG, "Vera Visitor", visitor, "Register");

  // The confirmation is in the outbox, with the manage link, the calendar file and the QR code.
  const confirmation = await readOutboxMessage(adminPage, visitor, /^Registration confirmed: /);
  expect(confirmation.text).toContain(DEMO_TITLE);
  expect(confirmation.text).toMatch(/Your check-in code: [2-9A-Z]{4}-[2-9A-Z]{4}/);
  expect(confirmation.attachments).toContain(`${DEMO_SLUG}.ics`);
  expect(confirmation.attachments).toContain("check-in-code.png");
  await page.goto(manageLink(confirmation.links));
  await expect(page.getByRole("heading", { level: 1, name: DEMO_TITLE })).toBeVisible();
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Confirmed: you have a seat.");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  // Staff make a one-seat event, to see the waitlist at work.
  const title = `Waitlist journey ${Date.now()}`;
  const { eventId, slug } = await createScheduledEvent(staffPage, { title, capacity: 1 });

  // The first person takes the seat; the second joins the waitlist.
  const first = uniqueEmail("first");
  const second = uniqueEmail("second");
  await registerOnPage(page, slug, "Fiona First", first, "Register");
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("region", { name: "Registration" })).toContainText("Every seat is taken: new registrations join the waitlist");
  await registerOnPage(page, slug, "Sam Second", second, "Join the waitlist");
  const waitlisted = await readOutboxMessage(adminPage, second, /^You are on the waitlist: /);
  expect(waitlisted.text).toContain("you are on the waitlist, number 1");
  const seenBySecond = (await outboxMessages(adminPage, second)).map((m) => m.href);

  // The first person cancels from their link, after a confirmation step.
  const firstConfirmation = await readOutboxMessage(adminPage, first, /^Registration confirmed: /);
  const visitorContext = await browser.newContext();
  try {
    const own = await visitorContext.newPage();
    await own.goto(manageLink(firstConfirmation.links));
    await expect(own.getByRole("region", { name: "Status" })).toContainText("Confirmed");
    await own.getByRole("link", { name: "Cancel my registration" }).click();
    const confirm = own.getByRole("group", { name: "Confirm cancelling your registration" });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await expect(own.getByRole("status").filter({ hasText: "Your registration is cancelled." })).toBeVisible();
    await expect(own.getByRole("region", { name: "Status" })).toContainText("Cancelled");
    await expect(own.getByRole("link", { name: "Cancel my registration" })).toHaveCount(0);
  } finally {
    await visitorContext.close();
  }

  // The person waiting is promoted in the same step, and emailed with a link that shows the seat.
  const promoted = await readOutboxMessage(adminPage, second, /^A seat is yours: /, seenBySecond);
  expect(promoted.text).toContain(title);
  expect(promoted.attachments).toContain(`${slug}.ics`);
  await page.goto(manageLink(promoted.links));
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Confirmed: you have a seat.");
  await expect((await readOutboxMessage(adminPage, first, /^Registration cancelled: /)).text).toContain("is cancelled, as you asked");

  // Staff see it in the list, then check the promoted person in at the door.
  await staffPage.goto(`/admin/events/${eventId}/registrations`);
  const row = staffPage.getByRole("row").filter({ hasText: second });
  await expect(row).toContainText("Confirmed");
  await expect(staffPage.getByRole("row").filter({ hasText: first })).toContainText("Cancelled");

  await staffPage.goto(`/admin/events/${eventId}/check-in`);
  const count = staffPage.getByRole("status").filter({ hasText: /checked in$/ });
  await expect(count).toHaveText("0 of 1 checked in");
  const search = staffPage.getByLabel("Search by name, email or code");
  await waitForHydration(search);
  await search.fill("sam sec");
  await staffPage.getByRole("button", { name: "Check in Sam Second" }).click();
  await expect(count).toHaveText("1 of 1 checked in");
  await staffPage.reload();
  await expect(count).toHaveText("1 of 1 checked in");
  await expect(staffPage.getByText(/Checked in at \d{1,2}:\d{2} [ap]\.m\./)).toBeVisible();
  const undo = staffPage.getByRole("button", { name: "Undo check-in of Sam Second" });
  await waitForHydration(undo);
  await undo.click();
  // Undoing asks first, so that a slip of the finger at the door does not lose an arrival.
  await staffPage.getByRole("group", { name: "Confirm undoing the check-in of Sam Second" }).getByRole("button", { name: "Yes, undo" }).click();
  await expect(count).toHaveText("0 of 1 checked in");
});

test("an unknown manage link is a plain “not found”", async ({ page }) => {
  const response = await page.goto(`/registrations/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});

test("the staff export opens in Excel: a byte-order mark, CRLF, and no formulas", async ({ staffPage }) => {
  await staffPage.goto("/admin/events");
  await staffPage.getByRole("link", { name: DEMO_TITLE }).click();
  await staffPage.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Registrations" }).click();
  const form = staffPage.getByRole("form", { name: "Add a registration" });
  await waitForHydration(form);
  const email = uniqueEmail("formula");
  await form.getByLabel("Name", { exact: true }).fill('=HYPERLINK("http://evil.example","x")');
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByRole("button", { name: "Add registration" }).click();
  await expect(form.getByRole("status")).toContainText("is registered, with a seat");

  const download = staffPage.waitForEvent("download");
  await staffPage.getByRole("link", { name: "Download as CSV (Excel)" }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = bytes.toString("utf8");
  expect(text).toContain("\r\n");
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")",${email}`);
});
