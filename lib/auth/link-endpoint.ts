import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { authSecret } from "@/lib/env";
import { clientRateLimitKey } from "@/lib/request-info";
import { emailField } from "@/lib/validations/auth";
import { requestSignInLinkFor } from "./sign-in-request";

// Auth.js's basePath and the email provider's id (lib/auth/config.ts).
const LINK_ENDPOINT = /^\/api\/auth\/signin\/nodemailer\/*$/;
const CSRF_COOKIES = ["__Host-authjs.csrf-token", "authjs.csrf-token"];

/** Whether `req` asks Auth.js's email provider for a sign-in link. */
export function isSignInLinkRequest(req: NextRequest): boolean {
  return req.method === "POST" && LINK_ENDPOINT.test(req.nextUrl.pathname);
}

/**
 * Answers POST /api/auth/signin/nodemailer the way the sign-in form does (requestSignInLinkFor):
 * the same limits, no email to an unknown address, and the same answer for every address (the
 * "check your email" page). Auth.js's double-submit CSRF check is kept, as Auth.js itself would.
 */
export async function answerSignInLinkRequest(req: NextRequest): Promise<Response> {
  const origin = req.nextUrl.origin;
  let body: URLSearchParams;
  try {
    const type = req.headers.get("content-type") ?? "";
    body = type.includes("application/json")
      ? new URLSearchParams(Object.entries((await req.json()) as Record<string, string>).map(([k, v]) => [k, String(v)]))
      : new URLSearchParams(await req.text());
  } catch {
    body = new URLSearchParams();
  }
  const answer = (path: string) => {
    const url = `${origin}${path}`;
    // next-auth's client asks for the destination as JSON instead of a redirect.
    if (req.headers.has("x-auth-return-redirect")) return Response.json({ url });
    return new Response(null, { status: 302, headers: { location: url } });
  };

  if (!csrfTokenIsValid(req, body.get("csrfToken"))) return answer("/login?error=MissingCSRF");
  const email = emailField.safeParse(body.get("email") ?? "");
  if (!email.success) return answer("/login?error=EmailSignin");
  const outcome = await requestSignInLinkFor(email.data, nextFromCallbackUrl(body.get("callbackUrl"), origin), clientRateLimitKey(req.headers));
  return answer(outcome === "rate_limited" ? "/login?error=RateLimited" : "/login/check-email");
}

function csrfTokenIsValid(req: NextRequest, sent: string | null): boolean {
  if (!sent) return false;
  for (const name of CSRF_COOKIES) {
    const [token, hash] = (req.cookies.get(name)?.value ?? "").split("|");
    if (!token || !hash) continue;
    const expected = createHash("sha256").update(`${token}${authSecret()}`).digest("hex");
    if (equal(hash, expected) && equal(token, sent)) return true;
  }
  return false;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The path an Auth.js callbackUrl names on this site (relative or absolute), else nothing. */
function nextFromCallbackUrl(callbackUrl: string | null, origin: string): string | undefined {
  if (!callbackUrl) return undefined;
  if (callbackUrl.startsWith("/")) return callbackUrl;
  try {
    const url = new URL(callbackUrl);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}
