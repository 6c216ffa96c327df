import type { Metadata } from "next";
import Link from "next/link";
import { LinkSignInForm, PasswordSignInForm } from "@/components/login-forms";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth";
import { safeNextPath } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Sign in" };

const AUTH_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "That account cannot sign in. Ask an administrator if you think this is a mistake.",
  RateLimited: "Too many attempts. Please wait a few minutes and try again.",
};

type Props = { searchParams: Promise<{ next?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next: rawNext, error } = await searchParams;
  const next = safeNextPath(rawNext);
  const user = await getCurrentUser();

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold text-brand-900">Sign in</h1>
      {error && <Alert tone="error">{AUTH_ERRORS[error] ?? "Sign-in did not work. Please try again."}</Alert>}
      {user && (
        <Alert tone="info">
          You are signed in as {user.email}. <Link href={next ?? (user.role === "panelist" ? "/me" : "/admin")}>Continue</Link>
        </Alert>
      )}
      <PasswordSignInForm next={next} />
      <hr className="border-slate-200" />
      <LinkSignInForm next={next} />
    </div>
  );
}
