// @ts-check
// Plain JavaScript: the server entry (scripts/server.mjs) runs under Node without a build step.
/**
 * Response compression for the server entry, in place of Next.js's own (`compress: false` in
 * next.config.js). Next.js gzips every response afresh; a cached page is the same bytes until its
 * ETag changes, so here a response that carries an ETag is compressed once per version and the
 * compressed bytes are kept in a small in-memory LRU bounded by total size. Other responses are
 * compressed as they go: a whole body at once, a streamed one (React streams, Server Action answers)
 * through a gzip stream flushed after every chunk, so nothing waits for the end.
 *
 * A cached route handler's answer (a feed) has no ETag but says `x-nextjs-cache`: it is a whole body
 * replayed from Next.js's cache, so it is gathered and keyed by a hash of its bytes (far cheaper than
 * compressing them).
 *
 * Skipped: HEAD, 1xx/204/206/304, a response already encoded, `Cache-Control: no-transform`, types that
 * do not compress (images, fonts, archives), bodies under `minBytes`, clients that accept neither
 * gzip nor br. Every response of a compressible type says `Vary: Accept-Encoding`.
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import zlib from "node:zlib";

const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:json|javascript|ecmascript|xml|atom\+xml|rss\+xml|manifest\+json|ld\+json|x-javascript|wasm)|image\/svg\+xml|image\/x-icon|application\/vnd\.microsoft\.icon)/i;

/**
 * Whether a Content-Type is worth compressing.
 *
 * @param {unknown} contentType
 */
export function isCompressible(contentType) {
  return typeof contentType === "string" && COMPRESSIBLE.test(contentType.trim());
}

/**
 * The encoding to use for a request's Accept-Encoding: "br" (only when `allowBrotli`), "gzip" or
 * null (send as is). q-values count, q=0 refuses, `*` stands for any encoding not named; on a tie
 * br goes first, then gzip.
 *
 * @param {string | string[] | undefined} header
 * @param {boolean} allowBrotli
 * @returns {"br" | "gzip" | null}
 */
export function negotiateEncoding(header, allowBrotli) {
  const value = Array.isArray(header) ? header.join(",") : header;
  if (!value) return null;
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of value.split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const token = name.trim().toLowerCase();
    if (!token) continue;
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) weight = Number(match[1]);
    }
    if (!Number.isFinite(weight)) weight = 0;
    q.set(token, Math.max(q.get(token) ?? 0, weight));
  }
  /** @param {string} encoding */
  const weightOf = (encoding) => q.get(encoding) ?? q.get("*") ?? 0;
  const br = allowBrotli ? weightOf("br") : 0;
  const gzip = Math.max(weightOf("gzip"), q.get("x-gzip") ?? 0);
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return null;
}

/** A byte-bounded LRU of compressed bodies. */
export class CompressedCache {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, Buffer>} */
    this.entries = new Map();
  }

  /** @param {string} key */
  get(key) {
    const value = this.entries.get(key);
    if (value) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /**
   * @param {string} key
   * @param {Buffer} value
   */
  set(key, value) {
    if (value.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.length;
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [oldest, buffer] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= buffer.length;
    }
  }

  get size() {
    return this.entries.size;
  }
}

/**
 * Reads COMPRESSION_CACHE_MB: megabytes of compressed bodies kept in memory, 32 when unset, 0 keeps
 * none.
 *
 * @param {string | undefined} value
 */
export function parseCacheMegabytes(value) {
  if (value === undefined || value === "") return 32;
  const megabytes = Number(value);
  if (!Number.isFinite(megabytes) || megabytes < 0 || megabytes > 1024) {
    throw new Error(`COMPRESSION_CACHE_MB must be a number of megabytes from 0 to 1024; got "${value}".`);
  }
  return megabytes;
}

/**
 * @typedef {object} CompressionOptions
 * @property {number} [cacheBytes] total size of the cached compressed bodies (32 MB)
 * @property {number} [minBytes] smaller bodies are sent as they are (1024)
 * @property {number} [maxEntryBytes] a body with an ETag larger than this is streamed, not cached (4 MB)
 * @property {number} [gzipLevel] zlib level (6, zlib's default)
 * @property {number | false} [brotliQuality] brotli quality for cached bodies, false for no brotli (5)
 */

/**
 * @param {import("node:http").OutgoingHttpHeader | undefined} vary
 * @returns {string | null} the new Vary, or null to leave it as it is
 */
function varyWithAcceptEncoding(vary) {
  const current = Array.isArray(vary) ? vary.join(", ") : vary === undefined ? "" : String(vary);
  if (!current) return "Accept-Encoding";
  const names = current.split(",").map((name) => name.trim().toLowerCase());
  if (names.includes("*") || names.includes("accept-encoding")) return null;
  return `${current}, Accept-Encoding`;
}

