"use client";

import { saveLanguages, saveRetention, saveSettings } from "@/app/(staff)/admin/settings/actions";
import { SuggestInput } from "@/components/forms/suggest-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldNotes, Input, Options, Select } from "@/components/ui/field";
import { LANGUAGE_LABELS, LANGUAGES } from "@/lib/i18n/languages";
import { type LanguagesInput, languagesSchema, RETENTION_MONTHS, type RetentionInput, retentionSchema, type SettingsInput, settingsSchema } from "@/lib/validations/settings";

type Props = { defaultValues: SettingsInput; timeZones: string[] };

/** The organization's name, its home clock and the label above published summaries. */
export function SettingsForm({ defaultValues, timeZones }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(settingsSchema, saveSettings, {
    defaultValues,
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Organization settings" className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label="Organization name" error={errors.organizationName?.message} hint="Heads every public page and the letterhead of printed summaries.">
        {(p) => <Input {...p} autoComplete="organization" {...form.register("organizationName")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Home time zone"
          error={errors.homeTimeZone?.message}
          hint="Times abroad are also shown in this zone: “4:35 p.m. (local time; March 19, 5:35 a.m. JST)”."
        >
          {(p) => (
            <SuggestInput {...p} suggestions={timeZones} autoComplete="off" spellCheck={false} placeholder="Asia/Tokyo" {...form.register("homeTimeZone")} />
          )}
        </Field>
        <Field label="Short name of the home time" error={errors.homeTimeZoneLabel?.message} hint="As readers know it, like JST or CET.">
          {(p) => <Input {...p} autoComplete="off" spellCheck={false} {...form.register("homeTimeZoneLabel")} />}
        </Field>
      </div>
      <Field label="Label above published summaries" error={errors.releaseLabel?.message} hint="Like Press release, Meeting report or News.">
        {(p) => <Input {...p} autoComplete="off" {...form.register("releaseLabel")} />}
      </Field>
      <Button type="submit" pending={pending}>
        Save settings
      </Button>
    </form>
  );
}

/** How long registrations keep their personal data after their event. */
export function RetentionForm({ defaultValues }: { defaultValues: RetentionInput }) {
  const { form, message, onSubmit, errors, pending } = useActionForm(retentionSchema, saveRetention, { defaultValues });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Privacy settings" className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field
        label="Keep registrations for (months after the event)"
        error={errors.registrationRetentionMonths?.message}
        hint={`Once a day, registrations of events that ended longer ago than this lose their names, email addresses, organizations, answers and feedback comments, and the emails sent to them lose their text and recipient. Statuses, dates and check-ins stay, so every count and attendance figure stays the same. From ${RETENTION_MONTHS.min} to ${RETENTION_MONTHS.max} months.`}
      >
        {(p) => (
          <Input
            {...p}
            type="number"
            inputMode="numeric"
            min={RETENTION_MONTHS.min}
            max={RETENTION_MONTHS.max}
            className="md:w-32"
            {...form.register("registrationRetentionMonths")}
          />
        )}
      </Field>
      <Button type="submit" pending={pending}>
        Save retention period
      </Button>
    </form>
  );
}

/** The default language and the languages the public pages offer. */
export function LanguagesForm({ defaultValues }: { defaultValues: LanguagesInput }) {
  const { form, message, onSubmit, errors, pending } = useActionForm(languagesSchema, saveLanguages, { defaultValues });
  const enabledError = errors.enabledLanguages?.message;
  const { describedBy, notes } = fieldNotes(
    "enabled-languages",
    "The public pages offer each enabled language, and the staff forms show a version of each text in every enabled language besides the default.",
    typeof enabledError === "string" ? enabledError : undefined,
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Language settings" className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field
        label="Default language"
        error={errors.defaultLanguage?.message}
        hint="The language every record is first written in; a text missing in another language shows in this one."
      >
        {(p) => (
          <Select {...p} className="md:w-60" {...form.register("defaultLanguage")}>
            <Options values={LANGUAGES} labels={LANGUAGE_LABELS} />
          </Select>
        )}
      </Field>
      <fieldset id="enabled-languages" className="space-y-1" aria-describedby={describedBy}>
        <legend className="text-sm font-medium text-slate-800">Enabled languages</legend>
        {LANGUAGES.map((language) => (
          <label key={language} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={language} aria-invalid={Boolean(enabledError)} {...form.register("enabledLanguages")} />
            {LANGUAGE_LABELS[language]}
          </label>
        ))}
        {notes}
      </fieldset>
      <Button type="submit" pending={pending}>
        Save languages
      </Button>
    </form>
  );
}
