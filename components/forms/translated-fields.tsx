"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import { type Language, LANGUAGE_LABELS } from "@/lib/i18n/languages";

type TranslatedProps = {
  /** The enabled languages besides the default: none, and the default-language field stands alone. */
  languages: readonly Language[];
  /** The default-language field, as the form shows it when only one language is enabled. */
  children: ReactNode;
  /** The same field in `language`. */
  translation: (language: Language) => ReactNode;
};

/** A default-language field with its versions in the other enabled languages beside it (below it on a phone). */
export function Translated({ languages, children, translation }: TranslatedProps) {
  if (languages.length === 0) return children;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>{children}</div>
      {languages.map((language) => (
        <div key={language}>{translation(language)}</div>
      ))}
    </div>
  );
}

type TranslatedFieldProps = {
  label: string;
  language: Language;
  error?: string;
  registration: UseFormRegisterReturn;
  /** Rows of a text area; without it, a one-line input. */
  rows?: number;
  hint?: ReactNode;
};

/** One field in another language: "Title (Japanese)", its control marked with that language. */
export function TranslatedField({ label, language, error, registration, rows, hint }: TranslatedFieldProps) {
  return (
    <Field label={`${label} (${LANGUAGE_LABELS[language]})`} error={error} hint={hint}>
      {(p) => (rows ? <Textarea {...p} lang={language} rows={rows} {...registration} /> : <Input {...p} lang={language} {...registration} />)}
    </Field>
  );
}

/** A form's `register`, for the fields of its `translations`. */
export type RegisterTranslation = (name: `translations.${Language}.${string}`) => UseFormRegisterReturn;
type TranslationErrors = Partial<Record<Language, Partial<Record<string, { message?: string }>>>>;

/** `Translated`'s `translation` for one field of a form whose values hold `translations` by language and field. */
export function translationOf(register: RegisterTranslation, errorsOfTranslations: unknown, field: string, label: string, rows?: number) {
  // react-hook-form's nested errors, read by language and field.
  const errors = errorsOfTranslations as TranslationErrors | undefined;
  return function TranslationOf(language: Language) {
    return <TranslatedField label={label} language={language} rows={rows} error={errors?.[language]?.[field]?.message} registration={register(`translations.${language}.${field}`)} />;
  };
}

/** A form's width: wider when fields stand side by side in two languages or more. */
export const formWidth = (languages: readonly Language[]) => (languages.length > 0 ? "max-w-5xl" : "max-w-2xl");
