import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { createClient } from "@redis/client";
import { afterAll, describe, expect, it } from "vitest";
import RedisCacheHandler, { closeRedisCache, redisCacheSettings, redisCacheStatus } from "@/lib/redis-cache.mjs";

// The handler against a real Redis: REDIS_TEST_URL, else the local one. Every key of this run is under
// its own prefix, removed at the end.
const url = process.env.REDIS_TEST_URL || "redis://127.0.0.1:6379";
const prefix = `symposia-test:redis-cache:${process.pid}-${Date.now()}:`;
const env = { REDIS_URL: url, REDIS_KEY_PREFIX: prefix, REDIS_TIMEOUT_MS: "300" };

async function redisAnswers(): Promise<boolean> {
  const probe = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    await probe.close();
    return true;
  } catch {
    probe.destroy();
    return false;
  }
}
const available = await redisAnswers();
if (!available) console.warn(`[redis-cache.test] No Redis answers at ${url} (REDIS_TEST_URL): the Redis cache tests are skipped.`);

const moduleUrl = new URL(`file://${resolve("lib/redis-cache.mjs")}`).href;
const run = promisify(execFile);

/**
 * Runs one handler call in a separate Node process (another app instance, with its own client), and
 * returns what it returned.
 */
async function inOtherProcess(call: "get" | "revalidateTag", ...args: unknown[]): Promise<unknown> {
  const script = `
    const { default: Handler, closeRedisCache } = await import(${JSON.stringify(moduleUrl)});
    const handler = new Handler({});
    const result = await handler[${JSON.stringify(call)}](...${JSON.stringify(args)});
    await closeRedisCache();
    process.stdout.write(JSON.stringify(result ?? null));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, ...env },
    timeout: 20_000,
  });
  return JSON.parse(stdout);
}

/** A cached page as Next.js hands it over: HTML, an RSC payload, per-segment payloads, its tags. */
function appPage(html: string, tags: string[]) {
  return {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(`rsc:${html}`),
    status: 200,
    postponed: undefined,
    headers: { "x-next-cache-tags": tags.join(","), "content-type": "text/html" },
    segmentData: new Map([["/_tree", Buffer.from([0, 1, 2, 255])]]),
  };
}
const cacheControl = { revalidate: 60, expire: 300 };

function handler(extra: Record<string, string> = {}, serverDistDir?: string) {
  return new RedisCacheHandler({ env: { ...env, ...extra }, serverDistDir });
}

afterAll(async () => {
  if (available) {
    const cleaner = createClient({ url });
    await cleaner.connect();
    for await (const keys of cleaner.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length) await cleaner.del(keys);
    await cleaner.close();
  }
  await closeRedisCache();
});

describe("settings", () => {
  it("is off without REDIS_URL, and refuses a malformed one or timeout", () => {
    expect(redisCacheSettings({})).toBeNull();
    expect(redisCacheSettings({ REDIS_URL: " " })).toBeNull();
    expect(redisCacheSettings({ REDIS_URL: "redis://r:6379" })).toEqual({ url: "redis://r:6379", prefix: "symposia:", timeoutMs: 300 });
    expect(() => redisCacheSettings({ REDIS_URL: "r:6379" })).toThrow(/REDIS_URL/);
    expect(() => redisCacheSettings({ REDIS_URL: "redis://r", REDIS_TIMEOUT_MS: "soon" })).toThrow(/REDIS_TIMEOUT_MS/);
  });

  it("says the cache is in memory without REDIS_URL", async () => {
    expect(await redisCacheStatus({})).toEqual({ cache: "memory" });
  });
});

describe.skipIf(!available)("the page cache in Redis", () => {
  it("gives back what was stored, Buffers and segment payloads included, with its lifetime", async () => {
    const page = appPage("<p>Event</p>", ["public", "public:event:1", "_N_T_/events/one"]);
    await handler().set("/events/one", page, { cacheControl });
    const found = await handler().get("/events/one", { kind: "APP_PAGE" });
    expect(found?.cacheControl).toEqual(cacheControl);
    expect(found?.lastModified).toBeGreaterThan(Date.now() - 10_000);
    expect(found?.value).toEqual(page);
    expect(Buffer.isBuffer(found?.value.rscData)).toBe(true);
    expect(found?.value.segmentData.get("/_tree")).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(await handler().get("/events/other", { kind: "APP_PAGE" })).toBeNull();
  });

  it("serves another instance's entry, and a tag marked on one instance is a miss on the other at once", async () => {
    await handler().set("/topics/a", appPage("<p>Topic A</p>", ["public", "public:topic:a"]), { cacheControl });
    await handler().set("/topics/b", appPage("<p>Topic B</p>", ["public", "public:topic:b"]), { cacheControl });

    const seen = (await inOtherProcess("get", "/topics/a", { kind: "APP_PAGE" })) as { value: { html: string } } | null;
    expect(seen?.value.html).toBe("<p>Topic A</p>");

    await inOtherProcess("revalidateTag", ["public:topic:a"]);
    expect(await handler().get("/topics/a", { kind: "APP_PAGE" })).toBeNull();
    // Other tags are untouched.
    expect((await handler().get("/topics/b", { kind: "APP_PAGE" }))?.value.html).toBe("<p>Topic B</p>");

    // Rendered afresh after the mark, it is served again, here and there.
    await new Promise((r) => setTimeout(r, 5));
    await handler().set("/topics/a", appPage("<p>Topic A, renamed</p>", ["public", "public:topic:a"]), { cacheControl });
    expect(((await inOtherProcess("get", "/topics/a", { kind: "APP_PAGE" })) as { value: { html: string } }).value.html).toBe(
      "<p>Topic A, renamed</p>",
    );

    // And the other way round: marked here, a miss there.
    await handler().revalidateTag("public");
    expect(await inOtherProcess("get", "/topics/b", { kind: "APP_PAGE" })).toBeNull();
  });

  it("drops an unstable_cache value when its own tags or the rendering page's implicit tags are marked", async () => {
    const value = { kind: "FETCH", data: { headers: {}, body: "true", status: 200, url: "" }, revalidate: false };
    await handler().set("fetch-1", value, { fetchCache: true, tags: ["public:series:7"] });
    await handler().set("fetch-2", value, { fetchCache: true, tags: ["public:series:8"] });
    const ctx = { kind: "FETCH", tags: [], softTags: ["_N_T_/layout", "_N_T_/series/seven"] };
    expect((await handler().get("fetch-1", ctx))?.value).toEqual(value);

    await inOtherProcess("revalidateTag", "public:series:7");
    expect(await handler().get("fetch-1", ctx)).toBeNull();

    expect((await handler().get("fetch-2", ctx))?.value).toEqual(value);
    // revalidatePath("/series/seven") marks the page's implicit tag.
    await inOtherProcess("revalidateTag", ["_N_T_/series/seven"]);
    expect(await handler().get("fetch-2", ctx)).toBeNull();
    expect((await handler().get("fetch-2", { kind: "FETCH", tags: [], softTags: ["_N_T_/series/eight"] }))?.value).toEqual(value);
  });

  it("lets Redis expire an entry with the page's expire time, and deletes one set to nothing", async () => {
    await handler().set("/short", appPage("<p>Short</p>", ["public"]), { cacheControl: { revalidate: 1, expire: 1 } });
    const raw = createClient({ url });
    await raw.connect();
    const keys = await raw.keys(`${prefix}entry:*:/short`);
    expect(keys).toHaveLength(1);
    const ttl = await raw.pTTL(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
    // Without an expire time (an unstable_cache value), a day at most.
    await handler().set("fetch-long", { kind: "FETCH", data: {}, revalidate: false }, { fetchCache: true, tags: [] });
    const [longKey] = await raw.keys(`${prefix}entry:*:fetch-long`);
    expect(await raw.ttl(longKey!)).toBeGreaterThan(86_000);
    await raw.close();

    await new Promise((r) => setTimeout(r, 1200));
    expect(await handler().get("/short", { kind: "APP_PAGE" })).toBeNull();

    await handler().set("/gone", appPage("<p>Gone</p>", []), { cacheControl });
    expect(await handler().get("/gone", { kind: "APP_PAGE" })).not.toBeNull();
    await handler().set("/gone", null, { cacheControl });
    expect(await handler().get("/gone", { kind: "APP_PAGE" })).toBeNull();
  });

  it("keeps one build's pages from another's", async () => {
    const dist = (id: string) => {
      const dir = mkdtempSync(join(tmpdir(), "symposia-build-"));
      writeFileSync(join(dir, "BUILD_ID"), id);
      return join(dir, "server");
    };
    const [first, second] = [dist("first"), dist("second")];
    await handler({}, first).set("/", appPage("<p>Home, first build</p>", ["public"]), { cacheControl });
    expect((await handler({}, first).get("/", { kind: "APP_PAGE" }))?.value.html).toBe("<p>Home, first build</p>");
    expect(await handler({}, second).get("/", { kind: "APP_PAGE" })).toBeNull();
  });

  it("reports Redis up", async () => {
    expect(await redisCacheStatus(env)).toEqual({ cache: "redis", redis: "up" });
  });
});

/** A port that was free a moment ago: nothing listens there. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** Runs `fn` with console.warn silenced: the handler warns about Redis being away, as it should. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}

describe("with Redis away", () => {
  it("answers a miss at once, drops writes and marks without throwing, and reports Redis down", async () => {
    const closed = await freePort();
    const away = { REDIS_URL: `redis://127.0.0.1:${closed}`, REDIS_TIMEOUT_MS: "250" };
    const h = handler(away);
    await quietly(async () => {
      let started = Date.now();
      // The first request waits for the first connection, up to the timeout; later ones do not wait.
      expect(await h.get("/", { kind: "APP_PAGE" })).toBeNull();
      expect(Date.now() - started).toBeLessThan(1000);
      started = Date.now();
      expect(await h.get("/", { kind: "APP_PAGE" })).toBeNull();
      await expect(h.set("/", appPage("<p>Home</p>", ["public"]), { cacheControl })).resolves.toBeUndefined();
      await expect(h.revalidateTag(["public"])).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(100);
      expect(await redisCacheStatus({ ...env, ...away })).toEqual({ cache: "redis", redis: "down" });
    });
  });

  // A Redis of the test's own (redis-server), stopped and started again under a running handler.
  const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;
  it.skipIf(!hasRedisServer)("goes on without Redis when it stops, and uses it again once it is back", async () => {
    const port = await freePort();
    const startRedis = async (): Promise<ChildProcess> => {
      const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      for (let i = 0; i < 50; i++) {
        if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout.trim() === "PONG") return server;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("redis-server did not start");
    };
    const stopRedis = (server: ChildProcess) => new Promise((done) => server.once("exit", done).kill("SIGKILL"));
    const own = { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_TIMEOUT_MS: "250" };
    const h = handler(own);
    let server = await startRedis();
    try {
      await h.set("/", appPage("<p>Home</p>", ["public"]), { cacheControl });
      expect((await h.get("/", { kind: "APP_PAGE" }))?.value.html).toBe("<p>Home</p>");

      // Connected but not answering: a command gives up after REDIS_TIMEOUT_MS, and the next few seconds'
      // requests do not ask Redis at all.
      server.kill("SIGSTOP");
      await quietly(async () => {
        let started = Date.now();
        expect(await h.get("/", { kind: "APP_PAGE" })).toBeNull();
        expect(Date.now() - started).toBeLessThan(1000);
        started = Date.now();
        await expect(h.set("/", appPage("<p>Home, hung</p>", ["public"]), { cacheControl })).resolves.toBeUndefined();
        expect(await h.get("/", { kind: "APP_PAGE" })).toBeNull();
        expect(Date.now() - started).toBeLessThan(100);
      });
      server.kill("SIGCONT");

      await stopRedis(server);
      await quietly(async () => {
        // Until the client notices, a command may wait for its timeout; after that, none waits.
        await expect.poll(() => redisCacheStatus({ ...env, ...own }), { timeout: 5000 }).toEqual({ cache: "redis", redis: "down" });
        const started = Date.now();
        expect(await h.get("/", { kind: "APP_PAGE" })).toBeNull();
        await expect(h.set("/", appPage("<p>Home, again</p>", ["public"]), { cacheControl })).resolves.toBeUndefined();
        await expect(h.revalidateTag("public")).resolves.toBeUndefined();
        expect(Date.now() - started).toBeLessThan(200);
      });

      server = await startRedis();
      await expect.poll(() => redisCacheStatus({ ...env, ...own }), { timeout: 10_000 }).toEqual({ cache: "redis", redis: "up" });
      await h.set("/", appPage("<p>Home, back</p>", ["public"]), { cacheControl });
      expect((await h.get("/", { kind: "APP_PAGE" }))?.value.html).toBe("<p>Home, back</p>");
    } finally {
      await stopRedis(server);
    }
  });
});
