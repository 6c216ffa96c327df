import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-brand-900">Check your email</h1>
      <p>If the address belongs to an account, a sign-in link is on its way. It works once, within 15 minutes.</p>
      <p>
        <Link href="/login">Back to sign-in</Link>
      </p>
    </div>
  );
}
