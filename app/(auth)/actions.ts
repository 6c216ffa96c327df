"use server";

// Outside lib/action's wrapper: signing in is what gives a caller a session, so none can be required here.

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { endSessionVersion } from "@/db/queries/users";
import { auth, signIn, signOut } from "@/lib/auth";
import { continuePath, requestSignInLinkFor } from "@/lib/auth/sign-in-request";
import { ERRORS } from "@/lib/errors";
import { requestInfo } from "@/lib/request-info";
import { linkSignInSchema, passwordSignInSchema } from "@/lib/validations/auth";
import { z } from "zod";

/**
 * What a sign-in form shows after an attempt. The address typed is handed back so that the form keeps
 * it, also when the browser posted the form before the page's scripts ran; the password never is.
 */
export type SignInFormState = {
  email: string;
  message: string | null;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The link form: the address a link was asked for. */
  sentTo?: string;
};

function read(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return { email: text("email") ?? "", password: text("password") ?? "", next: text("next") || undefined };
}

function invalidState(email: string, error: z.ZodError): SignInFormState {
  return {
    email,
    message: ERRORS.invalid_input.message,
    fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[] | undefined>,
  };
}

/** Staff and admins sign in with email and password; a success goes on to the page asked for. */
export async function signInWithPassword(_previous: SignInFormState | undefined, formData: FormData): Promise<SignInFormState> {
  const input = read(formData);
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return invalidState(input.email, parsed.error);
  const { email, password, next } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") return { email: input.email, message: ERRORS.rate_limited.message };
    if (error instanceof AuthError) {
      return { email: input.email, message: "That email and password do not match an account that can sign in with a password." };
    }
    throw error;
  }
  // A path on this site, never the URL Auth.js built from the request's headers.
  redirect(continuePath(next));
}

/**
 * Emails a single-use sign-in link. The answer is the same whether or not the address has an
 * account, so the form cannot be used to find out who does (lib/auth/sign-in-request.ts).
 */
export async function requestSignInLink(_previous: SignInFormState | undefined, formData: FormData): Promise<SignInFormState> {
  const input = read(formData);
  const parsed = linkSignInSchema.safeParse(input);
  if (!parsed.success) return invalidState(input.email, parsed.error);
  const { email, next } = parsed.data;
  const { ip } = await requestInfo();
  if ((await requestSignInLinkFor(email, next, ip)) === "rate_limited") return { email: input.email, message: ERRORS.rate_limited.message };
  return { email: input.email, message: null, sentTo: email };
}

/**
 * Signs out. The session's version moves on, so a copy of its cookie taken before is refused from now
 * on (Auth.js's own sign-out endpoint does the same, lib/auth/config.ts events.signOut).
 */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.user?.id) await endSessionVersion(session.user.id, session.sessionVersion);
  await signOut({ redirect: false });
  redirect("/");
}
