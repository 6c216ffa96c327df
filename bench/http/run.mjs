#!/usr/bin/env node
// @ts-check
/**
 * The HTTP benchmark (`npm run bench:http`): the production build under load, measured against bare
 * pages of the same app in the same run. bench/README.md says how to run it and what the figures mean.
 *
 * It builds nothing: it needs `npm run build` first (NEXT_DIST_DIR is honoured). It prepares a fresh
 * database of its own (an embedded one in .data/bench-pglite-<port>, or EMPTIES the PostgreSQL
 * database named by DATABASE_URL), starts `node scripts/server.mjs`, and prints what it measured and
 * a table of targets. The exit code is 1 only for a broken run (an error, a page that failed, a
 * registration lost), never for a missed target.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import {
  REGISTRATION_ACTION_MODULE,
  actionResult,
  checkRush,
  clientAddress,
  findActionId,
  gzipBytes,
  ratio,
  registrant,
  registrationFormFields,
  registrationPost,
  scriptSources,
  table,
} from "./lib.mjs";
import { benchDatabaseStep, sampleRss, startServer } from "./processes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.BENCH_PORT ?? "3300" },
    duration: { type: "string", default: process.env.BENCH_DURATION ?? "10" },
    warmup: { type: "string", default: process.env.BENCH_WARMUP ?? "3" },
    connections: { type: "string", default: process.env.BENCH_CONNECTIONS ?? "50" },
    registrations: { type: "string", default: process.env.BENCH_REGISTRATIONS ?? "1000" },
    capacity: { type: "string", default: process.env.BENCH_CAPACITY ?? "80" },
    json: { type: "string", default: process.env.BENCH_JSON },
  },
  strict: true,
});

/** @param {string} name @param {string | undefined} value @param {number} min */
function whole(name, value, min) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}; got "${value}".`);
  return n;
}

const config = {
  port: whole("port", args.port, 1),
  duration: whole("duration", args.duration, 1),
  warmup: whole("warmup", args.warmup, 0),
  connections: whole("connections", args.connections, 1),
  registrations: whole("registrations", args.registrations, 1),
  capacity: whole("capacity", args.capacity, 1),
  dist: process.env.NEXT_DIST_DIR || ".next",
  databaseUrl: process.env.DATABASE_URL || "",
};
const onPostgres = Boolean(config.databaseUrl);
const base = `http://127.0.0.1:${config.port}`;

const RUSH_SLUG = "bench-registration-rush";
const WARMUP_SLUG = "bench-registration-warm-up";
const EMAIL_DOMAIN = "bench.example";

/** The targets of issue 10, checked in the table at the end; missing one does not fail the run. */
const TARGETS = {
  publicRatio: 0.9,
  publicP99Ms: 50,
  rushRatio: onPostgres ? 0.5 : 0.25,
  rushMinRate: onPostgres ? 100 : 0,
  rushP99Ms: 1000,
  summaryExtraKb: 5,
  eventExtraKb: 27,
  rssMb: 500,
};

/** Problems that make the run itself unsound (exit code 1), as opposed to missed targets. */
const broken = /** @type {string[]} */ ([]);

const log = (/** @type {string} */ line = "") => process.stdout.write(`${line}\n`);
const mb = (/** @type {number} */ bytes) => bytes / 1024 / 1024;
const fixed = (/** @type {number} */ n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

// ---------------------------------------------------------------------------
// The build, the database, the server

function checkBuild() {
  const dist = resolve(root, config.dist);
  if (!existsSync(join(dist, "BUILD_ID"))) {
    throw new Error(
      `No production build in ${config.dist} (no BUILD_ID). The benchmark builds nothing: run \`npm run build\` first` +
        (config.dist === ".next" ? "" : ` with NEXT_DIST_DIR=${config.dist}`) +
        ".",
    );
  }
  if (!existsSync(join(dist, "server/app/yardstick/static.html"))) {
    throw new Error(`The build in ${config.dist} has no yardstick pages (app/(yardstick)): it predates them; build again.`);
  }
  const manifest = JSON.parse(readFileSync(join(dist, "server/server-reference-manifest.json"), "utf8"));
  return { buildId: readFileSync(join(dist, "BUILD_ID"), "utf8").trim(), actionId: findActionId(manifest, REGISTRATION_ACTION_MODULE, "register") };
}

/** The environment of every child: the bench's database, and nothing a .env file could change. */
function databaseEnv() {
  const pgliteDir = `.data/bench-pglite-${config.port}`;
  return onPostgres ? { DATABASE_URL: config.databaseUrl } : { DATABASE_URL: "", PGLITE_DIR: pgliteDir };
}

async function freshDatabase() {
  if (onPostgres) {
    const sql = postgres(config.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe("drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade;");
    } finally {
      await sql.end();
    }
  } else {
    const dir = resolve(root, databaseEnv().PGLITE_DIR ?? "");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(dir), { recursive: true });
  }
}

