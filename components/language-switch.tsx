"use client";

import { usePathname } from "next/navigation";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";
import { localePath, splitLocalePath } from "@/lib/i18n/paths";

/**
 * Links to this page in the site's other languages. The address comes from the one being shown, so
 * the links are in the server's HTML (they work without scripts) and the page itself stays cacheable.
 * Plain links: each language has a root layout of its own, so the browser loads the page afresh.
 */
export function LanguageSwitch({
  language,
  defaultLanguage,
  languages,
  label,
}: {
  language: Language;
  defaultLanguage: Language;
  languages: Language[];
  label: string;
}) {
  const { path } = splitLocalePath(usePathname() || "/");
  if (languages.length < 2) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-3 text-sm">
      {languages.map((l) =>
        l === language ? (
          <span key={l} lang={l} aria-current="page" className="font-semibold text-slate-900">
            {LANGUAGE_NAMES[l]}
          </span>
        ) : (
          <a key={l} href={localePath(path, l, defaultLanguage)} lang={l} hrefLang={l} className="text-slate-700 hover:text-brand-700">
            {LANGUAGE_NAMES[l]}
          </a>
        ),
      )}
    </nav>
  );
}
