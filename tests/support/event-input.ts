import { type EventFormInput, emptyEventFormValues } from "@/lib/validations/event";

/**
 * What the event form sends, every field as the browser's inputs hold it, with `fields` filled in.
 * Without the categories field, so an update leaves the event's categories as they are.
 */
export function eventFormInput(timeZone: string, fields: Record<string, unknown>) {
  const blank: Partial<EventFormInput> = emptyEventFormValues(timeZone);
  delete blank.registrationCategories;
  return { ...blank, ...fields };
}
