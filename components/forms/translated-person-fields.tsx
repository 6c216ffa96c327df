"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import { type Language, LANGUAGE_LABELS } from "@/lib/i18n/languages";
import type { TranslatedProfileField } from "@/lib/validations/profile";

type Props = {
  language: Language;
  register: (field: TranslatedProfileField) => UseFormRegisterReturn;
  errors?: Partial<Record<TranslatedProfileField, { message?: string }>>;
  /** A hint under the bio. */
  bioHint?: string;
  /** Each field's label, the language named in it; the staff area's English ones when left out. */
  labels?: Record<TranslatedProfileField, string>;
};

/**
 * A person's name, titles and bio as written in `language`, each labelled with it ("Family name
 * (Japanese)") and marked with `lang` so that the browser and screen readers treat the text as such.
 */
export function TranslatedPersonFields({ language, register, errors = {}, bioHint, labels }: Props) {
  const named = (field: TranslatedProfileField, label: string) => labels?.[field] ?? `${label} (${LANGUAGE_LABELS[language]})`;
  const text = (field: Exclude<TranslatedProfileField, "bio">, label: string) => (
    <Field label={named(field, label)} error={errors[field]?.message}>
      {(p) => <Input {...p} lang={language} autoComplete="off" {...register(field)} />}
    </Field>
  );
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr_1fr]">
        {text("honorific", "Honorific")}
        {text("givenName", "Given name")}
        {text("familyName", "Family name")}
      </div>
      {text("position", "Position")}
      {text("organization", "Organization")}
      <Field label={named("bio", "Bio")} error={errors.bio?.message} hint={bioHint}>
        {(p) => <Textarea {...p} lang={language} rows={6} {...register("bio")} />}
      </Field>
    </div>
  );
}
