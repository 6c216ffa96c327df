// Saves PNG screenshots of the main pages of a running Symposia at three widths, so that reviewers
// see what users see. It builds and starts nothing: point it at a server that has the demo data.
//
//   npm run screenshots                          # http://localhost:3000
//   npm run screenshots -- http://localhost:3106
//
// Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own. Output: screenshots/<page>-<width>.png
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";

const BASE = (process.argv[2] ?? process.env.SCREENSHOTS_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const OUT = join(process.cwd(), "screenshots");
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;
const STAFF = { email: process.env.SCREENSHOTS_EMAIL ?? "staff@example.org", password: process.env.SCREENSHOTS_PASSWORD ?? "symposia-demo" };
// Only an admin may read sign-in links in the outbox, which is how the demo panelist signs in.
const ADMIN = { email: "admin@example.org", password: STAFF.password };
const DEMO = {
  event: "/events/wps-innovation-5-geneva",
  summary: "/events/wps-innovation-4-from-the-united-nations/summary",
  topic: "/topics/womens-empowerment-and-gender-equality",
  heldEvent: "From the United Nations",
};

type Shot = { name: string; path: string };
const saved: string[] = [];
const skipped: string[] = [];

function executablePath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

async function signIn(context: BrowserContext, account: { email: string; password: string }): Promise<boolean> {
  const page = await context.newPage();
  try {
    await page.goto(`${BASE}/login`);
    const form = page.getByRole("form", { name: "Staff sign-in" });
    await form.getByLabel("Email", { exact: true }).fill(account.email);
    await form.getByLabel("Password", { exact: true }).fill(account.password);
    await form.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin(\/|$|\?)/, { timeout: 15_000 });
    return true;
  } catch {
    return false;
  } finally {
    await page.close();
  }
}

/** The panelist, signed in by the link the outbox holds (only while no mail server is set). */
async function signInPanelist(browser: Browser): Promise<BrowserContext | null> {
  const admin = await browser.newContext();
  const panelist = await browser.newContext();
  try {
    if (!(await signIn(admin, ADMIN))) return null;
    const page = await panelist.newPage();
    await page.goto(`${BASE}/login`);
    const form = page.getByRole("form", { name: "Email me a sign-in link" });
    await form.getByLabel("Email address").fill("panelist@example.org");
    await form.getByRole("button", { name: "Send link" }).click();
    await page.getByRole("status").filter({ hasText: "Check your email." }).waitFor({ timeout: 15_000 });
    const outbox = await admin.newPage();
    await outbox.goto(`${BASE}/admin/outbox?to=panelist%40example.org`);
    await outbox.getByRole("link", { name: /^Your sign-in link for / }).first().click();
    const link = await outbox.getByRole("region", { name: "Links in this message" }).getByRole("link").first().getAttribute("href", { timeout: 10_000 });
    if (!link) return null;
    await page.goto(link);
    await page.waitForURL(/\/me$/, { timeout: 15_000 });
    return panelist;
  } catch {
    await panelist.close();
    return null;
  } finally {
    await admin.close();
  }
}

/** The staff address of the demo's held meeting, found through the events list. */
async function heldEventPath(context: BrowserContext): Promise<string | null> {
  const page = await context.newPage();
  try {
    await page.goto(`${BASE}/admin/events?q=${encodeURIComponent(DEMO.heldEvent)}`);
    const href = await page.getByRole("link", { name: DEMO.heldEvent }).first().getAttribute("href", { timeout: 10_000 });
    return href;
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

async function capture(context: BrowserContext, shots: Shot[]): Promise<void> {
  const page: Page = await context.newPage();
  for (const shot of shots) {
    const response = await page.goto(`${BASE}${shot.path}`, { waitUntil: "networkidle" }).catch(() => null);
    if (!response || response.status() >= 400) {
      skipped.push(`${shot.name} (${shot.path}: ${response ? `HTTP ${response.status()}` : "no answer"})`);
      continue;
    }
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      // A resize can load other images (responsive layouts); wait for them before the picture.
      await page.waitForLoadState("networkidle");
      const file = join(OUT, `${shot.name}-${size.width}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
      saved.push(file);
    }
  }
  await page.close();
}

async function main(): Promise<void> {
  try {
    const health = await fetch(`${BASE}/api/health`);
    if (!health.ok) throw new Error(`answered ${health.status}`);
  } catch (error) {
    throw new Error(`No Symposia server answers at ${BASE} (${(error as Error).message}). Start one (npm run build && npm start), or pass its address: npm run screenshots -- http://host:port`);
  }
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: executablePath(), args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const visitor = await browser.newContext();
    await capture(visitor, [
      { name: "home", path: "/" },
      { name: "event", path: DEMO.event },
      { name: "summary", path: DEMO.summary },
      { name: "topic", path: DEMO.topic },
      { name: "login", path: "/login" },
    ]);
    await visitor.close();

    const staff = await browser.newContext();
    if (await signIn(staff, STAFF)) {
      const event = await heldEventPath(staff);
      const shots: Shot[] = [{ name: "admin-dashboard", path: "/admin" }];
      if (event) {
        shots.push(
          { name: "admin-event-details", path: event },
          { name: "admin-event-registrations", path: `${event}/registrations` },
          { name: "admin-event-check-in", path: `${event}/check-in` },
          { name: "admin-event-summary", path: `${event}/summary` },
        );
      } else skipped.push(`the event's tabs (no "${DEMO.heldEvent}" in the events list)`);
      shots.push({ name: "admin-approvals", path: "/admin/approvals" });
      await capture(staff, shots);
    } else skipped.push(`the staff pages (could not sign in as ${STAFF.email})`);
    await staff.close();

    const panelist = await signInPanelist(browser);
    if (panelist) {
      await capture(panelist, [{ name: "me", path: "/me" }]);
      await panelist.close();
    } else skipped.push("/me (the panelist signs in by an emailed link, readable in the outbox only while no mail server is set)");
  } finally {
    await browser.close();
  }
  console.log(`Saved ${saved.length} screenshots in ${OUT}.`);
  for (const s of skipped) console.log(`Skipped: ${s}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
