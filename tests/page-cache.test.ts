import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCompression } from "@/lib/compression.mjs";
import { createPageCache, parsePageCacheMs } from "@/lib/page-cache.mjs";

// The page copy in front of Next.js (lib/page-cache.mjs), in a real HTTP server with the real
// compression behind it, as scripts/server.mjs wires them. The origin here answers as Next.js does for
// a cached page (s-maxage, ETag, the whole body at once) and counts what reaches it.

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let clock = 0;
let cache = createPageCache({ ttlMs: 1000, now: () => clock });
let compression = createCompression({ cacheBytes: 1024 * 1024 });
let origin: Handler = (_req, res) => res.end();
let reached = 0;
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (cache.serve(req, res)) return;
    compression.compress(req, res);
    reached++;
    origin(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  clock = 0;
  reached = 0;
  cache = createPageCache({ ttlMs: 1000, now: () => clock });
  compression = createCompression({ cacheBytes: 1024 * 1024 });
  origin = cachedPage("version 1");
});

type Answer = { status: number; headers: IncomingMessage["headers"]; body: Buffer };

function send(path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const text = (a: Answer) => (a.headers["content-encoding"] === "gzip" ? gunzipSync(a.body) : a.body).toString("utf8");

/** As Next.js answers a page it caches for everyone. */
function cachedPage(version: string, cacheControl = "s-maxage=60, stale-while-revalidate=240"): Handler {
  return (_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", cacheControl);
    res.setHeader("ETag", `"${version.replace(/\W/g, "")}"`);
    const body = `<!DOCTYPE html><p>${version}</p>` + "<p>The summary of the meeting.</p>".repeat(200);
    res.setHeader("Content-Length", Buffer.byteLength(body));
    res.end(body);
  };
}

describe("the page copy", () => {
  it("answers a page Next.js caches for everyone from its copy for its lifetime, the same bytes and headers", async () => {
    const first = await send("/events/x", { headers: { "accept-encoding": "gzip" } });
    clock = 999;
    const second = await send("/events/x", { headers: { "accept-encoding": "gzip" } });
    expect(reached).toBe(1);
    expect(second.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers["content-encoding"]).toBe("gzip");
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers["cache-control"]).toBe(first.headers["cache-control"]);
    expect(text(second)).toContain("version 1");

    clock = 1000;
    origin = cachedPage("version 2");
    expect(text(await send("/events/x", { headers: { "accept-encoding": "gzip" } }))).toContain("version 2");
    expect(reached).toBe(2);
  });

  it("keeps one copy per Accept-Encoding and per address", async () => {
    const gzip = await send("/events/x", { headers: { "accept-encoding": "gzip" } });
    const plain = await send("/events/x");
    const other = await send("/events/y");
    expect(reached).toBe(3);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(text(plain)).toBe(text(gzip));
    await send("/events/x");
    await send("/events/x", { headers: { "accept-encoding": "gzip" } });
    expect(reached).toBe(3);
    expect(other.status).toBe(200);
  });

  it("empties at any write, when it arrives and when it is answered: the next read is fresh", async () => {
    await send("/events/x");
    await send("/events/x");
    expect(reached).toBe(1);
    origin = (req, res) => {
      if (req.method === "POST") {
        res.statusCode = 303;
        res.end();
        origin = cachedPage("version 2");
      }
    };
    await send("/events/x", { method: "POST" });
    expect(text(await send("/events/x"))).toContain("version 2");
    expect(reached).toBe(3);
  });

  it("does not keep a page read while a write was under way", async () => {
    let finishWrite: () => void = () => {};
    origin = (req, res) => {
      if (req.method === "POST") {
        finishWrite = () => res.end();
        return;
      }
      cachedPage("before the write")(req, res);
    };
    const write = send("/events/x", { method: "POST" });
    await new Promise((r) => setTimeout(r, 20));
    await send("/events/x");
    origin = cachedPage("after the write");
    finishWrite();
    await write;
    expect(text(await send("/events/x"))).toContain("after the write");
  });

  it.each([
    ["private", "private, no-cache, no-store, max-age=0, must-revalidate"],
    ["no s-maxage", "public, max-age=31536000, immutable"],
    ["no-store", "s-maxage=60, no-store"],
  ])("never keeps an answer whose Cache-Control is %s", async (_name, cacheControl) => {
    origin = cachedPage("version 1", cacheControl);
    await send("/page");
    await send("/page");
    expect(reached).toBe(2);
  });

  it("never keeps an answer that sets a cookie, or one that is not 200", async () => {
    origin = (req, res) => {
      res.setHeader("Set-Cookie", "a=b");
      cachedPage("with a cookie")(req, res);
    };
    await send("/a");
    await send("/a");
    origin = (req, res) => {
      res.statusCode = 404;
      cachedPage("not found")(req, res);
    };
    await send("/b");
    await send("/b");
    expect(reached).toBe(4);
  });

  it.each([
    ["React's payload of a client navigation", { rsc: "1" }],
    ["a prefetch", { "next-router-prefetch": "1" }],
    ["a range", { range: "bytes=0-10" }],
    ["credentials", { authorization: "Basic eDp5" }],
    ["Next.js's preview cookie", { cookie: "theme=dark; __prerender_bypass=1" }],
  ])("leaves to Next.js a request for %s", async (_name, headers) => {
    await send("/events/x");
    await send("/events/x", { headers });
    expect(reached).toBe(2);
  });

  it("answers Cache-Control: no-cache (a hard reload) from Next.js, and keeps that fresher answer", async () => {
    await send("/events/x");
    origin = cachedPage("version 2");
    expect(text(await send("/events/x", { headers: { "cache-control": "no-cache" } }))).toContain("version 2");
    expect(text(await send("/events/x"))).toContain("version 2");
    expect(text(await send("/events/x", { headers: { pragma: "no-cache" } }))).toContain("version 2");
    expect(reached).toBe(3);
  });

  it("answers 304 from the copy when the client holds its version", async () => {
    const first = await send("/events/x");
    const again = await send("/events/x", { headers: { "if-none-match": String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(reached).toBe(1);
  });

  it("keeps within its size, the least recently used out first", async () => {
    // Room for two of these pages (about 7 KB each).
    cache = createPageCache({ ttlMs: 1000, now: () => clock, maxBytes: 16_000 });
    await send("/1");
    await send("/2");
    await send("/1");
    expect(reached).toBe(2);
    await send("/3");
    await send("/1");
    expect(reached).toBe(3);
    await send("/2");
    expect(reached).toBe(4);
  });

  it("is off at 0 ms", async () => {
    cache = createPageCache({ ttlMs: 0 });
    await send("/events/x");
    await send("/events/x");
    expect(reached).toBe(2);
  });
});

describe("PAGE_CACHE_MS", () => {
  it.each([
    [undefined, false, 1000],
    ["", false, 1000],
    [undefined, true, 0],
    ["250", true, 250],
    ["0", false, 0],
  ])("%j (REDIS_URL set: %s) is %d ms", (value, shared, ms) => {
    expect(parsePageCacheMs(value, shared)).toBe(ms);
  });

  it.each(["-1", "1.5", "a second", "60001"])("refuses %j with the reason", (value) => {
    expect(() => parsePageCacheMs(value, false)).toThrow(/PAGE_CACHE_MS must be a whole number of milliseconds from 0 to 60000/);
  });
});
