import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { createScheduledEvent, expect, fillRegistrationForm, readOutboxMessage, test, uniqueEmail, waitForHydration } from "./fixtures";

/** The manage link in an email: the one link to /registrations/. */
function manageLink(links: string[]): string {
  const link = links.find((l) => new URL(l).pathname.startsWith("/registrations/"));
  expect(link, "a manage link in the email").toBeTruthy();
  return link!;
}

/** Sends the public form on an event that requires approval and waits for its one answer. */
async function requestOnPage(page: Page, slug: string, name: string, email: string) {
  const form = await fillRegistrationForm(page, slug, { name, email, category: "Civil society" });
  await form.getByRole("button", { name: "Request to register", exact: true }).click();
  const done = page.getByRole("status").filter({ hasText: "Check your email." });
  await expect(done).toContainText("Request received: it is under review.");
  await expect(done).toContainText(email);
}

test("staff require approval, then approve one registration and decline another with a message", async ({ page, adminPage, staffPage }) => {
  test.slow();

  // Staff make an event with five seats and schedule it.
  const title = `Approval journey ${Date.now()}`;
  const { eventId, slug } = await createScheduledEvent(staffPage, { title, capacity: 5 });

  // On the Registrations tab, staff switch the event to approval.
  const registrationsTab = `/admin/events/${eventId}/registrations`;
  await staffPage.goto(registrationsTab);
  const approval = staffPage.getByRole("form", { name: "Approval" });
  await expect(approval.getByRole("radio", { name: /^Open/ })).toBeChecked();
  await waitForHydration(approval);
  await approval.getByRole("radio", { name: /^Requires approval/ }).check();
  await approval.getByRole("button", { name: "Save approval setting" }).click();
  await expect(approval.getByRole("status")).toContainText("New registrations now wait for your approval");

  // The public page says that registrations are reviewed, and passes the accessibility check.
  await page.goto(`/events/${slug}`);
  const registration = page.getByRole("region", { name: "Registration" });
  await expect(registration).toContainText("5 of 5 seats remain.");
  await expect(registration).toContainText("Registrations are reviewed");
  await expect(registration.getByRole("button", { name: "Request to register", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Two visitors register and are told their request is under review.
  const ann = uniqueEmail("ann");
  const ben = uniqueEmail("ben");
  await requestOnPage(page, slug, "Ann Approved", ann);
  await expectNoAxeViolations(page);
  await requestOnPage(page, slug, "Ben Declined", ben);

  const annReceived = await readOutboxMessage(adminPage, ann, /^Request received, under review: /);
  expect(annReceived.text).toContain("it is under review");
  expect(annReceived.text).not.toMatch(/Your check-in code/);
  const benReceived = await readOutboxMessage(adminPage, ben, /^Request received, under review: /);

  // Ann's link shows her request plainly, with a way to withdraw it; no seat yet.
  await page.goto(manageLink(annReceived.links));
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Awaiting approval");
  await expect(page.getByRole("link", { name: "Withdraw my request" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("region", { name: "Registration" })).toContainText("5 of 5 seats remain.");

  // Staff see both awaiting approval, and decline Ben with a message, by ticking his row.
  await staffPage.goto(registrationsTab);
  await expect(staffPage.getByRole("row").filter({ hasText: ann })).toContainText("Awaiting approval");
  const bulk = staffPage.getByRole("form", { name: "Approve or decline selected registrations" });
  await expect(bulk).toContainText("2 registrations await approval.");
  await waitForHydration(bulk);
  await staffPage.getByRole("checkbox", { name: "Select Ben Declined", exact: true }).check();
  await bulk.getByLabel("Message to include in the emails (optional)").fill("The room is reserved for delegations this time.");
  await bulk.getByRole("button", { name: "Decline selected" }).click();
  await expect(bulk.getByRole("status")).toContainText("Ben Declined declined. They have been emailed.");
  await expect(staffPage.getByRole("row").filter({ hasText: ben })).toContainText("Declined");

  // …and approve Ann in her own row, with a word for her.
  const annRow = staffPage.getByRole("row").filter({ hasText: ann });
  await annRow.getByRole("button", { name: "Approve the registration of Ann Approved" }).click();
  const confirm = annRow.getByRole("group", { name: "Confirm approving the registration of Ann Approved" });
  await confirm.getByLabel("Message in the email (optional)").fill("Badges are at the north entrance.");
  await confirm.getByRole("button", { name: "Yes, approve" }).click();
  await expect(annRow).toContainText("Confirmed");
  await expect(staffPage.getByRole("form", { name: "Approve or decline selected registrations" })).toHaveCount(0);

  // Each outcome is in the outbox: Ann's seat with its code, calendar and QR code; Ben's refusal with the message.
  const approved = await readOutboxMessage(adminPage, ann, /^Registration approved: /);
  expect(approved.text).toContain("has been approved: you have a seat");
  expect(approved.text).toContain("Badges are at the north entrance.");
  expect(approved.text).toMatch(/Your check-in code: [2-9A-Z]{4}-[2-9A-Z]{4}/);
  expect(approved.attachments).toContain(`${slug}.ics`);
  expect(approved.attachments).toContain("check-in-code.png");
  const declined = await readOutboxMessage(adminPage, ben, /^Registration declined: /);
  expect(declined.text).toContain("could not accept your registration");
  expect(declined.text).toContain("The room is reserved for delegations this time.");

  // The manage pages say so: a seat for Ann; Ben's is declined, with nothing to cancel.
  await page.goto(manageLink(approved.links));
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Confirmed: you have a seat.");
  await page.goto(manageLink(benReceived.links));
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Declined");
  await expect(page.getByRole("link", { name: /Cancel my registration|Withdraw my request/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Ann's seat counts; Ben's request never did.
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("region", { name: "Registration" })).toContainText("4 of 5 seats remain.");
});
