import type { Language, Translations } from "./languages";

/** A text as shown, with the language it is written in: a fallback is marked with `lang` on its element. */
export type LocalizedText = { text: string; lang: Language };

/**
 * A record's field in `language`: its translation, or the default language's version (the record's own
 * column) when it has none. Null when neither has text.
 */
export function localized<F extends string>(
  record: { translations: Translations<F> } & { [K in F]: string | null },
  field: F,
  language: Language,
  defaultLanguage: Language,
): LocalizedText | null {
  if (language !== defaultLanguage) {
    const translated = record.translations[language]?.[field]?.trim();
    if (translated) return { text: translated, lang: language };
  }
  const own = record[field]?.trim();
  return own ? { text: own, lang: defaultLanguage } : null;
}

/** The `lang` attribute an element needs inside a page in `pageLanguage`: only where the text falls back. */
export function langAttribute(text: LocalizedText | null, pageLanguage: Language): Language | undefined {
  return text && text.lang !== pageLanguage ? text.lang : undefined;
}

/** Translations with one language's fields replaced: empty fields are dropped, and a language left with none. */
export function withTranslation<F extends string>(
  current: Translations<F>,
  language: Language,
  fields: Partial<Record<F, string | null | undefined>>,
): Translations<F> {
  const kept = Object.fromEntries(
    Object.entries(fields)
      .map(([k, v]) => [k, typeof v === "string" ? v.trim() : ""] as const)
      .filter(([, v]) => v !== ""),
  ) as Partial<Record<F, string>>;
  const next: Translations<F> = { ...current };
  if (Object.keys(kept).length > 0) next[language] = kept;
  else delete next[language];
  return next;
}

/** A record's texts in one language, each with the language it came out in (a fallback differs). */
export type InLanguage<F extends string> = { [K in F]: string | null } & { langOf: Partial<Record<F, Language>> };

/**
 * `fields` of a record in `language`, falling back field by field to the default language's version
 * (the record's own columns). `langOf` names the language of each text shown, for `langAttribute`:
 * `<h1 lang={langAttribute(e.langOf.title, page)}>`.
 */
export function inLanguage<F extends string>(
  record: { translations: Translations<F> } & { [K in F]: string | null },
  fields: readonly F[],
  language: Language,
  defaultLanguage: Language,
): InLanguage<F> {
  const out = { langOf: {} } as InLanguage<F>;
  for (const field of fields) {
    const text = localized(record, field, language, defaultLanguage);
    (out as Record<F, string | null>)[field] = text?.text ?? null;
    if (text) out.langOf[field] = text.lang;
  }
  return out;
}

/** The `lang` attribute for a text in language `lang` shown on a page in `pageLanguage`: only where they differ. */
export function langOfText(lang: Language | undefined, pageLanguage: Language): Language | undefined {
  return lang && lang !== pageLanguage ? lang : undefined;
}
