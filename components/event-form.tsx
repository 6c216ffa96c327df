"use client";

import { type ChangeEvent, useRef } from "react";
import { createEvent, updateEvent } from "@/app/(staff)/admin/events/actions";
import { SuggestInput } from "@/components/forms/suggest-input";
import { type RegisterTranslation, Translated, translationOf } from "@/components/forms/translated-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select, Textarea } from "@/components/ui/field";
import type { EventStatus } from "@/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { slugify } from "@/lib/slug";
import { ordinalWord } from "@/lib/names";
import { formatDualTime, formatDuration, formatTime, isValidTimeZone, zonedDateTimeToUtc } from "@/lib/time";
import { type EventFormInput, eventSchema } from "@/lib/validations/event";

type Option = { id: string; name: string };
export type EventFormOptions = {
  topics: Option[];
  series: (Option & { topicId: string | null; nextNumber: number })[];
  venues: (Option & { city: string; timeZone: string })[];
  /** IANA zones offered as suggestions (Intl.supportedValuesOf("timeZone"), read on the server). */
  timeZones: string[];
  home: { zone: string; label: string };
  /** The enabled languages besides the default: the title and description are written in each. */
  languages: readonly Language[];
};

type Props = EventFormOptions & {
  defaultValues: EventFormInput;
  /** The stored event when editing; absent when creating. */
  event?: { id: string; status: EventStatus };
};

export function EventForm({ event, defaultValues, topics, series, venues, timeZones, home, languages }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(
    eventSchema,
    (values) => (event ? updateEvent({ ...values, id: event.id }) : createEvent(values)),
    { defaultValues },
  );
  const { register, setValue, getValues, watch } = form;
  const registerTranslation = register as unknown as RegisterTranslation;

  // A value typed by hand wins over one the form would suggest; each ref remembers whether that happened.
  const venueZone = venues.find((v) => v.id === defaultValues.venueId)?.timeZone;
  const zoneByHand = useRef(Boolean(event) && defaultValues.timeZone !== venueZone);
  const slugByHand = useRef(Boolean(event));
  const numberByHand = useRef(false);
  const suggest = (name: "timeZone" | "slug" | "seriesNumber" | "topicId", value: string) =>
    setValue(name, value, { shouldValidate: form.formState.isSubmitted });

  const slugFrozen = Boolean(event && event.status !== "draft");
  const [title, slug, seriesNumber, startDate, startTime, timeZone, duration] = watch([
    "title",
    "slug",
    "seriesNumber",
    "startDate",
    "startTime",
    "timeZone",
    "durationMinutes",
  ]);

  function onSeriesChange(seriesId: string) {
    const chosen = series.find((s) => s.id === seriesId);
    if (!numberByHand.current) {
      // Returning to the event's own series gives back its own number, not the next free one.
      const own = event && seriesId === defaultValues.seriesId ? String(defaultValues.seriesNumber ?? "") : "";
      suggest("seriesNumber", own || (chosen ? String(chosen.nextNumber) : ""));
    }
    if (chosen?.topicId && !getValues("topicId")) suggest("topicId", chosen.topicId);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className={`${languages.length > 0 ? "max-w-5xl" : "max-w-3xl"} space-y-6`} aria-label={event ? "Event details" : "New event"}>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}

      <div className="space-y-4">
        <Translated languages={languages} translation={translationOf(registerTranslation, errors.translations, "title", "Title")}>
          <Field label="Title" error={errors.title?.message}>
            {(p) => (
              <Input
                {...p}
                {...register("title", {
                  onChange: (e: ChangeEvent<HTMLInputElement>) => {
                    if (!slugByHand.current) suggest("slug", e.target.value.trim() ? slugify(e.target.value) : "");
                  },
                })}
              />
            )}
          </Field>
        </Translated>
        <Field
          label="Address (slug)"
          error={errors.slug?.message}
          hint={
            slugFrozen
              ? `The event is public at /events/${slug}, so its address no longer changes.`
              : `The public page will be /events/${String(slug || (title ? slugify(String(title)) : "…"))}. Leave empty to make it from the title. It is fixed once the event is scheduled.`
          }
        >
          {(p) => (
            <Input
              {...p}
              readOnly={slugFrozen}
              className={slugFrozen ? "bg-slate-50 text-slate-600" : ""}
              {...register("slug", {
                onChange: (e: ChangeEvent<HTMLInputElement>) => {
                  slugByHand.current = e.target.value.trim() !== "";
                },
              })}
            />
          )}
        </Field>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Topic" error={errors.topicId?.message}>
          {(p) => (
            <Select {...p} {...register("topicId")}>
              <option value="">No topic</option>
              <Options values={topics} />
            </Select>
          )}
        </Field>
        <Field label="Series" error={errors.seriesId?.message}>
          {(p) => (
            <Select {...p} {...register("seriesId", { onChange: (e: ChangeEvent<HTMLSelectElement>) => onSeriesChange(e.target.value) })}>
              <option value="">Not part of a series</option>
              <Options values={series} />
            </Select>
          )}
        </Field>
        <Field
          label="Number in series"
          error={errors.seriesNumber?.message}
          hint={<SeriesNumberHint value={seriesNumber} />}
        >
          {(p) => (
            <Input
              {...p}
              type="number"
              inputMode="numeric"
              min={1}
              {...register("seriesNumber", {
                onChange: (e: ChangeEvent<HTMLInputElement>) => {
                  numberByHand.current = e.target.value.trim() !== "";
                },
              })}
            />
          )}
        </Field>
        <Field label="Venue" error={errors.venueId?.message}>
          {(p) => (
            <Select
              {...p}
              {...register("venueId", {
                onChange: (e: ChangeEvent<HTMLSelectElement>) => {
                  const venue = venues.find((v) => v.id === e.target.value);
                  if (venue && !zoneByHand.current) suggest("timeZone", venue.timeZone);
                },
              })}
            >
              <option value="">No venue yet</option>
              {venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {`${v.name}, ${v.city}`}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">When</legend>
        <Field
          label="Time zone"
          error={errors.timeZone?.message}
          hint="The venue's zone, like America/New_York. Dates and times below are in this zone."
        >
          {(p) => (
            <SuggestInput
              {...p}
              suggestions={timeZones}
              autoComplete="off"
              spellCheck={false}
              {...register("timeZone", {
                onChange: (e: ChangeEvent<HTMLInputElement>) => {
                  zoneByHand.current = e.target.value.trim() !== "";
                },
              })}
            />
          )}
        </Field>
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Date" error={errors.startDate?.message}>
            {(p) => <Input {...p} type="date" {...register("startDate")} />}
          </Field>
          <Field label="Start time" error={errors.startTime?.message}>
            {(p) => <Input {...p} type="time" {...register("startTime")} />}
          </Field>
          <Field label="Duration (minutes)" error={errors.durationMinutes?.message}>
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} {...register("durationMinutes")} />}
          </Field>
        </div>
        <TimePreview date={startDate} time={startTime} zone={timeZone} duration={duration} home={home} />
      </fieldset>

      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Registration</legend>
        <Field label="Capacity" error={errors.capacity?.message} hint="The number of seats. Leave empty for no limit.">
          {(p) => <Input {...p} type="number" inputMode="numeric" min={0} className="md:w-48" {...register("capacity")} />}
        </Field>
        <p className="text-xs text-slate-600">
          Optional, in the event&apos;s time zone. Leave both empty when registration has no set opening or closing.
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Registration opens (date)" error={errors.registrationOpensDate?.message}>
            {(p) => <Input {...p} type="date" {...register("registrationOpensDate")} />}
          </Field>
          <Field label="Registration opens (time)" error={errors.registrationOpensTime?.message}>
            {(p) => <Input {...p} type="time" {...register("registrationOpensTime")} />}
          </Field>
          <Field label="Registration closes (date)" error={errors.registrationClosesDate?.message}>
            {(p) => <Input {...p} type="date" {...register("registrationClosesDate")} />}
          </Field>
          <Field label="Registration closes (time)" error={errors.registrationClosesTime?.message}>
            {(p) => <Input {...p} type="time" {...register("registrationClosesTime")} />}
          </Field>
        </div>
        <Field
          label="Registration categories"
          error={errors.registrationCategories?.message}
          hint="One per line: the registration form asks each person to choose one. Leave empty not to ask."
        >
          {(p) => <Textarea {...p} rows={5} className="md:w-96" {...register("registrationCategories")} />}
        </Field>
      </fieldset>

      <Translated languages={languages} translation={translationOf(registerTranslation, errors.translations, "description", "Description", 5)}>
        <Field label="Description" error={errors.description?.message}>
          {(p) => <Textarea {...p} rows={5} {...register("description")} />}
        </Field>
      </Translated>

      <Button type="submit" pending={pending}>
        {event ? "Save event" : "Create event"}
      </Button>
    </form>
  );
}

