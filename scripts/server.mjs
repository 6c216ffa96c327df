#!/usr/bin/env node
// @ts-check
/**
 * Symposia's HTTP server: Next.js behind a thin Node server that works out who the client is.
 *
 * Next.js passes a client's X-Forwarded-For through untouched and gives route handlers and Server
 * Actions no other view of the connection, so a client could name any address it liked and every
 * rate limit would count nothing. Here the address comes from the socket (or, with TRUSTED_PROXY_HOPS
 * set, from the entry the outermost trusted proxy wrote) and reaches the app in a header that no
 * client can set: any copy a client sends is removed first.
 *
 *   node scripts/server.mjs [--dev] [-p PORT] [-H HOSTNAME]     (npm start, npm run dev)
 *
 * The port and hostname follow `next start`: -p/-H, else PORT/HOSTNAME, else 3000 on every interface.
 */
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { applyClientAddress, parseTrustedHops } from "../lib/client-address.mjs";
import { createCompression, parseCacheMegabytes } from "../lib/compression.mjs";
import { createPageCache, parsePageCacheMs } from "../lib/page-cache.mjs";
import { redisCacheSettings } from "../lib/redis-cache.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    turbopack: { type: "boolean" },
    webpack: { type: "boolean" },
  },
  allowPositionals: false,
  strict: true,
});
const dev = Boolean(values.dev);
process.env.NODE_ENV ??= dev ? "development" : "production";

/** @param {string} message */
function fail(message) {
  console.error(`[symposia] Cannot start: ${message}`);
  process.exit(1);
}

const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`the port must be a number from 0 to 65535; got "${values.port ?? process.env.PORT}".`);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
// The app's own address in development when neither APP_URL nor AUTH_URL says otherwise (lib/env.ts).
process.env.PORT = String(port);

/** Proxies in front of the app whose X-Forwarded-For entries count (TRUSTED_PROXY_HOPS). */
let hops = 0;
/**
 * Compresses responses here rather than in Next.js (`compress: false`): a response with an ETag (a
 * cached page, a static file) is compressed once per version and kept (lib/compression.mjs).
 * @type {ReturnType<typeof createCompression>["compress"]}
 */
let compress = () => {};
/**
 * Serves a public page again for a second after Next.js served it (lib/page-cache.mjs); any write
 * empties it.
 * @type {ReturnType<typeof createPageCache>["serve"]}
 */
let fromPageCache = () => false;

const { default: next } = await import("next");
const server = createServer((req, res) => {
  applyClientAddress(req, hops);
  if (fromPageCache(req, res)) return;
  compress(req, res);
  handle(req, res).catch((error) => {
    console.error("[symposia] Request failed:", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Idle connections stay open longer than a client or proxy keeps them (Node's default is 5 s): a
// client that reuses a connection at the moment the server closes it gets a reset instead of an answer.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// httpServer lets the development server attach its hot-reload socket to this server.
const app = next({
  dev,
  dir: root,
  hostname: hostname ?? "localhost",
  port,
  httpServer: server,
  ...(values.webpack ? { webpack: true } : {}),
  ...(values.turbopack ? { turbopack: true } : {}),
});
const handle = app.getRequestHandler();
await app.prepare();

// Read after prepare(), which has loaded the .env files, and before the first request.
try {
  hops = parseTrustedHops(process.env.TRUSTED_PROXY_HOPS);
  compress = createCompression({ cacheBytes: parseCacheMegabytes(process.env.COMPRESSION_CACHE_MB) * 1024 * 1024 }).compress;
  // Not in development, where every request must show the code as it now is.
  if (!dev) fromPageCache = createPageCache({ ttlMs: parsePageCacheMs(process.env.PAGE_CACHE_MS, Boolean(process.env.REDIS_URL)) }).serve;
  // Next.js would otherwise fail on every request that reads its cache.
  redisCacheSettings(process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

server.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  console.log(
    `[symposia] ${dev ? "Development" : "Production"} server at http://${shown}:${port}` +
      (hops ? ` (client addresses from ${hops} trusted proxy hop${hops === 1 ? "" : "s"})` : ""),
  );
});

let stopping = false;
/** @param {string} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[symposia] ${signal}: stopping.`);
  // Requests in flight finish; a connection left open does not hold the process for long.
  setTimeout(() => process.exit(0), 5_000).unref();
  server.close();
  server.closeIdleConnections();
  try {
    await app.close();
  } finally {
    process.exit(0);
  }
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));
