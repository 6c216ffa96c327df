"use client";

import { setReminders } from "@/app/(staff)/admin/events/[id]/registrations/reminder-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { ReminderOffset } from "@/db/schema";
import { REMINDER_LIMITS, REMINDER_UNITS, reminderFormRows, reminderSettingsSchema } from "@/lib/validations/reminders";

type Props = { eventId: string; reminders: ReminderOffset[] };

const UNIT_LABELS = { days: "days before", hours: "hours before", minutes: "minutes before" } as const;

/** When the reminder emails go: up to three lead times; an empty number leaves a row unused. */
export function ReminderForm({ eventId, reminders }: Props) {
  const current = { eventId, reminders: reminderFormRows(reminders) };
  const { form, message, onSubmit, errors, pending } = useActionForm(reminderSettingsSchema, setReminders, {
    defaultValues: current,
    // After a save the rows follow what was saved, longest lead first.
    values: current,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Reminders">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-3 sm:grid-cols-3">
        {current.reminders.map((_, i) => {
          const error = errors.reminders?.[i]?.amount?.message ?? errors.reminders?.[i]?.unit?.message;
          return (
            <fieldset key={i} className="space-y-2 rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold text-slate-800">Reminder {i + 1}</legend>
              <Field label="How many" error={error}>
                {(p) => <Input {...p} type="number" inputMode="numeric" min={1} className="w-28" {...form.register(`reminders.${i}.amount`)} />}
              </Field>
              <Field label="Unit">
                {(p) => (
                  <Select {...p} {...form.register(`reminders.${i}.unit`)}>
                    {REMINDER_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {UNIT_LABELS[unit]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </fieldset>
          );
        })}
      </div>
      <p className="text-xs text-slate-600">
        Leave the number empty for no reminder. Days count on the event&apos;s own clock (a day before 10:00 a.m. is 10:00 a.m. the
        day before); at most {REMINDER_LIMITS.days.max} days, {REMINDER_LIMITS.hours.max} hours or {REMINDER_LIMITS.minutes.max}{" "}
        minutes, at least {REMINDER_LIMITS.minutes.min} minutes. Everyone with a seat gets each reminder once, with their personal
        link and the event for their calendar; people who register after a reminder&apos;s time do not get it.
      </p>
      <Button type="submit" variant="secondary" pending={pending}>
        Save reminders
      </Button>
    </form>
  );
}
