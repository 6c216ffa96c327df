// @ts-check
// Plain JavaScript: Next.js loads a cache handler with a plain `import()`, outside its bundles.
/**
 * Next.js's page cache in Redis (`cacheHandler` in next.config.js, only when REDIS_URL is set), so that
 * every app instance serves the same cached pages and a staff change marks them stale everywhere at once.
 *
 * It implements Next.js's incremental cache handler (`get`, `set`, `revalidateTag`,
 * `resetRequestCache`), which holds the route cache (pages and route handlers with `revalidate`) and
 * `unstable_cache` entries. Keys under `REDIS_KEY_PREFIX`:
 *   - `<prefix>entry:<build id>:<key>`: one cached page or value, JSON, expiring with the page's own
 *     `expire` (or a day). The build id keeps one release's pages (their script names) from another's.
 *   - `<prefix>tag:<tag>`: when the tag was last marked (ms since the epoch), kept two days. `updateTag`,
 *     `revalidateTag` and `revalidatePath` (its implicit `_N_T_` tags) write it; every `get` reads the
 *     tags of the entry it found, and an entry stored no later than a mark of one of its tags is a miss,
 *     so the next request renders the page afresh, whichever instance it reaches.
 * Nothing is kept in the process (next.config.js sets `cacheMaxMemorySize: 0`): each request asks Redis.
 *
 * Redis away: each command gives up after REDIS_TIMEOUT_MS (and then Redis is not asked for 5 s), commands
 * are never queued while the client is disconnected (they fail at once), and it reconnects in the background. A failed read is a miss (the
 * page is rendered), a failed write or mark is logged (at most once a minute) and dropped.
 * `/api/health` reports it (`redisCacheStatus`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@redis/client";

/** Longest life of an entry, in seconds: pages with no `expire`, and `unstable_cache` values. */
const ENTRY_MAX_SECONDS = 24 * 60 * 60;
/** A tag's mark outlives every entry it can concern. */
const TAG_SECONDS = 2 * ENTRY_MAX_SECONDS;
/** Next.js's header listing a cached page's tags (NEXT_CACHE_TAGS_HEADER). */
const TAGS_HEADER = "x-next-cache-tags";
const WARN_EVERY_MS = 60_000;
/** How long Redis is left alone after a command it did not answer in time. */
const PAUSE_MS = 5_000;

/**
 * @typedef {{ url: string, prefix: string, timeoutMs: number }} RedisCacheSettings
 * @typedef {ReturnType<typeof connect>} Connection
 */

/**
 * The settings from the environment, or null when REDIS_URL is unset (Next.js's own cache then).
 *
 * @param {Record<string, string | undefined>} env
 * @returns {RedisCacheSettings | null}
 */
export function redisCacheSettings(env = process.env) {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url)) throw new Error(`REDIS_URL must start with redis:// or rediss://; got "${url}".`);
  const timeout = env.REDIS_TIMEOUT_MS?.trim() || "300";
  const timeoutMs = Number(timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new Error(`REDIS_TIMEOUT_MS must be a whole number of milliseconds; got "${timeout}".`);
  return { url, prefix: env.REDIS_KEY_PREFIX?.trim() || "symposia:", timeoutMs };
}

/** @type {Map<string, number>} */
const lastWarned = new Map();
/**
 * Logs a Redis problem, each kind at most once a minute: with Redis away, every request would log it.
 *
 * @param {string} what
 * @param {unknown} error
 */
