// @ts-check
// Plain JavaScript: the server entry (scripts/server.mjs) runs under Node without a build step.
/**
 * A short-lived copy of the public pages, kept by the server entry in front of Next.js: what a CDN or
 * nginx's proxy_cache does with a page whose Cache-Control says `s-maxage`, for at most `ttlMs` (one
 * second by default). Next.js already serves these pages from its cache, but still spends about a
 * millisecond of CPU on each (routing, its cache lookup, the page's ETag over 25–35 KB of HTML); for the
 * copy's lifetime the bytes already sent (compressed, by lib/compression.mjs) are sent again as they were.
 *
 * What is kept: the answer to a GET of 200 with `s-maxage` in its Cache-Control and neither `private`,
 * `no-store` nor a cookie set, which Next.js gives only to the pages it caches for everyone; keyed by
 * the URL and the request's Accept-Encoding. Never kept or served: a request for React's payload of
 * client navigation (the `rsc` and `next-router-*` headers), a Server Action, a range, one that carries
 * credentials or Next.js's preview cookie. A request that says `Cache-Control: no-cache` (a browser's hard
 * reload) or `Pragma: no-cache` goes to Next.js, as a shared cache sends it to the origin (RFC 9111, 5.2.1.4),
 * and its answer replaces the copy.
 *
 * Any other request than GET, HEAD or OPTIONS (every Server Action, sign-in and upload is a POST) empties
 * the copy when it arrives and again when it has been answered, and a page being read while one runs is
 * not kept: on this instance a change shows on the next request, as without the copy. Other instances
 * cannot see this one's writes, so with REDIS_URL (several instances sharing one page cache, where a
 * change must show on every instance's next request) the copy is off unless PAGE_CACHE_MS asks for it.
 */
import { Buffer } from "node:buffer";

/** Request headers under which one URL answers differently, or must not be answered from a copy. */
const BYPASS_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "next-action",
  "range",
  "if-range",
  "authorization",
];
const PREVIEW_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * PAGE_CACHE_MS: milliseconds a copy is served (0 turns the copy off); by default 1000, or 0 when
 * REDIS_URL is set.
 *
 * @param {string | undefined} value
 * @param {boolean} shared whether several instances share a page cache (REDIS_URL)
 */
export function parsePageCacheMs(value, shared) {
  if (value === undefined || value.trim() === "") return shared ? 0 : 1000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) {
    throw new Error(`PAGE_CACHE_MS must be a whole number of milliseconds from 0 to 60000; got "${value}".`);
  }
  return ms;
}

/**
 * @typedef {{ expires: number; headers: import("node:http").OutgoingHttpHeaders; body: Buffer; etag: string | null; bytes: number }} Copy
 */

/**
 * @param {{ ttlMs: number; maxBytes?: number; maxEntryBytes?: number; now?: () => number }} options
 */
