import { isLanguage, type Language } from "./languages";
import { localePath } from "./paths";

type LanguageSettings = { defaultLanguage: Language; enabledLanguages: Language[] };

/**
 * The language a plain form was posted from (its hidden `lang` field): the language of the page it
 * sends back to. Anything else than an enabled language, the default.
 */
export function postedLanguage(lang: unknown, settings: LanguageSettings): Language {
  return isLanguage(lang) && settings.enabledLanguages.includes(lang) ? lang : settings.defaultLanguage;
}

/** The address of `path` in the language the form was posted from: `/ja/registrations/…` from a Japanese page. */
export function postedLanguagePath(path: string, lang: unknown, settings: LanguageSettings): string {
  return localePath(path, postedLanguage(lang, settings), settings.defaultLanguage);
}
