import { request as httpRequest } from "node:http";
import { type Page, type Route } from "@playwright/test";
import { addStaffAccount, DEMO, expect, openLoginPage, test, uniqueEmail, waitForHydration } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);

/** The sign-in page's two forms and their fields. */
function loginForms(page: Page) {
  const password = page.getByRole("form", { name: "Staff sign-in" });
  const link = page.getByRole("form", { name: "Email me a sign-in link" });
  return {
    password,
    passwordEmail: password.getByLabel("Email", { exact: true }),
    passwordField: password.getByLabel("Password", { exact: true }),
    link,
    linkEmail: link.getByLabel("Email address"),
  };
}

test.describe("sign-in forms without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a wrong password shows the message and keeps the address, not the password", async ({ page }) => {
    await page.goto("/login");
    const f = loginForms(page);
    await f.passwordEmail.fill(DEMO.staff.email);
    await f.passwordField.fill("not-the-password");
    await f.password.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match" })).toBeVisible();
    await expect(loginForms(page).passwordEmail).toHaveValue(DEMO.staff.email);
    await expect(loginForms(page).passwordField).toHaveValue("");
    expect(await page.content()).not.toContain("not-the-password");
  });

  test("an address that is not one is named beside its field, as typed", async ({ page }) => {
    await page.goto("/login");
    const f = loginForms(page);
    await f.passwordEmail.fill("staff-at-example.org");
    await f.password.getByRole("button", { name: "Sign in" }).click();
    await expect(loginForms(page).passwordEmail).toHaveValue("staff-at-example.org");
    await expect(loginForms(page).password.locator("#sign-in-email-error")).toHaveText("Enter a valid email address, like name@example.org.");
    await expect(loginForms(page).password.locator("#sign-in-password-error")).toHaveText("Enter your password.");
    // The summary at the top links to each field, with no script to help.
    await expect(loginForms(page).password.getByRole("link", { name: "Enter your password." })).toHaveAttribute("href", "#sign-in-password");
  });

  test("the right password signs in and goes on", async ({ page }) => {
    await page.goto("/login?next=%2Fadmin%2Foutbox");
    const f = loginForms(page);
    await f.passwordEmail.fill(DEMO.staff.email);
    await f.passwordField.fill(DEMO.staff.password);
    await f.password.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/outbox$/);
  });

  test("a link request gets the same “check your email” answer", async ({ page }) => {
    await page.goto("/login");
    const email = uniqueEmail("nojs");
    await loginForms(page).linkEmail.fill(email);
    await loginForms(page).link.getByRole("button", { name: "Send link" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Check your email. If ${email} belongs to an account` })).toBeVisible();
  });
});

test("a click before the page's scripts have run is answered, and nothing typed is lost", async ({ page }) => {
  // The page's scripts are held back until the form has been sent: a slow connection, made certain.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const hold = async (route: Route) => {
    await held;
    // The form's answer replaced the page, so the browser may have dropped this request meanwhile.
    await route.continue().catch(() => undefined);
  };
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, hold);
  await page.goto("/login", { waitUntil: "domcontentloaded" });
  const f = loginForms(page);
  await f.passwordEmail.fill(DEMO.admin.email);
  await f.passwordField.fill("wrong-before-hydration");
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
  await f.password.getByRole("button", { name: "Sign in" }).click();
  await answered;
  release();
  await page.unroute(/\/_next\/static\/.*\.js(\?|$)/, hold);

  await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match" })).toBeVisible();
  await expect(loginForms(page).passwordEmail).toHaveValue(DEMO.admin.email);
});

test("a hostile `next` does not lead off the site after signing in", async ({ page }) => {
  await page.goto("/login?next=/%09/evil.example");
  await waitForHydration(loginForms(page).password);
  const f = loginForms(page);
  await f.passwordEmail.fill(DEMO.staff.email);
  await f.passwordField.fill(DEMO.staff.password);
  await f.password.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  expect(new URL(page.url()).origin).toBe(`http://localhost:${port}`);
});

test("a session cookie copied before sign-out is refused after it", async ({ page, browser, adminPage }) => {
  // An account of its own: signing out ends every session of the account, the shared ones included.
  const account = await addStaffAccount(adminPage);
  await openLoginPage(page);
  const f = loginForms(page);
  await f.passwordEmail.fill(account.email);
  await f.passwordField.fill(account.password);
  await f.password.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);

  const signOut = page.getByRole("banner").getByRole("button", { name: "Sign out" });
  await waitForHydration(signOut);
  await signOut.click();
  await expect(page).toHaveURL(/\/$/);

  const other = await browser.newContext();
  try {
    await other.addCookies(copied);
    const thief = await other.newPage();
    await thief.goto("/admin");
    await expect(thief).toHaveURL(/\/login\?next=%2Fadmin$/);
    await expect(thief.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  } finally {
    await other.close();
  }
});

/**
 * A request to the test server from a loopback address of the test's own (127.0.0.0/8 is all
 * loopback on Linux), so that the per-client limits it uses up are nobody else's.
 */
function fromAddress(
  localAddress: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; location: string | undefined; cookies: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, localAddress, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, cookies: res.headers["set-cookie"] ?? [], body: text }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function askForLink(localAddress: string, email: string, forged: Record<string, string>) {
  const csrf = await fromAddress(localAddress, "GET", "/api/auth/csrf");
  const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ email, csrfToken, callbackUrl: "/me" }).toString();
  const res = await fromAddress(
    localAddress,
    "POST",
    "/api/auth/signin/nodemailer",
    { "content-type": "application/x-www-form-urlencoded", cookie, ...forged },
    body,
  );
  return res.location;
}

test("Auth.js's link endpoint answers every address alike and counts the client by its connection", async () => {
  const n = Date.now() % 100;
  const client = `127.0.0.${10 + n}`;
  const neighbour = `127.0.0.${120 + n}`;
  const known = await askForLink(client, DEMO.admin.email, {});
  const unknown = await askForLink(client, uniqueEmail("nobody"), {});
  expect(known).toBe(`http://localhost:${port}/login/check-email`);
  expect(unknown).toBe(known);

  // 28 more from the same connection address, each claiming another address: all count as one client.
  for (let i = 0; i < 28; i++) {
    const forged = { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}`, "x-symposia-client-address": `192.0.2.${i}` };
    expect(await askForLink(client, uniqueEmail(`many-${i}`), forged)).toBe(known);
  }
  expect(await askForLink(client, uniqueEmail("one-too-many"), { "x-forwarded-for": "203.0.113.250" })).toBe(
    `http://localhost:${port}/login?error=RateLimited`,
  );
  // Another client is not held back by it.
  expect(await askForLink(neighbour, uniqueEmail("neighbour"), {})).toBe(known);
});
