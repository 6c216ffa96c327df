"use client";

import { usePathname } from "next/navigation";
import { splitLocalePath } from "@/lib/i18n/paths";
import enError from "@/messages/en/error.json";
import jaError from "@/messages/ja/error.json";

// Read straight from the message files (an area of their own, so that the page's script carries these
// words only): an error page depends on nothing that could itself have failed.
const TEXT = { en: enError, ja: jaError };

/** A public page that failed, in the language of its address. */
export function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { language } = splitLocalePath(usePathname() || "/");
  const t = TEXT[language ?? "en"] ?? TEXT.en;
  return (
    <div lang={language ?? undefined} className="mx-auto max-w-xl flex-1 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-brand-900">{t.title}</h1>
      <p className="mt-2 text-slate-600">{t.body}</p>
      {error.digest && (
        <p className="mt-2 text-sm text-slate-600">
          {t.reference.replace("{digest}", "")}
          <code className="font-mono">{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
        {t.retry}
      </button>
    </div>
  );
}
