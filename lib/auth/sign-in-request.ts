import "server-only";
import { db } from "@/db";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { getActiveUserByEmail } from "@/db/queries/users";
import { safeNextPath } from "@/lib/validations/auth";
import { createSignInLink } from "./invitation-link";
import { sendSignInLink } from "./sign-in-email";
import { signInLinkLimits } from "./sign-in-limits";

export type SignInLinkOutcome = "answered" | "rate_limited";

/** Where a fresh sign-in lands: /login/continue, which sends each person on to `next` or their own area. */
export function continuePath(next: string | null | undefined): string {
  const safe = safeNextPath(next);
  return safe ? `/login/continue?next=${encodeURIComponent(safe)}` : "/login/continue";
}

/**
 * The one way to ask for an emailed sign-in link: the form's action and Auth.js's own endpoint
 * (POST /api/auth/signin/nodemailer) both come here. Every request counts against the address's and
 * the client's limits; an address without an active account gets no email and the same answer as one
 * with, so the answer never tells who has an account. The link is built from the configured origin
 * (appUrl), never from the request.
 */
export async function requestSignInLinkFor(
  email: string,
  next: string | null | undefined,
  client: string | null,
): Promise<SignInLinkOutcome> {
  if (!(await hitRateLimits(signInLinkLimits(email, client)))) return "rate_limited";
  const user = await getActiveUserByEmail(email);
  if (user) {
    const link = await createSignInLink(user.email, continuePath(next), db);
    await sendSignInLink(user.email, link.url, link.expires, user.language);
  }
  return "answered";
}
