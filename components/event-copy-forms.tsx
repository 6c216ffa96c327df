"use client";

import { duplicateEvent, planNextMeeting } from "@/app/(staff)/admin/events/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { copyEventSchema } from "@/lib/validations/event";

type Props = {
  eventId: string;
  /** The event's local start time, which a copy starts from too. */
  startTime: string;
  timeZone: string;
  /** "the fifth meeting of Women, Peace and Security", when the event belongs to a series. */
  nextMeeting: string | null;
};

/**
 * The two ways to start a new draft from this event: the series' next meeting, or a plain duplicate.
 * Each asks only for the date; everything else comes from this event and is changed in the draft.
 */
export function EventCopyForms({ nextMeeting, ...event }: Props) {
  return (
    <section aria-labelledby="event-copy-heading" className="space-y-4 rounded-md border border-slate-200 p-4">
      <h2 id="event-copy-heading" className="text-lg font-semibold">
        New meeting from this one
      </h2>
      <p className="text-sm text-slate-700">
        The new event is a draft with this event&apos;s topic, venue, time zone, length, agenda and participants. Participants
        keep their roles and current positions but are not invited yet; registrations and the summary stay with this event.
      </p>
      <div className="grid gap-6 md:grid-cols-2">
        {nextMeeting && (
          <CopyForm
            {...event}
            action={planNextMeeting}
            heading="Plan the next meeting"
            description={`Creates ${nextMeeting}, with the next number in the series.`}
            submit="Plan the next meeting"
          />
        )}
        <CopyForm
          {...event}
          action={duplicateEvent}
          heading="Duplicate"
          description="Creates a copy titled as such. In a series, the copy takes no number until you give it one."
          submit="Duplicate event"
        />
      </div>
    </section>
  );
}

type CopyFormProps = Omit<Props, "nextMeeting"> & {
  action: typeof planNextMeeting;
  heading: string;
  description: string;
  submit: string;
};

function CopyForm({ eventId, startTime, timeZone, action, heading, description, submit }: CopyFormProps) {
  const { form, message, onSubmit, errors, pending } = useActionForm(copyEventSchema, action, {
    defaultValues: { id: eventId, startDate: "", startTime },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" aria-label={heading}>
      <h3 className="font-semibold">{heading}</h3>
      <p className="text-sm text-slate-700">{description}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <input type="hidden" {...form.register("id")} />
      <div className="flex flex-wrap gap-3">
        <Field label="Date" error={errors.startDate?.message}>
          {(p) => <Input {...p} type="date" className="w-44" {...form.register("startDate")} />}
        </Field>
        <Field label="Start time" error={errors.startTime?.message} hint={`In ${timeZone}, the event's time zone.`}>
          {(p) => <Input {...p} type="time" className="w-32" {...form.register("startTime")} />}
        </Field>
      </div>
      <Button type="submit" variant="secondary" pending={pending}>
        {submit}
      </Button>
    </form>
  );
}
