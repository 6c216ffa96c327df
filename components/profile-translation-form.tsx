"use client";

import { useMemo } from "react";
import { saveProfileTranslation } from "@/app/(panelist)/me/actions";
import { TranslatedPersonFields } from "@/components/forms/translated-person-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Language } from "@/lib/i18n/languages";
import type { Messages } from "@/lib/i18n/messages";
import { profileTranslationSchema, type ProfileTranslationInput, TRANSLATED_PROFILE_FIELDS, type TranslatedProfileField } from "@/lib/validations/profile";

type Props = {
  personId: string;
  language: Language;
  /** What the form starts from: the proposal in this language waiting for review, else the public version. */
  initial: Record<TranslatedProfileField, string | null>;
  /** The panelist area's words, and the languages' names, in the area's language. */
  words: Messages["panelist"]["form"];
  languageLabel: string;
  defaultLanguageLabel: string;
};

/** The panelist's profile in one language other than the default, sent for review on its own. */
export function ProfileTranslationForm({ personId, language, initial, words, languageLabel, defaultLanguageLabel }: Props) {
  const key = TRANSLATED_PROFILE_FIELDS.map((f) => initial[f] ?? "").join("\u0000");
  const start = useMemo<ProfileTranslationInput>(
    () => ({ personId, language, ...Object.fromEntries(TRANSLATED_PROFILE_FIELDS.map((f) => [f, initial[f] ?? ""])) }),
    // The memo follows the values, not the object, which is new after every refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [personId, language, key],
  );
  const { form, message, onSubmit, errors, pending } = useActionForm(profileTranslationSchema, saveProfileTranslation, { defaultValues: start, values: start });
  const fill = (text: string) => text.replaceAll("{language}", languageLabel).replaceAll("{defaultLanguage}", defaultLanguageLabel);
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={fill(words.translationLabel)} className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <input type="hidden" {...form.register("personId")} />
      <input type="hidden" {...form.register("language")} />
      <TranslatedPersonFields
        language={language}
        register={(field) => form.register(field)}
        errors={errors}
        bioHint={fill(words.translationBioHint)}
        labels={
          Object.fromEntries(
            TRANSLATED_PROFILE_FIELDS.map((f) => [f, fill(words.translatedField).replace("{field}", words[f])]),
          ) as Record<TranslatedProfileField, string>
        }
      />
      <Button type="submit" pending={pending}>
        {fill(words.translationSend)}
      </Button>
    </form>
  );
}
