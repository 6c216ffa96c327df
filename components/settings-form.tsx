"use client";

import { saveRetention, saveSettings } from "@/app/(staff)/admin/settings/actions";
import { SuggestInput } from "@/components/forms/suggest-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { RETENTION_MONTHS, type RetentionInput, retentionSchema, type SettingsInput, settingsSchema } from "@/lib/validations/settings";

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
