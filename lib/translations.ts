import { LANGUAGES, type Translations } from "@/lib/i18n/languages";
import { withTranslation } from "@/lib/i18n/localize";
import type { TypedTranslations } from "@/lib/validations/translations";

/**
 * A record's translations after an edit: each language the form sent has the fields it sent replaced
 * (an emptied one dropped); a language or field it did not send (a language since turned off) stays.
 * The record's own object comes back when nothing changed, so no change is recorded.
 */
export function mergeTranslations<F extends string>(current: Translations<F>, typed: TypedTranslations<F> | undefined): Translations<F> {
  let next: Translations<F> = current ?? {};
  for (const language of LANGUAGES) {
    const fields = typed?.[language];
    if (!fields) continue;
    const sent = Object.fromEntries(Object.entries(fields).filter(([, text]) => text !== undefined)) as Partial<Record<F, string>>;
    next = withTranslation(next, language, { ...next[language], ...sent });
  }
  return sameTranslations(next, current ?? {}) ? current : next;
}

/** Equal by content: a stored jsonb object comes back with its keys in another order. */
function sameTranslations<F extends string>(a: Translations<F>, b: Translations<F>): boolean {
  const flat = (t: Translations<F>) =>
    JSON.stringify(
      Object.entries(t)
        .flatMap(([language, fields]) => Object.entries(fields ?? {}).map(([field, text]) => [language, field, text]))
        .sort(),
    );
  return flat(a) === flat(b);
}

/** The form's starting values for a record's translations: every field of every language shown, empty when missing. */
export function translationDefaults<F extends string>(
  current: Translations<F> | undefined,
  languages: readonly (typeof LANGUAGES)[number][],
  fields: readonly F[],
): TypedTranslations<F> {
  return Object.fromEntries(
    languages.map((language) => [language, Object.fromEntries(fields.map((field) => [field, current?.[language]?.[field] ?? ""]))]),
  ) as TypedTranslations<F>;
}

/** A form's values as a record's: the typed translations merged into the record's `current` ones. */
export function translated<F extends string, V extends { translations?: TypedTranslations<F> }>(
  values: V,
  current: Translations<F> = {},
): Omit<V, "translations"> & { translations: Translations<F> } {
  const { translations, ...rest } = values;
  return { ...rest, translations: mergeTranslations(current, translations) };
}
