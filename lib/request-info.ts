import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, rateLimitKey } from "./client-address.mjs";

export type RequestInfo = {
  /** The client as rate limits count it: an IPv4 address, or an IPv6 address's /64 prefix. */
  ip: string | null;
  /** The client's full address, for the record. */
  address: string | null;
  userAgent: string | null;
};

/** The client's address and agent for rate limits and the audit log; empty outside a request. */
export async function requestInfo(): Promise<RequestInfo> {
  try {
    const h = await headers();
    const address = clientIp(h);
    return { ip: rateLimitKey(address), address, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
  } catch {
    return { ip: null, address: null, userAgent: null };
  }
}

/**
 * The client's address as the server entry (scripts/server.mjs) worked it out from the connection and
 * TRUSTED_PROXY_HOPS. X-Forwarded-For and X-Real-IP are never read here: a client writes them at will.
 * Null when the request did not come through that entry (then the client is unknown).
 */
export function clientIp(h: Headers): string | null {
  return h.get(CLIENT_ADDRESS_HEADER)?.trim() || null;
}

/** The rate-limit key of a request's client (IPv6 by /64), or null when unknown. */
export function clientRateLimitKey(h: Headers): string | null {
  return rateLimitKey(clientIp(h));
}
