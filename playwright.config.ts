import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * The journeys whose outcome depends on the database's own behaviour: row locks and capacity
 * (registration, approving registrations, check-in, approval conflicts, admin changes), keyset paging and
 * full-text search. CI runs them on PostgreSQL, the database of an announcement day (.ci/run).
 */
const DATABASE_JOURNEYS = [
  "registration.spec.ts",
  "registration-without-script.spec.ts",
  "registration-pages.spec.ts",
  "registration-approval.spec.ts",
  "check-in.spec.ts",
  "approval-conflict.spec.ts",
  "admin-users.spec.ts",
  "search.spec.ts",
];
// The server listens on 127.0.0.1, but pages are opened as localhost: Next.js gives route handlers
// (Auth.js's callbacks among them) every loopback request as http://localhost:<port>, and sign-in
// redirects check that origin against the page's.
const baseURL = `http://localhost:${port}`;

/**
 * The browser to drive: CHROMIUM_PATH, else the system's Chromium, else Playwright's own download.
 * `undefined` lets Playwright pick its own build.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable, or run `npx playwright install chromium`.",
  );
}

/** Chromium's switches for a test machine: no sandbox (containers), no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  // The scale-out tests start a site of their own (e2e/scale-out/playwright.config.ts, npm run test:scale-out).
  // With E2E_DATABASE_JOURNEYS=elsewhere, the journeys .ci/run runs on PostgreSQL (DATABASE_JOURNEYS) are left out.
  testIgnore: ["**/scale-out/**", ...(process.env.E2E_DATABASE_JOURNEYS === "elsewhere" ? DATABASE_JOURNEYS.map((file) => `**/${file}`) : [])],
  // Per port, so that test runs against different servers at once keep their results (and the
  // signed-in sessions the setup project saves there) apart.
  outputDir: `test-results/port-${process.env.E2E_PORT ?? "3100"}`,
  // One worker: the embedded database serves one process and the machines have two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    // In CI a trace is recorded only when a failed journey runs again: recording every journey's cost minutes.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [
    // Signs each demo role in once and saves the session, so the journeys stay under the sign-in rate limits.
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    command: "bash scripts/e2e-server.sh",
    url: `http://127.0.0.1:${port}/api/health`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
