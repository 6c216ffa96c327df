import { headers } from "next/headers";

export type RequestInfo = { ip: string | null; userAgent: string | null };

/** The client's address and agent for rate limits and the audit log; empty outside a request. */
export async function requestInfo(): Promise<RequestInfo> {
  try {
    const h = await headers();
    return { ip: clientIp(h), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}

/**
 * The client's address as the nearest proxy saw it: the last entry of X-Forwarded-For (earlier
 * entries are whatever the client claimed), else X-Real-IP. Null when no proxy said.
 */
export function clientIp(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return forwarded || h.get("x-real-ip")?.trim() || null;
}
