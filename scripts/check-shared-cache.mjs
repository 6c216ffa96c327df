#!/usr/bin/env node
// @ts-check
/**
 * Checks the shared page cache end to end on a production build: two app instances on one PostgreSQL
 * database and one Redis, and a third whose Redis is away.
 *
 *   npm run build && npm run db:migrate && npm run db:seed        (with the same DATABASE_URL)
 *   DATABASE_URL=postgres://… REDIS_URL=redis://127.0.0.1:6379 node scripts/check-shared-cache.mjs [PORT]
 *
 * Instances listen on PORT (default 3170), PORT+1 and PORT+2; NEXT_DIST_DIR names the build to serve.
 * It checks that:
 *   1. a page cached by A is served by B from Redis (B says HIT with A's ETag, without rendering it);
 *   2. after a staff change on A (the admin renames the organization in /admin/settings, in Chromium),
 *      B's next request renders the page with the new name;
 *   3. an instance whose REDIS_URL answers nothing still serves pages, and /api/health says "degraded".
 * The organization's name is put back at the end. Exits non-zero on the first failed check.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { createClient } from "@redis/client";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const base = Number(process.argv[2] ?? 3170);
const { DATABASE_URL, REDIS_URL } = process.env;
if (!DATABASE_URL || !REDIS_URL) {
  console.error("Set DATABASE_URL (PostgreSQL: the instances share it) and REDIS_URL.");
  process.exit(2);
}
const prefix = `symposia-check:${Date.now()}:`;
const ADMIN = { email: "admin@example.org", password: "symposia-demo" };

/** @type {import("node:child_process").ChildProcess[]} */
const servers = [];

/** @param {string} message */
function check(condition, message) {
  if (!condition) throw new Error(`FAILED: ${message}`);
  console.log(`ok - ${message}`);
}

/** A port nothing listens on (taken and let go). */
function closedPort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 1));
    });
  });
}

/**
 * @param {number} port
 * @param {Record<string, string>} env
 */
async function start(port, env) {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "shared-cache-check-secret-0123456789abcdef",
      AUTH_URL: origin,
      REDIS_KEY_PREFIX: prefix,
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  servers.push(child);
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited (${child.exitCode})`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return origin;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server on ${port} did not answer /api/health`);
}

/** @param {string} url */
async function get(url) {
  const response = await fetch(url);
  return { status: response.status, cache: response.headers.get("x-nextjs-cache"), etag: response.headers.get("etag"), body: await response.text() };
}

/**
 * Renames the organization on an instance as the admin would.
 *
 * @param {import("@playwright/test").Browser} browser
 * @param {string} origin
 * @param {string | null} name null: read the current name only
 */
async function organizationName(browser, origin, name) {
  const page = await browser.newPage({ baseURL: origin });
  try {
    await page.goto("/login");
    const signIn = page.getByRole("form", { name: "Staff sign-in" });
    await signIn.getByLabel("Email", { exact: true }).fill(ADMIN.email);
    await signIn.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin$/);
    await page.goto("/admin/settings");
    const form = page.getByRole("form", { name: "Organization settings" });
    const field = form.getByLabel("Organization name");
    const before = await field.inputValue();
    if (name !== null) {
      // The form saves through a Server Action once React has hydrated it.
      const save = form.getByRole("button", { name: "Save settings" });
      for (let i = 0; i < 100 && !(await save.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps")))); i++) {
        await page.waitForTimeout(100);
      }
      await field.fill(name);
      await save.click();
      await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();
    }
    return before;
  } finally {
    await page.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
let restore = /** @type {(() => Promise<unknown>) | null} */ (null);
try {
  const [a, b] = await Promise.all([start(base, {}), start(base + 1, {})]);
  const health = await (await fetch(`${b}/api/health`)).json();
  check(health.cache === "redis" && health.redis === "up" && health.status === "ok", `B's health: ${JSON.stringify(health)}`);

  // 1. Cached by A, served by B.
  await get(`${a}/`);
  const onA = await get(`${a}/`);
  check(onA.status === 200 && onA.cache === "HIT", `A serves / from the cache (x-nextjs-cache: ${onA.cache})`);
  const onB = await get(`${b}/`);
  check(onB.status === 200 && onB.cache === "HIT" && onB.etag === onA.etag, `B serves A's copy of / (x-nextjs-cache: ${onB.cache}, ETag ${onB.etag} = ${onA.etag})`);

  // 2. A staff change on A; B's next request renders afresh.
  const renamed = `Shared Cache Check ${Date.now()}`;
  const original = await organizationName(browser, a, renamed);
  restore = () => organizationName(browser, a, original);
  check(!onB.body.includes(renamed), "the old copy did not show the new name");
  const afterB = await get(`${b}/`);
  check(afterB.status === 200 && afterB.body.includes(renamed), `B's next request shows the new name (x-nextjs-cache: ${afterB.cache})`);
  const afterA = await get(`${a}/`);
  check(afterA.body.includes(renamed), `A shows it too (x-nextjs-cache: ${afterA.cache})`);

  // 3. Redis away: pages still answer, the health check says so.
  const c = await start(base + 2, { REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, REDIS_TIMEOUT_MS: "250" });
  const started = Date.now();
  const away = await get(`${c}/`);
  check(away.status === 200 && away.body.includes(renamed), `C (Redis away) renders / (${Date.now() - started} ms)`);
  const cHealth = await fetch(`${c}/api/health`);
  const cBody = await cHealth.json();
  check(cHealth.status === 200 && cBody.status === "degraded" && cBody.redis === "down", `C's health: ${cHealth.status} ${JSON.stringify(cBody)}`);
} finally {
  if (restore) await restore().catch((error) => console.error("Could not put the organization's name back:", error));
  await browser.close();
  for (const server of servers) server.kill("SIGTERM");
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length) await redis.del(keys);
  await redis.close();
}
console.log("The shared page cache works across instances.");
