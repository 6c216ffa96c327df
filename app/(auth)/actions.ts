"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { getActiveUserByEmail } from "@/db/queries/users";
import { signIn, signOut } from "@/lib/auth";
import { signInRateLimits } from "@/lib/auth/config";
import { type ActionResult, ERRORS, fail, invalid } from "@/lib/errors";
import { requestInfo } from "@/lib/request-info";
import { linkSignInSchema, passwordSignInSchema, safeNextPath } from "@/lib/validations/auth";

function continuePath(next: string | undefined): string {
  const safe = safeNextPath(next);
  return safe ? `/login/continue?next=${encodeURIComponent(safe)}` : "/login/continue";
}

/** Staff and admins sign in with email and password. */
export async function signInWithPassword(input: unknown): Promise<ActionResult> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, password, next } = parsed.data;
  try {
    // On success this throws Next's redirect, which must reach the framework.
    await signIn("credentials", { email, password, redirectTo: continuePath(next) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") return fail(ERRORS.rate_limited.message);
    if (error instanceof AuthError) return fail("That email and password do not match an account that can sign in with a password.");
    throw error;
  }
  return { ok: true, data: undefined };
}

/**
 * Emails a single-use sign-in link. The answer is the same whether or not the address has an
 * account, so the form cannot be used to find out who does.
 */
export async function requestSignInLink(input: unknown): Promise<ActionResult> {
  const parsed = linkSignInSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, next } = parsed.data;
  const { ip } = await requestInfo();
  if (!(await hitRateLimits(signInRateLimits(email, ip)))) return fail(ERRORS.rate_limited.message);
  if (await getActiveUserByEmail(email)) {
    await signIn("nodemailer", { email, redirect: false, redirectTo: continuePath(next) });
  }
  return { ok: true, data: undefined };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
