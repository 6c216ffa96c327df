import { addStaffAccount, expect, signInWithPassword, test, waitForHydration } from "./fixtures";

test("an admin adds a staff user, who signs in; once disabled, their session stops working", async ({ adminPage, browser }) => {
  const { email, password } = await addStaffAccount(adminPage);
  await expect(adminPage.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  const row = adminPage.getByRole("row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: "Staff", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();

  const userContext = await browser.newContext();
  try {
    const userPage = await userContext.newPage();
    await signInWithPassword(userPage, email, password);

    const disable = row.getByRole("button", { name: `Disable ${email}` });
    await waitForHydration(disable);
    await disable.click();
    await expect(row.getByRole("cell", { name: "Disabled", exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: `Enable ${email}` })).toBeVisible();

    // The session cookie is still there; the server refuses it on the next request.
    await userPage.reload();
    await expect(userPage).toHaveURL(/\/login\?next=%2Fadmin$/);
    await expect(userPage.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  } finally {
    await userContext.close();
  }
});

test("staff get “Page not found” at the user administration", async ({ staffPage }) => {
  await staffPage.goto("/admin");
  await expect(staffPage.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(staffPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  await staffPage.goto("/admin/users");
  await expect(staffPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(staffPage.getByRole("form", { name: "Add a user" })).toHaveCount(0);
});
