import { z } from "zod";
import { LANGUAGES, type Language } from "@/lib/i18n/languages";

/**
 * A record's text fields in the languages other than the default, as the staff type them beside the
 * default language's: each bounded like its default-language field, and optional (an empty one is dropped).
 */
/** What a malformed translations part of a form is told: only a tampered or stale form sends one. */
export const TRANSLATIONS_UNREADABLE = { error: "The translations could not be read. Reload the page and try again." };

/** The translations of a record by language, each language's fields checked by `fields`. */
export function translationsOf<T extends z.ZodRawShape>(fields: T) {
  return z.partialRecord(z.enum(LANGUAGES, TRANSLATIONS_UNREADABLE), z.object(fields, TRANSLATIONS_UNREADABLE), TRANSLATIONS_UNREADABLE);
}

export function translationsField<F extends string>(limits: Record<F, number>) {
  const fields = Object.fromEntries(
    Object.entries<number>(limits).map(([field, max]) => [field, z.string().trim().max(max, `Keep it under ${max} characters.`).optional()]),
  ) as Record<F, z.ZodOptional<z.ZodString>>;
  return translationsOf(fields).optional();
}

/** What the form sends for its translations: by language, by field. */
export type TypedTranslations<F extends string> = Partial<Record<Language, Partial<Record<F, string | undefined>>>>;
