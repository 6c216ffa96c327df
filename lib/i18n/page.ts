import "server-only";
import { notFound } from "next/navigation";
import { getLanguageSettings } from "@/db/queries/settings";
import { prerenderingAtBuild } from "@/lib/public-cache";
import { isLanguage, type Language } from "./languages";
import { localePath } from "./paths";

/** The route params of a public page: `lang` only under `/[lang]/…`, the other enabled languages. */
export type LangParams = { lang?: string };

/** The language a public page is shown in, and how its addresses are written. */
export type PageLanguage = {
  language: Language;
  defaultLanguage: Language;
  /** The enabled languages, the default first: the page's alternates and the language switch. */
  languages: Language[];
  /** This site's address of `path` in `language` (the page's own language when left out). */
  href: (path: string, language?: Language) => string;
};

/**
 * The page's language from its params: the default language at an unprefixed address, the named one
 * under `/[lang]/…`. A prefix that is not an enabled language other than the default is not found
 * (the default language's pages have one address only: the unprefixed one).
 *
 * `lenient` is for the layout: it draws such an address in the default language, and the page inside,
 * which reads the same params strictly, answers "not found" within it.
 */
export async function pageLanguage(params: Promise<LangParams> | LangParams | undefined, { lenient = false } = {}): Promise<PageLanguage> {
  const { lang } = (await params) ?? {};
  // `next build` has no database: the few pages it prerenders are placeholders in the default language.
  const { defaultLanguage, enabledLanguages } = prerenderingAtBuild()
    ? { defaultLanguage: "en" as Language, enabledLanguages: ["en" as Language] }
    : await getLanguageSettings();
  const languages = [defaultLanguage, ...enabledLanguages.filter((l) => l !== defaultLanguage)];
  let language = defaultLanguage;
  if (lang !== undefined) {
    if (isLanguage(lang) && lang !== defaultLanguage && languages.includes(lang)) language = lang;
    else if (!lenient) notFound();
  }
  return { language, defaultLanguage, languages, href: (path, to = language) => localePath(path, to, defaultLanguage) };
}

/** The language of a feed or other file under `/[lang]/…`; null for a prefix that names no other enabled language. */
export async function fileLanguage(params: Promise<LangParams> | LangParams | undefined): Promise<PageLanguage | null> {
  const { lang } = (await params) ?? {};
  const page = await pageLanguage(params, { lenient: true });
  return lang !== undefined && page.language !== lang ? null : page;
}
