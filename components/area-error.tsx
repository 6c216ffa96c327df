"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

type Props = { error: Error & { digest?: string }; reset: () => void; back: { href: string; label: string } };

/**
 * What an area (staff, panelist) shows in place of a page that failed, inside the area's own layout so that
 * its navigation stays. The reference is the server's digest of the error: support finds it in the logs.
 */
export function AreaError({ error, reset, back }: Props) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  // A server page that failed is fetched again (refresh) before the boundary renders it once more (reset).
  const retry = () =>
    startRetry(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="mx-auto max-w-xl space-y-4 py-10 text-center">
      <h1 className="text-2xl font-semibold text-brand-900">Something went wrong</h1>
      <p className="text-slate-600">We could not show this page. Please try again; if it keeps happening, tell the site&apos;s administrators.</p>
      {error.digest && (
        <p className="text-sm text-slate-600">
          Reference for support: <code className="font-mono">{error.digest}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center justify-center gap-4">
        <button type="button" onClick={retry} disabled={retrying} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
          Try again
        </button>
        <Link href={back.href}>{back.label}</Link>
      </div>
    </div>
  );
}