function SeriesNumberHint({ value }: { value: unknown }) {
  const n = Number(value);
  if (value === "" || value == null || !Number.isInteger(n) || n < 1) return <>Suggested from the series: one past its latest meeting.</>;
  return <>Reads as “the {ordinalWord(n)} meeting”. Suggested from the series; you can change it.</>;
}

type PreviewProps = { date: unknown; time: unknown; zone: unknown; duration: unknown; home: { zone: string; label: string } };

/** The time line the public page will show, recomputed as the fields change. */
function TimePreview({ date, time, zone, duration, home }: PreviewProps) {
  let line: string | null = null;
  let length: string | null = null;
  if (typeof date === "string" && typeof time === "string" && typeof zone === "string" && date && time && isValidTimeZone(zone.trim())) {
    try {
      const start = zonedDateTimeToUtc(date, time.slice(0, 5), zone.trim());
      line = formatDualTime(start, zone.trim(), home.zone, home.label);
      const minutes = Number(duration);
      if (Number.isInteger(minutes) && minutes > 0) {
        const end = new Date(start.getTime() + minutes * 60_000);
        length = `Lasts ${formatDuration(minutes)}, ending at ${formatTime(end, zone.trim())} local time.`;
      }
    } catch {
      line = null;
    }
  }
  return (
    <div className="rounded-md bg-slate-50 px-4 py-3 text-sm" aria-label="Preview of the public time line" role="group">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">On the public page</p>
      {line ? (
        <>
          <p className="mt-1 font-medium text-slate-900">{line}</p>
          {length && <p className="text-slate-700">{length}</p>}
        </>
      ) : (
        <p className="mt-1 text-slate-600">Enter a date, a start time and a time zone to see how the time will read.</p>
      )}
    </div>
  );
}
