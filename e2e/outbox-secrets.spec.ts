import { expect, fillRegistrationForm, readOutboxMessage, test, uniqueEmail } from "./fixtures";

const DEMO_SLUG = "wps-innovation-5-geneva";

test("staff read a registration email without its manage link; an admin, while the outbox is the mailbox, reads it whole", async ({ page, staffPage, adminPage }) => {
  const visitor = uniqueEmail("secret");
  const form = await fillRegistrationForm(page, DEMO_SLUG, { name: "Sasha Secret", email: visitor, category: "Academia" });
  await form.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email." })).toBeVisible();

  const seenByStaff = await readOutboxMessage(staffPage, visitor, /^Registration confirmed: /);
  expect(seenByStaff.text).toContain("[personal manage link hidden]");
  expect(seenByStaff.text).not.toMatch(/\/registrations\//);
  expect(seenByStaff.links.some((href) => href.includes("/registrations/"))).toBe(false);
  await expect(staffPage.getByRole("status").filter({ hasText: "A manage link lets whoever opens it" })).toContainText(
    "only admins can read it, and only while no mail server is configured",
  );
  // One word for the state, here as in the list.
  await expect(staffPage.getByRole("definition").filter({ hasText: /^Waiting/ })).toBeVisible();

  const seenByAdmin = await readOutboxMessage(adminPage, visitor, /^Registration confirmed: /);
  expect(seenByAdmin.links.some((href) => new URL(href).pathname.startsWith("/registrations/"))).toBe(true);
  expect(seenByAdmin.text).not.toContain("hidden]");
});

test("the dashboard says why emails wait when no mail server is set", async ({ staffPage }) => {
  await staffPage.goto("/admin");
  await expect(staffPage.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const note = staffPage.getByRole("status").filter({ hasText: "no mail server is configured" });
  await expect(note).toContainText(/emails? (is|are) waiting because no mail server is configured \(SMTP_URL\)/);
  await note.getByRole("link", { name: "outbox" }).click();
  await expect(staffPage).toHaveURL(/\/admin\/outbox\?status=pending$/);
  await expect(staffPage.getByRole("table", { name: "Messages, newest first" })).toContainText("Waiting");
});
