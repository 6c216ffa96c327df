import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Registration data deleted", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ cancelled?: string }> };

/** Where "Delete my registration data" lands: the manage page it came from no longer exists. */
export default async function RegistrationDeletedPage({ searchParams }: Props) {
  const { cancelled } = await searchParams;
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-semibold text-brand-900">Your registration data is deleted</h1>
      {cancelled === "1" && <p className="text-lg">Your registration was cancelled first, and its place went to the next person waiting.</p>}
      <p>
        We removed your name, email address, organization and answers from the registration, and the text of the emails we sent you
        about it. Only the fact that a registration existed stays, with its status and dates, for the event&apos;s numbers.
      </p>
      <p>The link you used no longer works: it now leads to a page that is not found.</p>
      {cancelled === "1" && <p>If you want to come after all, you can register again on the event&apos;s page while registration is open.</p>}
      <p>
        <Link href="/">See upcoming events</Link> · <Link href="/privacy">Privacy notice</Link>
      </p>
    </article>
  );
}
