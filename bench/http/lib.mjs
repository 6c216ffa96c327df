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

/** The public registration form's aria-label, and the module of the Server Action it calls. */
export const REGISTRATION_FORM = "Register for this event";
export const REGISTRATION_ACTION_MODULE = "app/(public)/events/[slug]/actions.ts";

/**
 * The Next-Router-State-Tree header a browser sends with a Server Action called from /events/<slug>.
 *
 * @param {string} slug
 */
export function eventRouterState(slug) {
  return encodeURIComponent(
    JSON.stringify(["", { children: ["(public)", { children: ["events", { children: [["slug", slug, "d", null], { children: ["__PAGE__", {}, null, null, 1024] }, null, null, 1024] }, null, null, 1024] }, null, null, 1024] }, null, null, 1040]),
  );
}

/**
 * The fields of the registration form on an event page, checked against the build's action id: a
 * page whose form names another action would be sent requests it never gets from a browser.
 *
 * @param {string} html the event page
 * @param {string} actionId
 */
export function registrationFormFields(html, actionId) {
  const fields = formFields(html, REGISTRATION_FORM);
  const bound = fields.find((f) => /^\$ACTION_\d+:0$/.test(f.name));
  if (bound && !bound.value.includes(`"${actionId}"`)) {
    throw new Error(`The registration form names another action than the build's manifest (${actionId}): ${bound.value}`);
  }
  return fields;
}

/**
 * What one person types into the registration form: the i-th of a load test's people, each with an
 * address of their own and a fresh idempotency key.
 *
 * @param {number} i
 * @param {{ prefix: string; domain: string; name?: string; idempotencyKey: string }} options
 * @returns {Record<string, string>}
 */
export function registrant(i, { prefix, domain, name = "Bench Person", idempotencyKey }) {
  return {
    name: `${name} ${i}`,
    email: `${prefix}${i}@${domain}`,
    organization: i % 3 === 0 ? "Permanent Mission" : "",
    category: "Government",
    website: "",
    consent: "on",
    idempotencyKey,
  };
}

/**
 * The request a browser's script sends when someone fills in the registration form on
 * `origin`/events/<slug> and submits it: the form's fields as the page served them, with what the
 * person typed, encoded as React encodes a form action's arguments, posted to the page with the
 * action's id. The caller adds the transport's headers (encoding, client address).
 *
 * @param {{ origin: string; slug: string; actionId: string; fields: ReadonlyArray<{ name: string; type: string; value: string }>; typed: Record<string, string>; boundary: string }} options
 * @returns {{ path: string; body: string; headers: Record<string, string> }}
 */
export function registrationPost({ origin, slug, actionId, fields, typed, boundary }) {
  const path = `/events/${slug}`;
  /** @type {Array<[string, string]>} */
  const formData = [];
  for (const f of fields) {
    if (f.type === "checkbox") {
      if (typed[f.name]) formData.push([f.name, typed[f.name] ?? "on"]);
    } else formData.push([f.name, typed[f.name] ?? f.value]);
  }
  const { body, contentType } = actionFormBody({ status: "idle" }, formData, boundary);
  return {
    path,
    body,
    headers: {
      accept: "text/x-component",
      "content-type": contentType,
      "next-action": actionId,
      "next-router-state-tree": eventRouterState(slug),
      origin,
      referer: origin + path,
    },
  };
}

/**
 * @typedef {{ capacity: number; registrations: Array<{ email: string; status: string }>; emails: Array<{ to: string; kind: string; status: string; count: number }> }} RushRows
 */

/**
 * What the database holds after a registration rush against what the answers said. With
 * `everyAnswer` each request must have been answered "done" (nothing lost); without it (a server
 * died under the rush) a request may have gone unanswered, but every "done" answer must still have
 * its row. Either way the seats go to the first comers up to the capacity, nobody holds two rows, and
 * every row has exactly one confirmation or waitlist email in the outbox.
 *
 * @param {{ done: string[]; total: number }} rush the addresses answered "done", and how many requests were sent
 * @param {RushRows} found what bench/http/database.ts verify read for the rush's event and domain
 * @param {{ domain: string; everyAnswer: boolean }} options
 */
export function checkRush(rush, found, { domain, everyAnswer }) {
  const rows = found.registrations.filter((r) => r.email.endsWith(`@${domain}`));
  const byEmail = new Map(rows.map((r) => [r.email, r.status]));
  const confirmed = rows.filter((r) => r.status === "confirmed").length;
  const waitlisted = rows.filter((r) => r.status === "waitlisted").length;
  const missingRows = rush.done.filter((e) => !byEmail.has(e)).length;
  /** @type {Map<string, number>} */
  const mails = new Map();
  for (const m of found.emails) mails.set(m.to.toLowerCase(), (mails.get(m.to.toLowerCase()) ?? 0) + m.count);
  const badEmails = rows.filter((r) => mails.get(r.email) !== 1).length;
  const duplicates = rows.length - byEmail.size;
  const problems = [];
  if (everyAnswer && rush.done.length !== rush.total) problems.push(`${rush.total - rush.done.length} of ${rush.total} registrations were not answered "done"`);
  if (confirmed !== Math.min(found.capacity, rows.length)) problems.push(`${confirmed} confirmed for ${found.capacity} seats`);
  if (confirmed + waitlisted !== rows.length) problems.push(`${rows.length - confirmed - waitlisted} rows neither confirmed nor waitlisted`);
  if (missingRows) problems.push(`${missingRows} "done" answers without a registration row`);
  if (everyAnswer && rows.length !== rush.done.length) problems.push(`${rows.length} rows for ${rush.done.length} "done" answers`);
  if (rows.length > rush.total) problems.push(`${rows.length} rows for ${rush.total} people`);
  if (duplicates) problems.push(`${duplicates} people registered twice`);
  if (badEmails) problems.push(`${badEmails} registrations without exactly one confirmation or waitlist email`);
  return { ok: problems.length === 0, confirmed, waitlisted, rows: rows.length, missingRows, badEmails, problems };
}
