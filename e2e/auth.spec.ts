import {
  addStaffAccount,
  DEMO,
  expect,
  readNewSignInLink,
  requestSignInLink,
  signInMessages,
  signInWithPassword,
  submitPasswordSignIn,
  test,
  uniqueEmail,
  waitForHydration,
} from "./fixtures";

test.describe("password sign-in", () => {
  test("an admin signs in with a password and reaches the dashboard", async ({ page }) => {
    await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
    await expect(page.getByRole("banner")).toContainText(DEMO.admin.email);
  });

  test("a wrong password shows a plain message and does not sign in", async ({ page }) => {
    await submitPasswordSignIn(page, DEMO.staff.email, "not-the-password");
    // Filtered by text: Next.js keeps a route announcer with the same role on every page.
    await expect(
      page.getByRole("alert").filter({ hasText: "That email and password do not match an account that can sign in with a password." }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("form", { name: "Staff sign-in" }).getByLabel("Password", { exact: true })).toHaveValue("");

    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  });
});

test.describe("sign-in by emailed link", () => {
  test("the link form answers the same for an unknown address and for an account", async ({ page }) => {
    const unknown = uniqueEmail("nobody");
    const forUnknown = await requestSignInLink(page, unknown);
    const forPanelist = await requestSignInLink(page, DEMO.panelist.email);

    expect(forUnknown).toContain(`If ${unknown} belongs to an account, a sign-in link is on its way`);
    expect(forPanelist.replace(DEMO.panelist.email, "<address>")).toBe(forUnknown.replace(unknown, "<address>"));
  });

  test("a panelist signs in by a link from the outbox, and the link works only once", async ({ page, adminPage, browser }) => {
    const seen = await signInMessages(adminPage, DEMO.panelist.email);
    await requestSignInLink(page, DEMO.panelist.email);
    const link = await readNewSignInLink(adminPage, DEMO.panelist.email, seen);
    expect(new URL(link).origin).toBe(new URL(page.url()).origin);

    await page.goto(link);
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
    await expect(page.getByRole("heading", { name: DEMO.panelist.person })).toBeVisible();

    const other = await browser.newContext();
    try {
      const again = await other.newPage();
      await again.goto(link);
      await expect(again).toHaveURL(/\/login\?error=Verification$/);
      await expect(again.getByRole("alert").filter({ hasText: "That sign-in link has expired or was already used" })).toBeVisible();
      await again.goto("/me");
      await expect(again).toHaveURL(/\/login\?next=%2Fme$/);
    } finally {
      await other.close();
    }
  });
});

test.describe("who may go where", () => {
  test("a panelist gets “Page not found” in the staff area", async ({ panelistPage }) => {
    await panelistPage.goto("/me");
    await expect(panelistPage.getByRole("heading", { name: DEMO.panelist.person })).toBeVisible();

    await panelistPage.goto("/admin");
    await expect(panelistPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(panelistPage.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
  });

  for (const path of ["/admin", "/me"]) {
    test(`an anonymous visitor at ${path} is sent to the sign-in page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path)}$`));
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    });
  }
});

test("signing out ends the session", async ({ page, adminPage }) => {
  // An account of its own: signing out ends every session of the account, the shared ones included.
  const account = await addStaffAccount(adminPage);
  await signInWithPassword(page, account.email, account.password);
  const signOut = page.getByRole("banner").getByRole("button", { name: "Sign out" });
  await waitForHydration(signOut);
  await signOut.click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});
