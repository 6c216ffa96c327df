import { DEMO, expect, signInPanelistByLink, signInWithPassword, storageStatePath, test as setup } from "./fixtures";

// Each role signs in once per run; the journeys reuse these sessions through the role fixtures.

setup("sign in as the admin", async ({ page }) => {
  await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
  await page.context().storageState({ path: storageStatePath("admin") });
});

setup("sign in as staff", async ({ page }) => {
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.context().storageState({ path: storageStatePath("staff") });
});

setup("sign in as the panelist by emailed link", async ({ page, adminPage }) => {
  await signInPanelistByLink(page, adminPage);
  await expect(page.getByRole("heading", { name: DEMO.panelist.person })).toBeVisible();
  await page.context().storageState({ path: storageStatePath("panelist") });
});