export function createPageCache({ ttlMs, maxBytes = 16 * 1024 * 1024, maxEntryBytes = 1024 * 1024, now = Date.now }) {
  /** @type {Map<string, Copy>} least recently used first */
  const copies = new Map();
  let bytes = 0;
  // Moves on at every write: an answer begun before a write started or ended is not kept.
  let generation = 0;

  function clear() {
    generation++;
    copies.clear();
    bytes = 0;
  }

  /** @param {string} key */
  function drop(key) {
    const copy = copies.get(key);
    if (!copy) return;
    copies.delete(key);
    bytes -= copy.bytes;
  }

  /**
   * @param {string} key
   * @param {Copy} copy
   */
  function keep(key, copy) {
    drop(key);
    if (copy.bytes > maxEntryBytes || copy.bytes > maxBytes) return;
    copies.set(key, copy);
    bytes += copy.bytes;
    for (const [oldest] of copies) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
  }

  /** @param {import("node:http").IncomingMessage} req */
  function keyOf(req) {
    if (req.method !== "GET") return null;
    for (const name of BYPASS_HEADERS) if (req.headers[name] !== undefined) return null;
    const cookie = req.headers.cookie;
    if (cookie && PREVIEW_COOKIE.test(cookie)) return null;
    const encoding = req.headers["accept-encoding"];
    return `${req.url ?? ""}\n${Array.isArray(encoding) ? encoding.join(",") : (encoding ?? "")}`;
  }

  /**
   * Answers from a copy and returns true, or returns false and, when the answer may be kept, keeps it
   * once it has been sent. Call before anything else wraps the response (compression), so that what is
   * kept is what went to the client.
   *
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  function serve(req, res) {
    if (ttlMs <= 0) return false;
    if (!SAFE_METHODS.has(req.method ?? "GET")) {
      clear();
      res.once("close", clear);
      return false;
    }
    const key = keyOf(req);
    if (!key) return false;

    const requestCacheControl = String(req.headers["cache-control"] ?? "") + "," + String(req.headers.pragma ?? "");
    const copy = /\bno-(?:cache|store)\b/i.test(requestCacheControl) ? undefined : copies.get(key);
    if (copy && copy.expires > now()) {
      // Most recently used last.
      copies.delete(key);
      copies.set(key, copy);
      const inm = req.headers["if-none-match"];
      if (copy.etag && typeof inm === "string" && inm.split(",").some((tag) => tag.trim() === copy.etag)) {
        res.writeHead(304, Object.fromEntries(Object.entries(copy.headers).filter(([name]) => /^(etag|cache-control|vary)$/i.test(name))));
        res.end();
      } else {
        res.writeHead(200, copy.headers);
        res.end(copy.body);
      }
      return true;
    }
    if (copy) drop(key);
    if (/\bno-store\b/i.test(requestCacheControl)) return false;

    const started = generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let status = 0;
    let keepable = true;
    const { writeHead, write, end } = res;

    /** @param {unknown} chunk @param {unknown} encoding */
    function collect(chunk, encoding) {
      if (!keepable || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === "string" ? encoding : "utf8"))
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
            : null;
      if (!buffer) return;
      size += buffer.length;
      if (size > maxEntryBytes) {
        keepable = false;
        chunks.length = 0;
        return;
      }
      chunks.push(Buffer.from(buffer));
    }

    /** Decides from the head whether the answer may be kept. */
    function judgeHead() {
      status = res.statusCode;
      const cacheControl = String(res.getHeader("cache-control") ?? "");
      if (
        status !== 200 ||
        !/\bs-maxage=/i.test(cacheControl) ||
        /\b(?:private|no-store)\b/i.test(cacheControl) ||
        res.hasHeader("set-cookie") ||
        res.hasHeader("content-range")
      ) {
        keepable = false;
      }
    }

    res.writeHead = /** @type {typeof res.writeHead} */ (
      /** @type {unknown} */ (
        function patchedWriteHead(/** @type {number} */ statusCode, /** @type {unknown[]} */ ...rest) {
          // Headers given here join those set before, as Node does when it writes them.
          let headers = rest[0];
          if (typeof headers === "string") headers = rest[1];
          if (Array.isArray(headers)) {
            if (Array.isArray(headers[0])) for (const [name, value] of headers) res.setHeader(name, value);
            else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
            rest = typeof rest[0] === "string" ? [rest[0]] : [];
          } else if (headers && typeof headers === "object") {
            for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
            rest = typeof rest[0] === "string" ? [rest[0]] : [];
          }
          res.statusCode = statusCode;
          judgeHead();
          return writeHead.call(res, statusCode, .../** @type {[]} */ (rest));
        }
      )
    );
    res.write = /** @type {typeof res.write} */ (
      /** @type {unknown} */ (
        function patchedWrite(/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
          collect(chunk, encoding);
          return write.call(res, /** @type {never} */ (chunk), /** @type {never} */ (encoding), /** @type {never} */ (callback));
        }
      )
    );
    res.end = /** @type {typeof res.end} */ (
      /** @type {unknown} */ (
        function patchedEnd(/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
          collect(chunk, encoding);
          return end.call(res, /** @type {never} */ (chunk), /** @type {never} */ (encoding), /** @type {never} */ (callback));
        }
      )
    );

    res.once("finish", () => {
      if (!status) judgeHead();
      if (!keepable || generation !== started) return;
      /** @type {import("node:http").OutgoingHttpHeaders} */
      const headers = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value === undefined || /^(date|connection|keep-alive|transfer-encoding)$/i.test(name)) continue;
        headers[name] = value;
      }
      const body = chunks.length === 1 ? /** @type {Buffer} */ (chunks[0]) : Buffer.concat(chunks);
      headers["content-length"] = body.length;
      const etag = res.getHeader("etag");
      keep(key, { expires: now() + ttlMs, headers, body, etag: typeof etag === "string" ? etag : null, bytes: body.length + 512 });
    });
    return false;
  }

  return { serve, clear, size: () => copies.size };
}
