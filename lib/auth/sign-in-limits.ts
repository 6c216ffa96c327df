import type { RateLimitCheck } from "@/db/queries/rate-limits";

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed password attempts: 10 per account and 30 per client in 15 minutes. Only failures count
 * (lib/auth/config.ts hands a successful attempt back), and link requests have buckets of their own,
 * so a stranger asking for links cannot keep anyone from signing in with a password. When the
 * client is unknown only the account's limit applies: one shared bucket would let anyone lock
 * everyone out.
 */
export function passwordSignInLimits(email: string, client: string | null): RateLimitCheck[] {
  const limits = [{ key: `sign-in:password:email:${email}`, limit: 10, windowSeconds: WINDOW_SECONDS }];
  if (client) limits.push({ key: `sign-in:password:client:${client}`, limit: 30, windowSeconds: WINDOW_SECONDS });
  return limits;
}

/**
 * Sign-in link requests, each counted whether or not the address has an account: 5 per address (so
 * nobody's mailbox can be flooded) and 30 per client in 15 minutes.
 */
export function signInLinkLimits(email: string, client: string | null): RateLimitCheck[] {
  const limits = [{ key: `sign-in:link:email:${email}`, limit: 5, windowSeconds: WINDOW_SECONDS }];
  if (client) limits.push({ key: `sign-in:link:client:${client}`, limit: 30, windowSeconds: WINDOW_SECONDS });
  return limits;
}
