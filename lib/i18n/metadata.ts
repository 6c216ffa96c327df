import type { Metadata } from "next";
import { appUrl } from "@/lib/env";
import type { Language } from "./languages";
import type { PageLanguage } from "./page";
import { translator } from "./messages";

/** What every root layout gives its pages' metadata: the title pattern and the site's description. */
export function rootMetadata(language: Language = "en"): Metadata {
  return {
    title: { default: "Symposia", template: "%s · Symposia" },
    description: translator(language, "site")("siteDescription"),
  };
}

/**
 * A page's canonical address and its versions in the other enabled languages (`<link rel="alternate"
 * hreflang>`), absolute: search engines and readers fetch them from wherever they found the page.
 * `x-default` is the default language's, the unprefixed address.
 */
export function languageAlternates(page: Pick<PageLanguage, "languages" | "defaultLanguage" | "href">, path: string, language?: Language): NonNullable<Metadata["alternates"]> {
  const base = appUrl();
  const languages: Record<string, string> = Object.fromEntries(page.languages.map((l) => [l, `${base}${page.href(path, l)}`]));
  languages["x-default"] = `${base}${page.href(path, page.defaultLanguage)}`;
  return { canonical: `${base}${page.href(path, language)}`, languages };
}
