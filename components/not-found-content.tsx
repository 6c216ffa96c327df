"use client";

import { usePathname } from "next/navigation";
import { SearchForm } from "@/components/search-form";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { splitLocalePath } from "@/lib/i18n/paths";

export type NotFoundMessages = { title: string; body: string; searchLabel: string; home: string; landmark: string; button: string };

/**
 * "Page not found", with a search box of its own (named apart from the header's, which the public pages
 * also show), in the language of the address asked for: a not-found page gets no params, so the
 * prefix is read from the address (in the server's HTML as well as in the browser).
 */
export function NotFoundContent({ messages, defaultLanguage }: { messages: Partial<Record<Language, NotFoundMessages>>; defaultLanguage: Language }) {
  const { language } = splitLocalePath(usePathname() || "/");
  const shown: Language = language && isLanguage(language) && messages[language] ? language : defaultLanguage;
  const t = messages[shown] ?? messages.en!;
  const home = shown === defaultLanguage ? "/" : `/${shown}`;
  return (
    <div lang={shown} className="mx-auto w-full max-w-xl flex-1 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-brand-900">{t.title}</h1>
      <p className="mt-2 text-slate-600">{t.body}</p>
      <SearchForm
        id="not-found-search"
        name={t.landmark}
        label={t.searchLabel}
        buttonLabel={t.button}
        action={shown === defaultLanguage ? "/search" : `/${shown}/search`}
        visibleLabel
        className="mx-auto mt-8 max-w-md text-left"
      />
      <p className="mt-6">
        <a href={home}>{t.home}</a>
      </p>
    </div>
  );
}
