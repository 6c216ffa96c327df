"use client";

import { createVenue, updateVenue } from "@/app/(staff)/admin/venues/actions";
import { SuggestInput } from "@/components/forms/suggest-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { venueSchema } from "@/lib/validations/venue";

type Props = {
  venue?: { id: string; name: string; address: string | null; city: string; country: string; timeZone: string };
  /** IANA zone names, from the server so the list matches what the server accepts. */
  timeZones: string[];
  /** How many events are planned at the venue, for the note on changing its zone. */
  eventCount?: number;
};

export function VenueForm({ venue, timeZones, eventCount = 0 }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(
    venueSchema,
    (values) => (venue ? updateVenue({ ...values, id: venue.id }) : createVenue(values)),
    {
      defaultValues: {
        name: venue?.name ?? "",
        address: venue?.address ?? "",
        city: venue?.city ?? "",
        country: venue?.country ?? "",
        timeZone: venue?.timeZone ?? "",
      },
    },
  );

  const zoneHint = (
    <>
      Start typing a city, like Zurich, and pick the zone from the list. New events here take this zone; changing it
      later does not change the time zone of events already planned
      {eventCount > 0 ? ` (${eventCount === 1 ? "1 event" : `${eventCount} events`} here keep their own)` : ""}.
    </>
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label="Name" error={errors.name?.message} hint="As it reads in a sentence: held at the United Nations Headquarters.">
        {(p) => <Input {...p} {...form.register("name")} />}
      </Field>
      <Field label="Street address (optional)" error={errors.address?.message}>
        {(p) => <Input {...p} autoComplete="off" {...form.register("address")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="City" error={errors.city?.message}>
          {(p) => <Input {...p} autoComplete="off" {...form.register("city")} />}
        </Field>
        <Field label="Country" error={errors.country?.message}>
          {(p) => <Input {...p} autoComplete="off" {...form.register("country")} />}
        </Field>
      </div>
      <Field label="Time zone" error={errors.timeZone?.message} hint={zoneHint}>
        {(p) => (
          <SuggestInput {...p} suggestions={timeZones} autoComplete="off" spellCheck={false} placeholder="Europe/Zurich" {...form.register("timeZone")} />
        )}
      </Field>
      <Button type="submit" pending={pending}>
        {venue ? "Save venue" : "Create venue"}
      </Button>
    </form>
  );
}
