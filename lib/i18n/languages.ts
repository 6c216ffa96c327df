// The languages Symposia ships: interface messages, date formats and email texts exist for each.
// Adding one (French, say) is adding it here with its messages; the organization then enables it in
// the settings, and every record takes a version in it.

export const LANGUAGES = ["en", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name, written in that language: how a language switch offers it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ja: "日本語" };

/** Each language's name in English: how the staff area, which stays in English, names it. */
export const LANGUAGE_LABELS: Record<Language, string> = { en: "English", ja: "Japanese" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A record's fields in languages other than the organization's default, by language: `{ ja: { title: "…" } }`.
 * The default language's version is the record's own columns; a field missing here falls back to it.
 */
export type Translations<F extends string> = Partial<Record<Language, Partial<Record<F, string>>>>;
