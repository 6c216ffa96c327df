import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../../playwright.config";

/**
 * Two production instances on one PostgreSQL database, Redis, s3rver and an SMTP server, behind nginx
 * (global-setup.ts starts them all): `npm run test:scale-out`. Needs DATABASE_URL (a scratch database:
 * it is emptied), Redis (REDIS_URL, default redis://127.0.0.1:6379), nginx, and a production build
 * (`npm run build`, NEXT_DIST_DIR honoured); it builds nothing.
 *
 *   SCALE_OUT_PORT, SCALE_OUT_PORT_A, SCALE_OUT_PORT_B   ports of nginx and the instances (default: free ones)
 */
export default defineConfig({
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  outputDir: `../../test-results/scale-out-${process.env.SCALE_OUT_PORT ?? "any"}`,
  globalSetup: "./global-setup.ts",
  // The tests share one site and stop one of its instances: one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
});
