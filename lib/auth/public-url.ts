import { NextRequest } from "next/server";
import { appUrl } from "@/lib/env";

/**
 * The request as Auth.js should see it: at the site's configured origin (appUrl). Auth.js builds its
 * redirects and links from the request's URL, and behind `next start` that URL names the address the
 * server listens on. It is never rebuilt from Host or X-Forwarded-Host: a client writes those at will,
 * and a sign-in email must not carry a link to wherever a client said the site was.
 */
export function withPublicUrl(req: NextRequest): NextRequest {
  const origin = new URL(appUrl()).origin;
  if (origin === req.nextUrl.origin) return req;
  return new NextRequest(req.nextUrl.href.replace(req.nextUrl.origin, origin), req);
}
