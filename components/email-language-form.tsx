"use client";

import { saveEmailLanguage } from "@/app/(panelist)/me/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/radio-group";
import { type Language, LANGUAGE_NAMES } from "@/lib/i18n/languages";
import type { Messages } from "@/lib/i18n/messages";
import { emailLanguageSchema } from "@/lib/validations/profile";

type Props = {
  /** The enabled languages, the default first. */
  languages: Language[];
  defaultLanguage: Language;
  /** The account's choice; null: the default. */
  current: Language | null;
  /** The panelist area's words, in its language. */
  words: Messages["panelist"]["form"];
};

/** Which of the enabled languages the panelist area and our emails to the panelist are written in. */
export function EmailLanguageForm({ languages, defaultLanguage, current, words }: Props) {
  const start = { language: current ?? defaultLanguage };
  const { form, message, onSubmit, errors, pending } = useActionForm(emailLanguageSchema, saveEmailLanguage, { defaultValues: start, values: start });
  const options = languages.map((value) => ({ value, label: <span lang={value}>{LANGUAGE_NAMES[value]}</span> }));
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="email-language-heading" className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <RadioGroup legend={words.languageLegend} options={options} error={errors.language?.message} {...form.register("language")} />
      <Button type="submit" variant="secondary" pending={pending}>
        {words.languageSave}
      </Button>
    </form>
  );
}
