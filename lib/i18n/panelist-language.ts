import type { Language } from "./languages";

type LanguageSettings = { defaultLanguage: Language; enabledLanguages: Language[] };

/**
 * The language of the panelist area for one account: the one the panelist chose on /me (which their
 * emails follow too) while the organization offers it, else the organization's default.
 */
export function panelistLanguage(chosen: Language | null | undefined, settings: LanguageSettings): Language {
  return chosen && settings.enabledLanguages.includes(chosen) ? chosen : settings.defaultLanguage;
}
