// @ts-check
// Plain JavaScript: the server entry (scripts/server.mjs) runs under Node without a build step.
import { isIP } from "node:net";

/**
 * The request header that carries the client's address from the server entry to the app. The entry
 * removes any copy a client sent, so the app can believe it; nothing else may set it.
 */
export const CLIENT_ADDRESS_HEADER = "x-symposia-client-address";

/**
 * Reads TRUSTED_PROXY_HOPS: a whole number of proxies in front of the app, 0 when unset.
 *
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseTrustedHops(value) {
  if (value === undefined || value === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of the app); got "${value}".`);
  }
  return hops;
}

/**
 * An address as written, without brackets, zone or port; IPv4-mapped IPv6 becomes plain IPv4.
 *
 * @param {string | undefined | null} raw
 * @returns {string | null}
 */
export function normalizeAddress(raw) {
  if (typeof raw !== "string") return null;
  let address = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.9:51000" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  address = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return address.toLowerCase();
  return null;
}

/**
 * The client's address for a request that reached the app from `socketAddress`. With no trusted
 * proxy that is the socket's address and X-Forwarded-For is ignored (a client can write anything
 * there). With `hops` proxies in front, each appends the address it received from, so the client is
 * the entry `hops` places from the end; the entries before it are the client's own claims.
 * Null when no usable address is known.
 *
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 * @returns {string | null}
 */
export function resolveClientAddress(socketAddress, forwardedFor, hops) {
  if (hops <= 0) return normalizeAddress(socketAddress);
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header.split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return normalizeAddress(socketAddress);
  // Fewer entries than proxies: every entry was written by a trusted proxy, the first is the client.
  return normalizeAddress(entries[Math.max(0, entries.length - hops)]);
}

/**
 * The key rate limits count a client under: an IPv4 address as it is, an IPv6 address by its /64
 * prefix (one subscriber usually holds a whole /64, so counting single addresses would be void).
 *
 * @param {string | null | undefined} address
 * @returns {string | null}
 */
export function rateLimitKey(address) {
  const normalized = normalizeAddress(address ?? undefined);
  if (!normalized || isIP(normalized) !== 6) return normalized;
  const groups = expandIPv6(normalized);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : normalized;
}

/**
 * The eight 16-bit groups of an IPv6 address, without leading zeros, or null.
 *
 * @param {string} address
 * @returns {string[] | null}
 */
function expandIPv6(address) {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a = 0, b = 0, c = 0, d = 0] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array(fill).fill("0"), ...tail];
  if (groups.length !== 8) return null;
  return groups.map((g) => parseInt(g, 16).toString(16));
}

/**
 * Puts the client's address on an incoming request for the app (scripts/server.mjs, for every
 * request): a copy the client sent is removed first, so the header holds only what the server found.
 *
 * @param {{ socket: { remoteAddress?: string }, headers: Record<string, string | string[] | undefined> }} req
 * @param {number} hops
 */
export function applyClientAddress(req, hops) {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
}
