import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Executor } from "@/db";
import { verificationTokens } from "@/db/schema";
import { appUrl, authSecret } from "@/lib/env";
import { SIGN_IN_LINK_MINUTES } from "./config";

// The provider's id in lib/auth/config.ts: the callback URL names it.
const PROVIDER = "nodemailer";

/** Auth.js keeps only sha256(token + secret), in hex, so a leaked table holds no usable link. */
export function hashVerificationToken(token: string, secret = authSecret()): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/**
 * A single-use email sign-in link made the way Auth.js's email provider makes one, so that its
 * callback accepts it: a random token, its hash stored for `email`, and a URL that signs in and then
 * opens `callbackPath`. Written in the caller's transaction, beside the email that carries it.
 */
export async function createSignInLink(
  email: string,
  callbackPath: string,
  executor: Executor,
  now = new Date(),
): Promise<{ url: string; expires: Date; minutes: number }> {
  const identifier = email.trim().toLowerCase();
  const token = randomBytes(32).toString("hex");
  const expires = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  await executor.insert(verificationTokens).values({ identifier, token: hashVerificationToken(token), expires });
  const base = appUrl();
  const params = new URLSearchParams({ callbackUrl: `${base}${callbackPath}`, token, email: identifier });
  return { url: `${base}/api/auth/callback/${PROVIDER}?${params}`, expires, minutes: SIGN_IN_LINK_MINUTES };
}