/**
 * @param {unknown} chunk
 * @param {unknown} [encoding]
 * @returns {Buffer}
 */
function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), /** @type {BufferEncoding} */ (typeof encoding === "string" ? encoding : "utf8"));
}

/**
 * Makes a compressor: `compress(req, res)` before the app handles the request.
 *
 * @param {CompressionOptions} [options]
 */
export function createCompression(options = {}) {
  const minBytes = options.minBytes ?? 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
  const gzipLevel = options.gzipLevel ?? zlib.constants.Z_DEFAULT_COMPRESSION;
  const brotliQuality = options.brotliQuality ?? 5;
  const cache = new CompressedCache(options.cacheBytes ?? 32 * 1024 * 1024);

  /**
   * @param {"br" | "gzip"} encoding
   * @param {Buffer} body
   */
  function compressWhole(encoding, body) {
    if (encoding === "br") {
      return zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: Number(brotliQuality),
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      });
    }
    return zlib.gzipSync(body, { level: gzipLevel });
  }

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  function compress(req, res) {
    // The originals, called with the arguments they were given (their overloads do not matter here).
    /** @typedef {(...args: unknown[]) => unknown} Original */
    const writeHead = /** @type {Original} */ (res.writeHead);
    const write = /** @type {Original} */ (res.write);
    const end = /** @type {Original} */ (res.end);
    const flushHeaders = /** @type {Original} */ (res.flushHeaders);

    /** "pass": as is; "whole": compressed at the end, from buffered chunks; "stream": a gzip stream. */
    /** @type {null | "pass" | "whole" | "stream"} */
    let mode = null;
    /** @type {"br" | "gzip" | null} */
    let encoding = null;
    /** @type {Buffer[]} */
    let chunks = [];
    /** @type {zlib.Gzip | null} */
    let stream = null;
    let headSent = false;

    function hasEtag() {
      const etag = res.getHeader("etag");
      return typeof etag === "string" && etag !== "";
    }

    /** Writes the status line and headers as they now stand. */
    function sendHead() {
      if (headSent || res.headersSent) return;
      headSent = true;
      if (res.statusMessage) writeHead.call(res, res.statusCode, res.statusMessage);
      else writeHead.call(res, res.statusCode);
    }

    /**
     * Chooses how to send the response, once its headers are final.
     *
     * @param {boolean} whole the body is complete (end() with no write() before)
     * @param {number} [wholeLength]
     */
    function decide(whole, wholeLength) {
      const status = res.statusCode;
      const type = res.getHeader("content-type");
      const compressibleType = isCompressible(type);
      if (compressibleType && status >= 200 && status !== 204 && status !== 304 && !res.headersSent) {
        const vary = varyWithAcceptEncoding(res.getHeader("vary"));
        if (vary) res.setHeader("Vary", vary);
      }
      const cacheControl = String(res.getHeader("cache-control") ?? "");
      const declared = Number(res.getHeader("content-length"));
      const length = whole ? wholeLength ?? 0 : Number.isFinite(declared) && res.hasHeader("content-length") ? declared : null;
      const cacheable = cache.maxBytes > 0 && (hasEtag() || res.hasHeader("x-nextjs-cache"));
      if (
        !compressibleType ||
        res.headersSent ||
        req.method === "HEAD" ||
        status < 200 ||
        status === 204 ||
        status === 304 ||
        status === 206 ||
        res.hasHeader("content-range") ||
        res.hasHeader("content-encoding") ||
        /\bno-transform\b/i.test(cacheControl) ||
        (length !== null && length < minBytes)
      ) {
        mode = "pass";
        return;
      }
      encoding = negotiateEncoding(req.headers["accept-encoding"], cacheable && brotliQuality !== false);
      if (!encoding) {
        mode = "pass";
        return;
      }
      // A cached response is gathered whole; one from Next.js's cache without a length (a route
      // handler's) is complete bytes replayed, not a stream that trickles.
      if (whole || (cacheable && (length !== null ? length <= maxEntryBytes : res.hasHeader("x-nextjs-cache")))) {
        mode = "whole";
        return;
      }
      // Streamed: gzip (brotli costs too much per request to do uncached), flushed chunk by chunk.
      if (encoding === "br") encoding = negotiateEncoding(req.headers["accept-encoding"], false);
      if (!encoding) {
        mode = "pass";
        return;
      }
      mode = "stream";
      res.removeHeader("Content-Length");
      res.setHeader("Content-Encoding", encoding);
      const gzip = zlib.createGzip({ level: gzipLevel });
      stream = gzip;
      gzip.on("data", (/** @type {Buffer} */ data) => {
        if (write.call(res, data) === false) gzip.pause();
      });
      res.on("drain", () => gzip.resume());
      gzip.on("drain", () => res.emit("drain"));
      gzip.on("end", () => end.call(res));
      gzip.on("error", (error) => res.destroy(error));
      res.once("close", () => {
        if (!res.writableFinished) gzip.destroy();
      });
    }

    /**
     * Sends a complete body, compressed when worth it (from the cache when it has an ETag).
     *
     * @param {Buffer} body
     * @param {() => void} [callback]
     */
    function sendWhole(body, callback) {
      if (!encoding || body.length < minBytes) {
        if (res.hasHeader("content-length")) res.setHeader("Content-Length", body.length);
        sendHead();
        end.call(res, body, callback);
        return;
      }
      let version = hasEtag() ? String(res.getHeader("etag")) : null;
      if (!version && res.hasHeader("x-nextjs-cache")) version = createHash("sha1").update(body).digest("base64");
      const key = version && cache.maxBytes > 0 ? `${version}\n${encoding}\n${req.url ?? ""}` : null;
      let compressed = key ? cache.get(key) : undefined;
      if (!compressed) {
        compressed = compressWhole(encoding, body);
        if (key && body.length <= maxEntryBytes) cache.set(key, compressed);
      }
      res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", compressed.length);
      sendHead();
      end.call(res, compressed, callback);
    }

    /**
     * @param {number} statusCode
     * @param {unknown[]} rest
     */
    function patchedWriteHead(statusCode, ...rest) {
      if (mode !== null) return writeHead.call(res, statusCode, ...rest);
      res.statusCode = statusCode;
      let headers = rest[0];
      if (typeof headers === "string") {
        res.statusMessage = headers;
        headers = rest[1];
      }
      if (Array.isArray(headers)) {
        // Either [[name, value], ...] or [name, value, name, value, ...].
        if (Array.isArray(headers[0])) for (const [name, value] of headers) res.setHeader(name, value);
        else for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
      } else if (headers && typeof headers === "object") {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      }
      // The head goes out with the first bytes of the body (or at once for a streamed one).
      return res;
    }
    res.writeHead = /** @type {typeof res.writeHead} */ (/** @type {unknown} */ (patchedWriteHead));

    res.flushHeaders = function patchedFlushHeaders() {
      if (mode === null) decide(false);
      if (mode !== "whole") {
        sendHead();
        flushHeaders.call(res);
      }
    };

    /**
     * @param {unknown} chunk
     * @param {unknown} [encodingOrCallback]
     * @param {unknown} [callback]
     */
    function patchedWrite(chunk, encodingOrCallback, callback) {
      if (mode === null) decide(false);
      const cb = /** @type {((error?: Error | null) => void) | undefined} */ (typeof encodingOrCallback === "function" ? encodingOrCallback : callback);
      const buffer = toBuffer(chunk, encodingOrCallback);
      if (mode === "whole") {
        chunks.push(buffer);
        if (cb) process.nextTick(cb);
        return true;
      }
      if (mode === "stream" && stream) {
        sendHead();
        return stream.write(buffer, cb);
      }
      sendHead();
      return write.call(res, buffer, /** @type {() => void} */ (cb ?? (() => {})));
    }
    res.write = /** @type {typeof res.write} */ (/** @type {unknown} */ (patchedWrite));

    /** Next.js calls it after each streamed chunk: whatever gzip holds goes out now. */
    Object.defineProperty(res, "flush", {
      configurable: true,
      value: () => {
        if (mode === "stream" && stream) stream.flush(zlib.constants.Z_SYNC_FLUSH);
      },
    });

    /**
     * @param {unknown} [chunk]
     * @param {unknown} [encodingOrCallback]
     * @param {unknown} [callback]
     */
    function patchedEnd(chunk, encodingOrCallback, callback) {
      /** @type {(() => void) | undefined} */
      let cb;
      if (typeof chunk === "function") {
        cb = /** @type {() => void} */ (chunk);
        chunk = undefined;
      } else if (typeof encodingOrCallback === "function") {
        cb = /** @type {() => void} */ (encodingOrCallback);
      } else if (typeof callback === "function") {
        cb = /** @type {() => void} */ (callback);
      }
      const hasChunk = chunk !== undefined && chunk !== null && !(typeof chunk === "string" && chunk === "");
      const last = hasChunk ? toBuffer(chunk, encodingOrCallback) : null;
      if (mode === null) decide(true, last ? last.length : 0);
      if (mode === "whole") {
        if (last) chunks.push(last);
        const body = chunks.length === 1 ? /** @type {Buffer} */ (chunks[0]) : Buffer.concat(chunks);
        chunks = [];
        sendWhole(body, cb);
        return res;
      }
      if (mode === "stream" && stream) {
        sendHead();
        if (cb) res.once("finish", cb);
        if (last) stream.end(last);
        else stream.end();
        return res;
      }
      sendHead();
      if (last) end.call(res, last, cb);
      else end.call(res, cb);
      return res;
    }
    res.end = /** @type {typeof res.end} */ (/** @type {unknown} */ (patchedEnd));
  }

  return { compress, cache };
}
