import type { Event, Series } from "@/db/schema";
import { type Language, LANGUAGES } from "@/lib/i18n/languages";
import * as en from "@/lib/names";
import * as ja from "@/lib/names-ja";

// What a copied event is called, in each language Symposia ships: the default language's version is the
// copy's own title, the others its translations.

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** "WPS + Innovation: Sixth meeting", "「WPS＋イノベーション」第6回会合". */
const NEXT_MEETING: Record<Language, (series: string, number: number) => string> = {
  en: (series, number) => `${series}: ${capitalized(en.ordinalWord(number))} meeting`,
  ja: (series, number) => `「${series}」${ja.seriesMeetingPhrase(number)}`,
};

/** "Open day (copy)", "オープンデー（コピー）". */
const COPY_OF: Record<Language, (title: string) => string> = {
  en: (title) => `${title} (copy)`,
  ja: (title) => `${title}（コピー）`,
};

type Copy = Pick<Event, "title" | "description" | "translations">;

/**
 * The next meeting of `series`: titled by its name and number in each language the series has a name in
 * (others fall back to the default's title), with no description, since it has a subject of its own.
 */
export function nextMeetingCopy(series: Pick<Series, "name" | "translations">, number: number, defaultLanguage: Language): Copy {
  const translations: Event["translations"] = {};
  for (const language of LANGUAGES) {
    const name = series.translations[language]?.name;
    if (language !== defaultLanguage && name) translations[language] = { title: NEXT_MEETING[language](name, number) };
  }
  return { title: NEXT_MEETING[defaultLanguage](series.name, number), description: null, translations };
}

/** The same event again, marked as a copy in each language, its description and translations kept. */
export function duplicateCopy(source: Copy, defaultLanguage: Language): Copy {
  const translations: Event["translations"] = {};
  for (const language of LANGUAGES) {
    const fields = source.translations[language];
    if (language === defaultLanguage || !fields) continue;
    translations[language] = { ...fields, ...(fields.title ? { title: COPY_OF[language](fields.title) } : {}) };
  }
  return { title: COPY_OF[defaultLanguage](source.title), description: source.description, translations };
}