function warn(what, error) {
  const now = Date.now();
  if (now - (lastWarned.get(what) ?? -Infinity) < WARN_EVERY_MS) return;
  lastWarned.set(what, now);
  console.warn(`[redis-cache] ${what}: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * One client per process (per settings), created on first use and shared through globalThis: Next.js
 * makes a handler per request, and the health check, bundled separately, reaches the same client.
 *
 * @param {RedisCacheSettings} settings
 */
function connect(settings) {
  const client = createClient({
    url: settings.url,
    // Fail at once while disconnected rather than queue requests behind a reconnection.
    disableOfflineQueue: true,
    commandOptions: { timeout: settings.timeoutMs },
    socket: {
      // Requests never wait for a connection beyond the command timeout (`ready`), so this one can be
      // generous: a server busy starting up is not taken for Redis being away.
      connectTimeout: 5000,
      // Back off up to 2 s between attempts, forever: Redis coming back is picked up on its own.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  client.on("error", (error) => warn("Redis unavailable, pages are rendered without the shared cache", error));
  // Resolves on the first connection; requests wait for it only up to the timeout (`ready`).
  const first = client.connect().then(
    () => true,
    (error) => {
      warn("cannot connect", error);
      return false;
    },
  );
  return { client, first, settings, waited: false, pausedUntil: 0 };
}

const CONNECTIONS = Symbol.for("symposia.redis-cache.connections");
/** @returns {Map<string, Connection>} */
function connections() {
  const store = /** @type {Record<symbol, Map<string, Connection> | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (store[CONNECTIONS] ??= new Map());
}

/** @param {RedisCacheSettings} settings */
function connection(settings) {
  const key = `${settings.url}\n${settings.timeoutMs}`;
  let found = connections().get(key);
  if (!found) connections().set(key, (found = connect(settings)));
  return found;
}

/**
 * Whether the client can take a command now: while the first connection is being made, waits for it
 * up to the timeout, once; after that, never waits (with Redis away from the start, requests are
 * rendered at once while it reconnects in the background).
 *
 * @param {Connection} conn
 */
async function ready(conn) {
  if (conn.client.isReady) return Date.now() >= conn.pausedUntil;
  if (conn.waited) return false;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, conn.settings.timeoutMs, false);
  });
  try {
    return Boolean(await Promise.race([conn.first, late])) && conn.client.isReady;
  } finally {
    clearTimeout(timer);
    conn.waited = true;
  }
}

/**
 * A command's answer, or a rejection after the timeout. The client's own `commandOptions.timeout` does
 * not cover a command already sent to a Redis that stopped answering, so the wait is bounded here.
 *
 * @template T
 * @param {Connection} conn
 * @param {Promise<T>} command
 * @returns {Promise<T>}
 */
function inTime(conn, command) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      // Connected but not answering: leave Redis alone for a while rather than make every request wait.
      conn.pausedUntil = Date.now() + PAUSE_MS;
      reject(new Error(`no answer within ${conn.settings.timeoutMs} ms; not asked again for ${PAUSE_MS / 1000} s`));
    }, conn.settings.timeoutMs);
  });
  // A command given up on may still fail later (on a reconnection): nobody waits for it then.
  command.catch(() => {});
  return /** @type {Promise<T>} */ (Promise.race([command, late]).finally(() => clearTimeout(timer)));
}

/**
 * Closes this process's clients (tests; a server simply exits).
 */
export async function closeRedisCache() {
  const all = [...connections().values()];
  connections().clear();
  await Promise.all(all.map(({ client }) => (client.isOpen ? client.close().catch(() => {}) : client.destroy())));
}

/**
 * What /api/health reports: `memory` without REDIS_URL; with it, whether Redis answers a PING in time.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<{ cache: "memory" } | { cache: "redis", redis: "up" | "down" }>}
 */
export async function redisCacheStatus(env = process.env) {
  const settings = redisCacheSettings(env);
  if (!settings) return { cache: "memory" };
  const conn = connection(settings);
  try {
    if (!(await ready(conn))) return { cache: "redis", redis: "down" };
    await inTime(conn, conn.client.ping());
    return { cache: "redis", redis: "up" };
  } catch {
    return { cache: "redis", redis: "down" };
  }
}

// Cache values hold Buffers (RSC payloads, route bodies) and a Map (per-segment payloads): JSON with
// those two spelled out.
const BYTES = "\u0000bytes";
const MAP = "\u0000map";

/**
 * @param {unknown} value
 * @returns {unknown}
 */
function encode(value) {
  if (value instanceof Uint8Array) return { [BYTES]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (value instanceof Map) return { [MAP]: [...value].map(([k, v]) => [k, encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  return value;
}

/**
 * @param {unknown} value
 * @returns {unknown}
 */
function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const record = /** @type {Record<string, unknown>} */ (value);
    if (typeof record[BYTES] === "string") return Buffer.from(record[BYTES], "base64");
    if (Array.isArray(record[MAP])) return new Map(record[MAP].map(([k, v]) => [k, decode(v)]));
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(record)) out[k] = decode(v);
    return out;
  }
  return value;
}

/**
 * The tags an entry answers to: a page's from its tags header, a value's from when it was stored and
 * from the request (`tags`, and `softTags`: the implicit tags of the page being rendered).
 *
 * @param {any} value
 * @param {string[]} storedTags
 * @param {any} ctx
 */
function tagsOf(value, storedTags, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" && header ? header.split(",") : [];
  return [...new Set([...fromHeader, ...storedTags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])];
}

/** @type {Map<string, string>} */
const buildIds = new Map();
/**
 * The build's id (`<distDir>/BUILD_ID`), or "dev" where there is none (development, tests).
 *
 * @param {string | undefined} serverDistDir
 */
function buildIdOf(serverDistDir) {
  if (!serverDistDir) return "dev";
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = readFileSync(join(serverDistDir, "..", "BUILD_ID"), "utf8").trim() || "dev";
    } catch {
      id = "dev";
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

/**
 * Next.js's incremental cache handler on Redis. Next.js makes one per request; they share the client.
 */
export default class RedisCacheHandler {
  /**
   * @param {{ serverDistDir?: string, env?: Record<string, string | undefined> }} [options] Next.js's handler context
   *   (`env` lets tests point a handler elsewhere than REDIS_URL).
   */
  constructor(options = {}) {
    const settings = redisCacheSettings(options.env ?? process.env);
    if (!settings) throw new Error("The Redis cache handler needs REDIS_URL.");
    this.settings = settings;
    this.buildId = buildIdOf(options.serverDistDir);
  }

  /** @param {string} key */
  entryKey(key) {
    return `${this.settings.prefix}entry:${this.buildId}:${key}`;
  }

  /** @param {string} tag */
  tagKey(tag) {
    return `${this.settings.prefix}tag:${tag}`;
  }

  /**
   * The entry, or null (a miss: Next.js renders) when there is none, one of its tags was marked after
   * it was stored, or Redis does not answer in time.
   *
   * @param {string} key
   * @param {any} [ctx]
   */
  async get(key, ctx) {
    const conn = connection(this.settings);
    try {
      if (!(await ready(conn))) return null;
      const raw = await inTime(conn, conn.client.get(this.entryKey(key)));
      if (!raw) return null;
      const stored = /** @type {{ lastModified: number, tags?: string[], value: unknown, cacheControl?: unknown }} */ (JSON.parse(raw));
      const value = /** @type {any} */ (decode(stored.value));
      const tags = tagsOf(value, stored.tags ?? [], ctx);
      if (tags.length > 0) {
        const marks = await inTime(conn, conn.client.mGet(tags.map((tag) => this.tagKey(tag))));
        if (marks.some((mark) => mark !== null && Number(mark) >= stored.lastModified)) return null;
      }
      return { lastModified: stored.lastModified, value, ...(stored.cacheControl ? { cacheControl: stored.cacheControl } : {}) };
    } catch (error) {
      warn("read failed, rendering instead", error);
      return null;
    }
  }

  /**
   * Stores an entry (a null value, for a page that rendered nothing to cache, deletes it).
   *
   * @param {string} key
   * @param {any} data
   * @param {any} [ctx]
   */
  async set(key, data, ctx) {
    const conn = connection(this.settings);
    try {
      if (!(await ready(conn))) return;
      if (!data) {
        await inTime(conn, conn.client.del(this.entryKey(key)));
        return;
      }
      const expire = ctx?.cacheControl?.expire;
      const seconds = typeof expire === "number" && expire > 0 ? Math.min(Math.ceil(expire), ENTRY_MAX_SECONDS) : ENTRY_MAX_SECONDS;
      const stored = {
        lastModified: Date.now(),
        tags: Array.isArray(ctx?.tags) ? ctx.tags : [],
        value: encode(data),
        cacheControl: ctx?.cacheControl,
      };
      await inTime(conn, conn.client.set(this.entryKey(key), JSON.stringify(stored), { EX: seconds }));
    } catch (error) {
      warn("write failed, the page stays uncached", error);
    }
  }

  /**
   * Marks tags: every entry stored until now that carries one is a miss from now on, on every instance.
   * A lifetime profile (`revalidateTag(tag, profile)`) is treated as immediate expiry: the next request
   * renders afresh rather than being served the old copy once more.
   *
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    if (list.length === 0) return;
    const conn = connection(this.settings);
    try {
      if (!(await ready(conn))) throw new Error("not connected");
      const now = String(Date.now());
      const multi = conn.client.multi();
      for (const tag of list) multi.set(this.tagKey(tag), now, { EX: TAG_SECONDS });
      await inTime(conn, multi.exec());
    } catch (error) {
      warn(`cannot mark ${list.join(", ")} stale on the other instances (they catch up by each page's revalidate time)`, error);
    }
  }

  /** Nothing is kept per request. */
  resetRequestCache() {}
}