/** @param {"prepare" | "verify"} command @param {object} options */
function databaseStep(command, options) {
  return benchDatabaseStep(command, options, { cwd: root, env: { ...process.env, ...databaseEnv() } });
}

function serverEnv() {
  // localhost, as AUTH_URL and APP_URL of a real site name it; the load goes to 127.0.0.1 directly.
  const url = `http://localhost:${config.port}`;
  return {
    ...process.env,
    ...databaseEnv(),
    NODE_ENV: "production",
    NEXT_DIST_DIR: config.dist,
    AUTH_SECRET: "symposia-bench-only-secret-not-for-real-use-0123456789",
    AUTH_URL: url,
    APP_URL: url,
    SMTP_URL: "",
    // The bench stands for many people behind one proxy: each request's X-Forwarded-For names its client.
    TRUSTED_PROXY_HOPS: "1",
  };
}

function serverLog() {
  const file = resolve(root, `.data/bench-server-${config.port}.log`);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

// ---------------------------------------------------------------------------
// Load

const BROWSER_HEADERS = { "accept-encoding": "gzip", "user-agent": "symposia-bench-http" };
const BYPASS_PAGE_COPY = { ...BROWSER_HEADERS, "cache-control": "no-cache" };

/**
 * @typedef {{ name: string; path: string; public: boolean; weight: boolean; headers?: Record<string, string> }} Page
 * @typedef {{ rate: number; p50: number; p99: number; sent: number; total: number; non2xx: number; errors: number; timeouts: number }} Load
 */

/** @param {string} summarySlug @returns {Page[]} */
function pages(summarySlug) {
  return [
    // The yardsticks are Next.js's own rates: asked with `Cache-Control: no-cache`, which the server's
    // one-second page copy (lib/page-cache.mjs) leaves to Next.js, as a CDN leaves it to the origin.
    { name: "static yardstick", path: "/yardstick/static", public: false, weight: true, headers: BYPASS_PAGE_COPY },
    { name: "dynamic yardstick", path: "/yardstick/dynamic", public: false, weight: false, headers: BYPASS_PAGE_COPY },
    { name: "summary", path: `/events/${summarySlug}/summary`, public: true, weight: true },
    { name: "event (open)", path: "/events/wps-innovation-5-geneva", public: true, weight: true },
    { name: "home", path: "/", public: true, weight: true },
    { name: "topic", path: "/topics/womens-empowerment-and-gender-equality", public: true, weight: true },
    { name: "series", path: "/series/wps-innovation", public: true, weight: true },
    { name: "feed.xml", path: "/feed.xml", public: true, weight: false },
    // For comparison: the static yardstick as a visitor's request gets it, from the page copy.
    { name: "static, page copy", path: "/yardstick/static", public: false, weight: false },
  ];
}

/**
 * @param {Record<string, unknown>} options autocannon's
 * @returns {Promise<Load>}
 */
async function load(options) {
  const r = await autocannon({ connections: config.connections, headers: BROWSER_HEADERS, timeout: 30, ...options });
  const answered = r.requests.total > 0;
  return {
    rate: r.requests.total / r.duration,
    // No answer within the window: no latency to speak of (and no target met).
    p50: answered ? r.latency.p50 : Number.NaN,
    p99: answered ? r.latency.p99 : Number.NaN,
    sent: r.requests.sent,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

const settle = (ms = 1000) => new Promise((r) => setTimeout(r, ms));

/**
 * Each page once, one after another, before any load: the server loads each route's code on its first
 * request, and that first time belongs to the cold start, not to the rates.
 *
 * @param {Page[]} list
 */
async function prime(list) {
  for (const page of list) {
    const res = await fetch(base + page.path, { headers: BROWSER_HEADERS });
    await res.arrayBuffer();
    if (!res.ok) broken.push(`${page.name} (${page.path}) answered ${res.status}.`);
  }
}

/** @param {Page} page */
async function loadPage(page) {
  if (config.warmup > 0) {
    await load({ url: base + page.path, duration: config.warmup, ...(page.headers ? { headers: page.headers } : {}) });
    // Requests the warm-up left in flight finish before the measured seconds start.
    await settle();
  }
  const result = await load({ url: base + page.path, duration: config.duration, ...(page.headers ? { headers: page.headers } : {}) });
  if (result.total === 0) broken.push(`${page.name} (${page.path}): no answer within ${config.duration} s.`);
  if (result.non2xx > 0 || result.errors > 0) {
    broken.push(`${page.name} (${page.path}): ${result.non2xx} answers not 2xx and ${result.errors} errors of ${result.total}.`);
  }
  await settle();
  return result;
}

// ---------------------------------------------------------------------------
// Script weight

/** @param {Page} page */
async function scriptWeight(page) {
  const res = await fetch(base + page.path);
  const html = await res.text();
  const sources = scriptSources(html);
  let bytes = 0;
  for (const src of sources) {
    const script = await fetch(new URL(src, base));
    if (!script.ok) broken.push(`${page.name}: its script ${src} answered ${script.status}.`);
    bytes += gzipBytes(new Uint8Array(await script.arrayBuffer()));
  }
  return { count: sources.length, kb: bytes / 1024 };
}

// ---------------------------------------------------------------------------
// Registration through the Server Action

/**
 * The requests a browser's script sends for each person registering for `slug`: the form's fields as
 * the page serves them, filled in, encoded as React encodes a form action's arguments, posted to the
 * page with the action's id. Each request is another person: another email and another address.
 *
 * @param {{ slug: string; actionId: string; first: number; prefix: string }} options
 */
async function registrationRequests({ slug, actionId, first, prefix }) {
  const fields = registrationFormFields(await (await fetch(`${base}/events/${slug}`)).text(), actionId);
  let next = first;
  return {
    method: "POST",
    path: `/events/${slug}`,
    /** @param {Record<string, unknown>} request */
    setupRequest(request) {
      const i = next++;
      const typed = registrant(i, { prefix, domain: EMAIL_DOMAIN, idempotencyKey: randomUUID() });
      const post = registrationPost({ origin: base, slug, actionId, fields, typed, boundary: `----SymposiaBench${i}` });
      return {
        ...request,
        body: post.body,
        headers: {
          ...BROWSER_HEADERS,
          ...post.headers,
          // autocannon hands answers over as text, so the bench asks for them uncompressed to read them.
          "accept-encoding": "identity",
          "x-forwarded-for": clientAddress(i),
        },
      };
    },
  };
}

/**
 * Registers `count` people for `slug`, `connections` at a time, and sorts the answers.
 *
 * @param {{ slug: string; actionId: string; count: number; connections: number; first: number; prefix: string }} options
 */
async function registrationRush({ slug, actionId, count, connections, first, prefix }) {
  const request = await registrationRequests({ slug, actionId, first, prefix });
  /** @type {Record<string, number>} */
  const answers = {};
  /** @type {string[]} */
  const done = [];
  /** @type {string[]} */
  const samples = [];
  const onResponse = (/** @type {number} */ status, /** @type {string} */ body) => {
    const result = /** @type {{ status?: string; sentTo?: string; message?: string } | undefined} */ (status === 200 ? actionResult(body ?? "") : undefined);
    const key = result?.status ? `${status} ${result.status}` : `${status} no result`;
    answers[key] = (answers[key] ?? 0) + 1;
    if (result?.status === "done" && result.sentTo) done.push(result.sentTo.toLowerCase());
    else if (samples.length < 3) samples.push(`${key}: ${result?.message ?? (body ?? "").slice(0, 200)}`);
  };
  // A slow answer is waited for: a client that gave up could not tell whether it registered.
  const result = await load({ url: base, connections, amount: count, timeout: 300, requests: [{ ...request, onResponse }] });
  return { ...result, answers, done, samples };
}

// ---------------------------------------------------------------------------
// The run

async function main() {
  const { buildId, actionId } = checkBuild();
  log(`Symposia HTTP benchmark · build ${buildId} in ${config.dist} · ${onPostgres ? "PostgreSQL (DATABASE_URL, emptied)" : `PGlite (${databaseEnv().PGLITE_DIR})`}`);
  log(`Load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores (figures drop when other work shares the machine)`);
  log(`${config.connections} connections · ${config.duration} s per page after ${config.warmup} s of warm-up · ${config.registrations} registrations for ${config.capacity} seats`);
  log(`Registration action ${actionId} (register in ${REGISTRATION_ACTION_MODULE}, from server-reference-manifest.json)`);
  log();

  await freshDatabase();
  const prepared = await databaseStep("prepare", { rushSlug: RUSH_SLUG, warmupSlug: WARMUP_SLUG, capacity: config.capacity });
  const logFile = serverLog();
  log(`Database prepared: demo, a published summary, events "${RUSH_SLUG}" (${config.capacity} seats) and "${WARMUP_SLUG}". Server log: ${logFile}`);

  // --- Warm server: pages, script weight, registration rush
  let server = await startServer({ cwd: root, env: serverEnv(), port: config.port, logFile });
  let rss = sampleRss(server.pid);
  const startRss = await rss.now();
  /** @type {Map<string, Load>} */
  const results = new Map();
  /** @type {Map<string, { count: number; kb: number }>} */
  const weights = new Map();
  let rush;
  let afterRss = 0;
  let peakRss = 0;
  try {
    await prime(pages(prepared.summaryEvent));
    // The static yardstick is measured first and again last: the ratios use the mean of both, so that
    // a machine that got busier or quieter meanwhile tilts the pages less.
    const list = pages(prepared.summaryEvent);
    for (const page of [...list, { ...list[0], name: "static (again)" }]) {
      const r = await loadPage(/** @type {Page} */ (page));
      results.set(page.name, r);
      log(`${page.name.padEnd(18)} ${fixed(r.rate, 0).padStart(6)} req/s  p50 ${fixed(r.p50, 0).padStart(4)} ms  p99 ${fixed(r.p99, 0).padStart(4)} ms  ${r.non2xx} not 2xx  ${r.errors} errors`);
    }
    for (const page of pages(prepared.summaryEvent).filter((p) => p.weight)) weights.set(page.name, await scriptWeight(page));

    // The action's first calls compile and warm its path; they go to another event, so that the rush
    // starts on an empty one.
    const warm = await registrationRush({ slug: WARMUP_SLUG, actionId, count: 20, connections: 10, first: 0, prefix: "warm-up-" });
    if (warm.done.length !== 20) throw new Error(`The warm-up registrations did not go through: ${JSON.stringify(warm.answers)} ${warm.samples.join(" | ")}`);

    rush = await registrationRush({ slug: RUSH_SLUG, actionId, count: config.registrations, connections: config.connections, first: 0, prefix: "person-" });
    log(
      `registration rush  ${fixed(rush.rate, 0).padStart(6)} reg/s  p50 ${fixed(rush.p50, 0).padStart(4)} ms  p99 ${fixed(rush.p99, 0).padStart(4)} ms  answers ${JSON.stringify(rush.answers)}`,
    );
    if (rush.samples.length) log(`  answers other than "done": ${rush.samples.join(" | ")}`);
    await settle(2000);
    afterRss = await rss.now();
    peakRss = rss.peak;
  } finally {
    rss.stop();
    await server.stop();
  }

  // --- What the rush left in the database (read with the server stopped: PGlite has one owner)
  const found = await databaseStep("verify", { rushSlug: RUSH_SLUG, emailDomain: EMAIL_DOMAIN });
  const check = checkRush(rush, found, { domain: EMAIL_DOMAIN, everyAnswer: true });
  broken.push(...check.problems.map((p) => `registration rush: ${p}.`));

  // --- Cold start: a fresh server process hit by every connection at once
  server = await startServer({ cwd: root, env: serverEnv(), port: config.port, logFile });
  rss = sampleRss(server.pid);
  let cold;
  let coldAfterRss = 0;
  let coldPeakRss = 0;
  try {
    // Every connection asks for each public page once, all at once from the first moment.
    const coldPages = pages(prepared.summaryEvent).filter((p) => p.public);
    cold = await load({
      url: base,
      amount: config.connections * coldPages.length,
      timeout: 300,
      requests: coldPages.map((p) => ({ method: "GET", path: p.path })),
    });
    if (cold.total < cold.sent || cold.non2xx > 0 || cold.errors > 0) {
      broken.push(`cold start: ${cold.total} answers to ${cold.sent} requests, ${cold.non2xx} not 2xx, ${cold.errors} errors.`);
    }
    await settle(2000);
    coldAfterRss = await rss.now();
    coldPeakRss = rss.peak;
  } finally {
    rss.stop();
    await server.stop();
  }
  log(`cold start         ${fixed(cold.rate, 0).padStart(6)} req/s  p50 ${fixed(cold.p50, 0).padStart(4)} ms  p99 ${fixed(cold.p99, 0).padStart(4)} ms  (each connection each public page once, from the first moment; listening after ${fixed(server.startedInMs / 1000, 1)} s)`);

  // --- Report
  const staticRate = ((results.get("static yardstick")?.rate ?? Number.NaN) + (results.get("static (again)")?.rate ?? Number.NaN)) / 2;
  const dynamicRate = results.get("dynamic yardstick")?.rate ?? Number.NaN;
  log();
  log(`Pages (rate = answers per second over the measured seconds; × static = rate / ${fixed(staticRate, 0)}, the static yardstick's mean of first and last)`);
  log(
    table(
      ["page", "req/s", "p50 ms", "p99 ms", "not 2xx", "× static"],
      [...results].map(([name, r]) => [name, fixed(r.rate, 0), fixed(r.p50, 0), fixed(r.p99, 0), r.non2xx, fixed(ratio(r.rate, staticRate), 2)]),
    ),
  );
  const staticWeight = weights.get("static yardstick") ?? { count: 0, kb: 0 };
  log();
  log("Script weight (every <script src> of the page, each gzipped; extra = over the static yardstick)");
  log(table(["page", "scripts", "KB gz", "extra KB gz"], [...weights].map(([name, w]) => [name, w.count, fixed(w.kb), fixed(w.kb - staticWeight.kb)])));
  log();
  log("Registration rush");
  log(
    table(
      ["figure", "value"],
      [
        ["registrations sent / answered", `${rush.sent} / ${rush.total}`],
        ["errors / timeouts", `${rush.errors} / ${rush.timeouts}`],
        ["rate (answers/s)", fixed(rush.rate, 0)],
        ["× dynamic yardstick", fixed(ratio(rush.rate, dynamicRate), 2)],
        ["p50 / p99 ms", `${fixed(rush.p50, 0)} / ${fixed(rush.p99, 0)}`],
        ["answers", Object.entries(rush.answers).map(([k, v]) => `${k}: ${v}`).join(", ")],
        ["confirmed / capacity", `${check.confirmed} / ${found.capacity}`],
        ["waitlisted", check.waitlisted],
        ["rows for the rush", check.rows],
        ["\"done\" answers without a row", check.missingRows],
        ["registrations without exactly one email", check.badEmails],
      ],
    ),
  );
  log();
  log("Server memory (RSS of the server's process tree)");
  log(
    table(
      ["moment", "MB"],
      [
        ["after start-up", fixed(mb(startRss), 0)],
        ["peak during pages and rush", fixed(mb(peakRss), 0)],
        ["after the benchmark", fixed(mb(afterRss), 0)],
        ["cold start: peak", fixed(mb(coldPeakRss), 0)],
        ["cold start: after", fixed(mb(coldAfterRss), 0)],
      ],
    ),
  );

  /** @type {Array<[string, string, string, boolean]>} */
  const targets = [];
  for (const page of pages(prepared.summaryEvent).filter((p) => p.public)) {
    const r = /** @type {Load} */ (results.get(page.name));
    const x = ratio(r.rate, staticRate);
    targets.push([`${page.name}: rate ≥ ${TARGETS.publicRatio}× static`, `${fixed(x, 2)}×`, `${TARGETS.publicRatio}×`, x >= TARGETS.publicRatio]);
    targets.push([`${page.name}: p99 ≤ ${TARGETS.publicP99Ms} ms`, `${fixed(r.p99, 0)} ms`, `${TARGETS.publicP99Ms} ms`, r.p99 <= TARGETS.publicP99Ms]);
  }
  const rushX = ratio(rush.rate, dynamicRate);
  targets.push([`rush: rate ≥ ${TARGETS.rushRatio}× dynamic`, `${fixed(rushX, 2)}×`, `${TARGETS.rushRatio}×`, rushX >= TARGETS.rushRatio]);
  if (TARGETS.rushMinRate) targets.push([`rush: ≥ ${TARGETS.rushMinRate}/s`, `${fixed(rush.rate, 0)}/s`, `${TARGETS.rushMinRate}/s`, rush.rate >= TARGETS.rushMinRate]);
  targets.push([`rush: p99 ≤ ${TARGETS.rushP99Ms} ms`, `${fixed(rush.p99, 0)} ms`, `${TARGETS.rushP99Ms} ms`, rush.p99 <= TARGETS.rushP99Ms]);
  targets.push(["rush: capacity confirmed, every answer a row and one email", check.ok ? "yes" : "no", "yes", check.ok]);
  const extra = (/** @type {string} */ name) => (weights.get(name)?.kb ?? Number.NaN) - staticWeight.kb;
  targets.push([`summary: scripts ≤ static + ${TARGETS.summaryExtraKb} KB gz`, `+${fixed(extra("summary"))} KB`, `+${TARGETS.summaryExtraKb} KB`, extra("summary") <= TARGETS.summaryExtraKb]);
  targets.push([`event: scripts ≤ static + ${TARGETS.eventExtraKb} KB gz`, `+${fixed(extra("event (open)"))} KB`, `+${TARGETS.eventExtraKb} KB`, extra("event (open)") <= TARGETS.eventExtraKb]);
  targets.push([`RSS after the benchmark ≤ ${TARGETS.rssMb} MB`, `${fixed(mb(afterRss), 0)} MB`, `${TARGETS.rssMb} MB`, mb(afterRss) <= TARGETS.rssMb]);
  targets.push([`RSS peak ≤ ${TARGETS.rssMb} MB`, `${fixed(mb(peakRss), 0)} MB`, `${TARGETS.rssMb} MB`, mb(peakRss) <= TARGETS.rssMb]);
  targets.push([`cold start: RSS peak ≤ ${TARGETS.rssMb} MB`, `${fixed(mb(coldPeakRss), 0)} MB`, `${TARGETS.rssMb} MB`, mb(coldPeakRss) <= TARGETS.rssMb]);
  log();
  log(`Targets (issue 10) on ${onPostgres ? "PostgreSQL" : "PGlite"}`);
  log(table(["target", "measured", "goal", "result"], targets.map(([t, m, g, ok]) => [t, m, g, ok ? "PASS" : "FAIL"])));
  log(`${targets.filter((t) => t[3]).length} of ${targets.length} targets met. Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(" ")}.`);

  if (args.json) {
    const report = {
      database: onPostgres ? "postgresql" : "pglite",
      config: { ...config, databaseUrl: undefined },
      pages: Object.fromEntries(results),
      weights: Object.fromEntries(weights),
      rush: { ...rush, done: undefined, check },
      cold,
      rssMb: { start: mb(startRss), peak: mb(peakRss), after: mb(afterRss), coldPeak: mb(coldPeakRss), coldAfter: mb(coldAfterRss) },
      targets: targets.map(([target, measured, goal, pass]) => ({ target, measured, goal, pass })),
      broken,
    };
    writeFileSync(resolve(root, args.json), `${JSON.stringify(report, null, 2)}\n`);
  }
}

main()
  .catch((error) => {
    broken.push(error instanceof Error ? error.message : String(error));
  })
  .finally(() => {
    if (broken.length) {
      log();
      log("BROKEN RUN:");
      for (const b of broken) log(`  - ${b}`);
      process.exitCode = 1;
    }
  });
