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

/** The first address of X-Forwarded-For (set by the proxy in front of the app), else X-Real-IP. */
export function clientIp(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip")?.trim() || null;
}
