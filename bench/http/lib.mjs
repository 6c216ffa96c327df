// @ts-check
// The HTTP benchmark's pure helpers: no network, no processes, no clock. Unit-tested in
// tests/bench-http.test.ts; bench/http/run.mjs puts them to work.
import { gzipSync } from "node:zlib";

/**
 * The Server Action id of `exportName` in `modulePath` (a path relative to the app's root, for example
 * "app/(public)/events/[slug]/actions.ts"), read from a build's server-reference-manifest.json. The
 * manifest lists each action under the page bundles that use it, naming the source module of each.
 *
 * @param {unknown} manifest the parsed JSON of <dist>/server/server-reference-manifest.json
 * @param {string} modulePath
 * @param {string} exportName
 * @returns {string}
 */
export function findActionId(manifest, modulePath, exportName) {
  const node = /** @type {Record<string, { filename?: string; exportedName?: string }>} */ (
    (manifest && typeof manifest === "object" && "node" in manifest ? manifest.node : undefined) ?? {}
  );
  const wanted = modulePath.replace(/\\/g, "/").replace(/^\.\//, "");
  const found = Object.entries(node).filter(([, entry]) => {
    const filename = (entry.filename ?? "").replace(/\\/g, "/").replace(/^\.\//, "");
    return entry.exportedName === exportName && (filename === wanted || filename.endsWith(`/${wanted}`));
  });
  const ids = [...new Set(found.map(([id]) => id))];
  if (ids.length === 0) throw new Error(`The build has no Server Action "${exportName}" from ${modulePath}.`);
  if (ids.length > 1) throw new Error(`The build has ${ids.length} Server Actions "${exportName}" from ${modulePath}: ${ids.join(", ")}.`);
  return /** @type {string} */ (ids[0]);
}

/**
 * The body a browser's script sends when a form calls a `useActionState` action whose server
 * function is `(previousState, formData)`: React's encodeReply turns the two arguments into a
 * multipart form whose part "0" is the JSON list of arguments, the FormData standing in it as "$K1"
 * and its fields sent before it as parts named "_1_<field>" (React 19.3's encodeReply; checked
 * against what Chromium sends, bench/README.md).
 *
 * @param {unknown} previousState
 * @param {ReadonlyArray<readonly [string, string]>} fields the form's fields in document order
 * @param {string} boundary
 * @returns {{ body: string; contentType: string }}
 */
export function actionFormBody(previousState, fields, boundary) {
  if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) throw new Error(`Not a usable multipart boundary: "${boundary}".`);
  /** @param {string} name @param {string} value */
  const part = (name, value) => `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`;
  const parts = fields.map(([name, value]) => part(`_1_${name}`, value));
  parts.push(part("0", JSON.stringify([previousState, "$K1"])));
  return { body: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** @param {string} name */
function escapeName(name) {
  return name.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

/**
 * The value a Server Action returned, from its RSC answer: row 0 names the row that holds it
 * (`"a":"$@<id>"`), or holds it itself. Undefined when the answer has none (an error page, say).
 *
 * @param {string} text
 * @returns {unknown}
 */
export function actionResult(text) {
  /** @type {Map<string, string>} */
  const rows = new Map();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(/** @type {string} */ (m[1]), /** @type {string} */ (m[2]));
  }
  const root = parseJson(rows.get("0"));
  if (!root || typeof root !== "object" || !("a" in root)) return undefined;
  const a = root.a;
  if (typeof a === "string" && a.startsWith("$@")) return parseJson(rows.get(a.slice(2)));
  return a;
}

/** @param {string | undefined} text */
function parseJson(text) {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The addresses of a page's script files, in order, without repeats.
 *
 * @param {string} html
 * @returns {string[]}
 */
export function scriptSources(html) {
  const out = new Set();
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=("([^"]*)"|'([^']*)')[^>]*>/gi)) {
    out.add(decodeEntities(m[2] ?? m[3] ?? ""));
  }
  return [...out].filter(Boolean);
}

/** @param {string} s */
function decodeEntities(s) {
  // &amp; last, so that "&amp;quot;" stays the text "&quot;".
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Bytes of a text or buffer once gzipped at zlib's default level (what a compressing server sends).
 *
 * @param {string | Uint8Array} content
 * @returns {number}
 */
export function gzipBytes(content) {
  return gzipSync(content).length;
}

/**
 * The i-th benchmark client's address: a distinct IPv4 address per client, from 10.1.0.1 on, never
 * a network or broadcast address in any /24.
 *
 * @param {number} i
 * @returns {string}
 */
export function clientAddress(i) {
  if (!Number.isInteger(i) || i < 0 || i >= 254 * 256 * 254) throw new RangeError(`No client address number ${i}.`);
  const host = (i % 254) + 1;
  const c = Math.floor(i / 254) % 256;
  const b = Math.floor(i / (254 * 256)) + 1;
  return `10.${b}.${c}.${host}`;
}

/**
 * A ratio shown to two decimals, or "–" when either side is missing.
 *
 * @param {number} a
 * @param {number} b
 */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
}

/**
 * Lays rows out as a plain-text table with columns padded to their widest cell.
 *
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 * @returns {string}
 */
export function table(header, rows) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  /** @param {string[]} r */
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/**
 * The server's resident memory in bytes: the sum of VmRSS over a process and its descendants, read
 * from /proc status files given as text (so that the sum can be checked without a live process).
 *
 * @param {number} rootPid
 * @param {Map<number, { ppid: number; status: string }>} processes every process's parent and status text
 * @returns {number}
 */
export function treeRss(rootPid, processes) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [rootPid];
  const seen = new Set();
  while (stack.length) {
    const pid = /** @type {number} */ (stack.pop());
    if (seen.has(pid)) continue;
    seen.add(pid);
    const status = processes.get(pid)?.status;
    const m = status ? /^VmRSS:\s+(\d+)\s+kB/m.exec(status) : null;
    if (m) total += Number(m[1]) * 1024;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * The named fields of the form labelled `label` in a page's HTML, in document order, as a browser
 * would collect them into FormData before anyone types: hidden inputs with their values (React's
 * `$ACTION_…` fields among them), other inputs and selects by name with their initial value.
 *
 * @param {string} html
 * @param {string} label the form's aria-label
 * @returns {Array<{ name: string; type: string; value: string }>}
 */
export function formFields(html, label) {
  const start = [...html.matchAll(/<form\b[^>]*>/gi)].find((m) => attribute(m[0], "aria-label") === label);
  if (!start || start.index === undefined) throw new Error(`The page has no form labelled "${label}".`);
  const end = html.indexOf("</form>", start.index);
  const inner = html.slice(start.index + start[0].length, end < 0 ? undefined : end);
  /** @type {Array<{ name: string; type: string; value: string }>} */
  const fields = [];
  for (const m of inner.matchAll(/<(input|select|textarea)\b[^>]*>/gi)) {
    const name = attribute(m[0], "name");
    if (!name) continue;
    const tag = (m[1] ?? "").toLowerCase();
    const type = tag === "input" ? (attribute(m[0], "type") ?? "text").toLowerCase() : tag;
    fields.push({ name, type, value: attribute(m[0], "value") ?? "" });
  }
  return fields;
}

/**
 * An attribute's decoded value in one start tag, or undefined.
 *
 * @param {string} tag
 * @param {string} name
 */
function attribute(tag, name) {
  const escaped = name.replace(/[$()*+.?[\\\]^{|}]/g, "\\$&");
  const m = new RegExp(`\\s${escaped}=("([^"]*)"|'([^']*)')`, "i").exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
}
