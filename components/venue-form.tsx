"use client";

import { createVenue, updateVenue } from "@/app/(staff)/admin/venues/actions";
import { SuggestInput } from "@/components/forms/suggest-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formWidth, type RegisterTranslation, Translated, translationOf } from "@/components/forms/translated-fields";
import { Field, Input } from "@/components/ui/field";
import type { Language, Translations } from "@/lib/i18n/languages";
import { translationDefaults } from "@/lib/translations";
import { venueSchema } from "@/lib/validations/venue";

type Props = {
  venue?: { id: string; name: string; address: string | null; city: string; country: string; timeZone: string; translations: Translations<"name" | "address" | "city" | "country"> };
  /** IANA zone names, from the server so the list matches what the server accepts. */
  timeZones: string[];
  /** How many events are planned at the venue, for the note on changing its zone. */
  eventCount?: number;
  /** The enabled languages besides the default: the name and address are written in each. */
  languages: readonly Language[];
};

export function VenueForm({ venue, timeZones, eventCount = 0, languages }: Props) {
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
        translations: translationDefaults(venue?.translations, languages, ["name", "address", "city", "country"]),
      },
    },
  );

  const register = form.register as unknown as RegisterTranslation;
  const zoneHint = (
    <>
      Start typing a city, like Zurich, and pick the zone from the list. New events here take this zone; changing it
      later does not change the time zone of events already planned
      {eventCount > 0 ? ` (${eventCount === 1 ? "1 event" : `${eventCount} events`} here keep their own)` : ""}.
    </>
  );

  const city = (
    <Field label="City" error={errors.city?.message}>
      {(p) => <Input {...p} autoComplete="off" {...form.register("city")} />}
    </Field>
  );
  const country = (
    <Field label="Country" error={errors.country?.message}>
      {(p) => <Input {...p} autoComplete="off" {...form.register("country")} />}
    </Field>
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className={`${formWidth(languages)} space-y-4`}>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Translated languages={languages} translation={translationOf(register, errors.translations, "name", "Name")}>
        <Field label="Name" error={errors.name?.message} hint="As it reads in a sentence: held at the United Nations Headquarters.">
          {(p) => <Input {...p} {...form.register("name")} />}
        </Field>
      </Translated>
      <Translated languages={languages} translation={translationOf(register, errors.translations, "address", "Street address (optional)")}>
        <Field label="Street address (optional)" error={errors.address?.message}>
          {(p) => <Input {...p} autoComplete="off" {...form.register("address")} />}
        </Field>
      </Translated>
      {languages.length === 0 ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {city}
          {country}
        </div>
      ) : (
        <>
          <Translated languages={languages} translation={translationOf(register, errors.translations, "city", "City")}>
            {city}
          </Translated>
          <Translated languages={languages} translation={translationOf(register, errors.translations, "country", "Country")}>
            {country}
          </Translated>
        </>
      )}
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
