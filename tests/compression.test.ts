import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, createGunzip } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CompressedCache, createCompression, negotiateEncoding, parseCacheMegabytes } from "@/lib/compression.mjs";

const page = "<!DOCTYPE html><html><body>" + "<p>A paragraph of the summary.</p>".repeat(400) + "</body></html>";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let compression = createCompression({ cacheBytes: 1024 * 1024 });
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    compression.compress(req, res);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  compression = createCompression({ cacheBytes: 1024 * 1024 });
});

interface Answer {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
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

/** As Next.js sends a cached page: Content-Length, ETag, the whole body in end(). */
function cachedPage(etag: string, body = page): Handler {
  return (req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("ETag", etag);
    if (req.headers["if-none-match"] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader("Content-Length", Buffer.byteLength(body));
    if (req.method === "HEAD") res.end(null);
    else res.end(body);
  };
}

describe("negotiateEncoding", () => {
  it("prefers br when allowed, then gzip, and honours q=0", () => {
    expect(negotiateEncoding("gzip, deflate, br", true)).toBe("br");
    expect(negotiateEncoding("gzip, deflate, br", false)).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip", true)).toBe("gzip");
    expect(negotiateEncoding("gzip;q=0, br;q=0", true)).toBeNull();
    expect(negotiateEncoding("identity", true)).toBeNull();
    expect(negotiateEncoding("*", false)).toBe("gzip");
    expect(negotiateEncoding(undefined, true)).toBeNull();
  });
});

describe("parseCacheMegabytes", () => {
  it("defaults to 32 and refuses nonsense", () => {
    expect(parseCacheMegabytes(undefined)).toBe(32);
    expect(parseCacheMegabytes("0")).toBe(0);
    expect(() => parseCacheMegabytes("lots")).toThrow(/COMPRESSION_CACHE_MB/);
  });
});

describe("CompressedCache", () => {
  it("evicts the least recently used entries past its size", () => {
    const cache = new CompressedCache(100);
    cache.set("a", Buffer.alloc(40));
    cache.set("b", Buffer.alloc(40));
    cache.get("a");
    cache.set("c", Buffer.alloc(40));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    expect(cache.bytes).toBe(80);
    cache.set("huge", Buffer.alloc(101));
    expect(cache.get("huge")).toBeUndefined();
  });
});

describe("compression of responses", () => {
  it("gzips or brotli-compresses as the client accepts, with Vary and a true Content-Length", async () => {
    handler = cachedPage('"v1"');
    const gzip = await get("/page", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(gzip.headers["content-length"])).toBe(gzip.body.length);
    expect(gunzipSync(gzip.body).toString()).toBe(page);

    const br = await get("/page", { "accept-encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(page);

    const plain = await get("/page");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.body.toString()).toBe(page);
  });

  it("reuses the compressed bytes for the same ETag and compresses anew for another", async () => {
    handler = cachedPage('"v1"');
    await get("/page", { "accept-encoding": "gzip" });
    expect(compression.cache.size).toBe(1);
    const [key] = [...compression.cache.entries.keys()];
    const stored = compression.cache.entries.get(key!)!;
    const again = await get("/page", { "accept-encoding": "gzip" });
    expect(again.body.equals(stored)).toBe(true);
    expect(compression.cache.size).toBe(1);

    const changed = page.replace("summary", "report");
    handler = cachedPage('"v2"', changed);
    const next = await get("/page", { "accept-encoding": "gzip" });
    expect(gunzipSync(next.body).toString()).toBe(changed);
    expect(compression.cache.size).toBe(2);
  });

  it("gathers a cached route handler's answer (no ETag, x-nextjs-cache) and keys it by its bytes", async () => {
    let feed = "<feed>" + "<entry>A summary</entry>".repeat(200) + "</feed>";
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/atom+xml; charset=utf-8", "x-nextjs-cache": "HIT" });
      res.write(feed.slice(0, 100));
      res.end(feed.slice(100));
    };
    const first = await get("/feed.xml", { "accept-encoding": "gzip" });
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(Number(first.headers["content-length"])).toBe(first.body.length);
    expect(gunzipSync(first.body).toString()).toBe(feed);
    await get("/feed.xml", { "accept-encoding": "gzip" });
    expect(compression.cache.size).toBe(1);
    feed = feed.replace("A summary", "Another summary");
    const changed = await get("/feed.xml", { "accept-encoding": "gzip" });
    expect(gunzipSync(changed.body).toString()).toBe(feed);
    expect(compression.cache.size).toBe(2);
  });

  it("keeps no more than its size, evicting the oldest versions", async () => {
    compression = createCompression({ cacheBytes: 600 });
    // Bodies that compress poorly, so that each entry is a few hundred bytes.
    const noisy = (seed: number) => Array.from({ length: 400 }, (_, i) => ((i * 7919 + seed * 104729) % 9973).toString(36)).join("");
    for (const version of [1, 2, 3]) {
      handler = cachedPage(`"v${version}"`, noisy(version));
      const answer = await get("/page", { "accept-encoding": "gzip" });
      expect(gunzipSync(answer.body).toString()).toBe(noisy(version));
    }
    expect(compression.cache.bytes).toBeLessThanOrEqual(600);
    expect([...compression.cache.entries.keys()].some((key) => key.startsWith('"v1"'))).toBe(false);
  });

  it("leaves a 304, a 206 and a HEAD answer alone", async () => {
    handler = cachedPage('"v1"');
    const notModified = await get("/page", { "accept-encoding": "gzip", "if-none-match": '"v1"' });
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();
    expect(notModified.body.length).toBe(0);

    handler = (_req, res) => {
      res.writeHead(206, { "Content-Type": "text/plain", "Content-Range": "bytes 0-1999/9000", "Content-Length": 2000 });
      res.end("x".repeat(2000));
    };
    const partial = await get("/range", { "accept-encoding": "gzip", range: "bytes=0-1999" });
    expect(partial.status).toBe(206);
    expect(partial.headers["content-encoding"]).toBeUndefined();
    expect(partial.body.length).toBe(2000);

    handler = cachedPage('"v1"');
    const head = await get("/page", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(head.headers.vary).toMatch(/Accept-Encoding/);
  });

  it("sends small bodies, encoded bodies and images as they are", async () => {
    handler = (_req, res) => {
      res.setHeader("Content-Type", "text/plain");
      res.end("short");
    };
    const small = await get("/small", { "accept-encoding": "gzip" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe("short");

    handler = (_req, res) => {
      res.setHeader("Content-Type", "image/png");
      res.end(Buffer.alloc(5000));
    };
    const image = await get("/image.png", { "accept-encoding": "gzip" });
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    expect(image.body.length).toBe(5000);

    const encoded = Buffer.from("already encoded".repeat(200));
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "identity-custom" });
      res.end(encoded);
    };
    const passed = await get("/encoded", { "accept-encoding": "gzip" });
    expect(passed.headers["content-encoding"]).toBe("identity-custom");
    expect(passed.body.equals(encoded)).toBe(true);
  });

  it("compresses a response without an ETag each time, and keeps nothing", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(page) });
      res.end(page);
    };
    const answer = await get("/api", { "accept-encoding": "gzip, br" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(gunzipSync(answer.body).toString()).toBe(page);
    expect(compression.cache.size).toBe(0);
  });

  it("streams a streamed response: compressed chunks arrive before it ends", async () => {
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    handler = (_req, res) => {
      res.setHeader("Content-Type", "text/x-component");
      res.flushHeaders();
      res.write("first chunk ".repeat(200));
      (res as unknown as { flush: () => void }).flush();
      void finished.then(() => res.end("last chunk"));
    };
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(base + "/stream", { headers: { "accept-encoding": "gzip" }, agent: false }, (res) => {
        expect(res.headers["content-encoding"]).toBe("gzip");
        expect(res.headers["content-length"]).toBeUndefined();
        const gunzip = createGunzip();
        res.pipe(gunzip);
        let received = "";
        gunzip.on("data", (data: Buffer) => {
          received += data.toString();
          // The first chunk came through while the server still holds the response open.
          if (received === "first chunk ".repeat(200)) finish();
        });
        gunzip.on("end", () => resolve(received));
        gunzip.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
    expect(text).toBe("first chunk ".repeat(200) + "last chunk");
  });
});
