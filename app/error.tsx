"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl flex-1 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-brand-900">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        We could not complete that. Please try again; if it keeps happening, tell the site&apos;s administrators
        {error.digest ? ` and quote reference ${error.digest}` : ""}.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
