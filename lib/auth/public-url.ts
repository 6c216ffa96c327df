import { NextRequest } from "next/server";

/**
 * Auth.js builds its redirects from the request's URL. Behind `next start` that URL names the address
 * the server listens on, not the one the visitor used, so a sign-in link followed at
 * https://symposia.example.org would land the visitor on http://localhost:3000. With AUTH_URL set
 * Auth.js rewrites the URL itself; otherwise (AUTH_TRUST_HOST) the Host and X-Forwarded-* headers say
 * where the visitor is.
 */
export function withPublicUrl(req: NextRequest): NextRequest {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return req;
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host");
  if (!host) return req;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || req.nextUrl.protocol.replace(/:$/, "");
  if (proto !== "http" && proto !== "https") return req;
  const origin = `${proto}://${host}`;
  if (origin === req.nextUrl.origin) return req;
  return new NextRequest(req.nextUrl.href.replace(req.nextUrl.origin, origin), req);
}
