import { z } from "zod";
import type { EventStatus } from "@/db/schema";
import { durationMinutes, isValidTimeZone, utcToZonedParts, zonedDateTimeToUtc } from "@/lib/time";
import { listParamsSchema, optionalText, requiredText, slugField, whenFieldsValid } from "./common";
import { translationsField } from "./translations";

export const EVENT_STATUSES = ["draft", "scheduled", "cancelled"] as const satisfies readonly EventStatus[];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = { draft: "Draft", scheduled: "Scheduled", cancelled: "Cancelled" };

/** A week: longer than any symposium, short enough to catch a mistyped number. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// Browsers send "HH:mm", or "HH:mm:ss" when a step below a minute is set.
const TIME_PATTERN = /^\d{2}:\d{2}(:\d{2})?$/;

/**
 * A whole number typed into a form. `required` false: empty means none (null). The output is a number or
 * null, which parses again unchanged: the Server Action re-parses what the browser already parsed.
 */
export function integerField(opts: { min: number; max: number; message: string; required: true }): z.ZodType<number, string | number>;
export function integerField(opts: { min: number; max: number; message: string; required?: false }): z.ZodType<number | null, string | number | null | undefined>;
export function integerField({ min, max, message, required }: { min: number; max: number; message: string; required?: boolean }): z.ZodType<number | null, string | number | null | undefined> {
  const number = z.number(message).int(message).min(min, message).max(max, message);
  return z
    .union([z.string(), z.number()])
    .nullable()
    .optional()
    .transform((v) => {
      const text = typeof v === "string" ? v.trim() : v;
      return text === "" || text == null ? null : Number(text);
    })
    .pipe(required ? number : number.nullable());
}
/** An event's seats: a whole number, or empty for no limit. */
export const capacityField = integerField({ min: 0, max: 1_000_000, message: "Enter a whole number of seats, or leave it empty for no limit." });

/** A field that may be left empty (null); what is typed must pass `schema`. */
function blankAsNull<Out>(schema: z.ZodType<Out, string>) {
  return z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v) => v || null)
    .pipe(schema.nullable());
}

/** An optional id from a select: the empty option means none. */
export const optionalId = (message: string) => blankAsNull(z.uuid(message));

export const dateField = (message: string) => z.string(message).trim().regex(DATE_PATTERN, message);
export const timeField = (message: string) =>
  z
    .string(message)
    .trim()
    .regex(TIME_PATTERN, message)
    .transform((v) => v.slice(0, 5));

const optionalDate = (message: string) => blankAsNull(dateField(message));
export const optionalTime = (message: string) => blankAsNull(timeField(message));

/** The attendee categories a new event offers; staff change them per event. */
export const DEFAULT_REGISTRATION_CATEGORIES = [
  "Government",
  "International organization",
  "Civil society",
  "Academia",
  "Private sector",
  "Media",
  "Other",
];
const MAX_CATEGORIES = 20;
const MAX_CATEGORY_LENGTH = 80;

/** One category per line: spaces tidied, blank lines and repeats dropped. */
export function splitCategories(value: string | readonly string[]): string[] {
  const lines = typeof value === "string" ? value.split(/\r?\n/) : value;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const tidy = line.replace(/\s+/g, " ").trim();
    if (!tidy || seen.has(tidy.toLowerCase())) continue;
    seen.add(tidy.toLowerCase());
    out.push(tidy);
  }
  return out;
}

// The form sends the text of a textarea; the Server Action re-parses the list the browser made of it.
// Absent (an older client, a test) leaves the event's categories as they are.
const registrationCategoriesField = z
  .union([z.string().max(5000, "Keep the list shorter."), z.array(z.string().max(5000, "Keep the list shorter."))], "Write one category per line.")
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const list = splitCategories(v);
    if (list.some((c) => c.length > MAX_CATEGORY_LENGTH)) {
      ctx.addIssue({ code: "custom", message: `Keep each category under ${MAX_CATEGORY_LENGTH} characters.` });
      return z.NEVER;
    }
    if (list.length > MAX_CATEGORIES) {
      ctx.addIssue({ code: "custom", message: `Offer at most ${MAX_CATEGORIES} categories.` });
      return z.NEVER;
    }
    return list;
  });

const eventFields = z.object({
  title: requiredText(200, "Give the event a title."),
  slug: slugField,
  topicId: optionalId("Choose a topic from the list."),
  seriesId: optionalId("Choose a series from the list."),
  seriesNumber: integerField({ min: 1, max: 10_000, message: "Enter the meeting's number in the series, like 5." }),
  venueId: optionalId("Choose a venue from the list."),
  timeZone: z
    .string("Enter the event's time zone, like Europe/Zurich.")
    .trim()
    .min(1, "Enter the event's time zone, like Europe/Zurich.")
    .refine(isValidTimeZone, "Use a time zone from the list, like Europe/Zurich."),
  startDate: dateField("Enter the date of the event."),
  startTime: timeField("Enter the time the event starts."),
  durationMinutes: integerField({
    min: 1,
    max: MAX_DURATION_MINUTES,
    message: "Enter how long the event lasts, in whole minutes (at least 1).",
    required: true,
  }),
  capacity: capacityField,
  registrationOpensDate: optionalDate("Enter a date, or leave both registration fields empty."),
  registrationOpensTime: optionalTime("Enter a time, or leave both registration fields empty."),
  registrationClosesDate: optionalDate("Enter a date, or leave both registration fields empty."),
  registrationClosesTime: optionalTime("Enter a time, or leave both registration fields empty."),
  registrationCategories: registrationCategoriesField,
  description: optionalText(5000, "The description"),
  translations: translationsField({ title: 200, description: 5000 }),
});

/** The fields of an event written in each enabled language. */
export const EVENT_TRANSLATED_FIELDS = ["title", "description"] as const;

type EventValues = z.output<typeof eventFields>;

/** The instant of a local date and time in `zone`, or null for a date that does not exist (February 30). */
function instantOrNull(date: string | null, time: string | null, zone: string): Date | null {
  if (!date || !time || !isValidTimeZone(zone)) return null;
  try {
    return zonedDateTimeToUtc(date, time, zone);
  } catch {
    return null;
  }
}

/** The stored instants of an event, from the local dates and times typed in its zone. */
export function eventInstants(v: Pick<EventValues, "timeZone" | "startDate" | "startTime" | "durationMinutes" | "registrationOpensDate" | "registrationOpensTime" | "registrationClosesDate" | "registrationClosesTime">) {
  const startsAt = zonedDateTimeToUtc(v.startDate, v.startTime, v.timeZone);
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + v.durationMinutes * 60_000),
    registrationOpensAt: instantOrNull(v.registrationOpensDate, v.registrationOpensTime, v.timeZone),
    registrationClosesAt: instantOrNull(v.registrationClosesDate, v.registrationClosesTime, v.timeZone),
  };
}

function checkEvent(v: EventValues, ctx: z.RefinementCtx) {
  if (isValidTimeZone(v.timeZone) && !instantOrNull(v.startDate, v.startTime, v.timeZone)) {
    ctx.addIssue({ code: "custom", path: ["startDate"], message: "That date does not exist. Check the day and month." });
  }
  if (v.seriesNumber != null && !v.seriesId) {
    ctx.addIssue({ code: "custom", path: ["seriesNumber"], message: "Choose a series for this number, or leave the number empty." });
  }
  const pairs = [
    ["registrationOpensDate", "registrationOpensTime"],
    ["registrationClosesDate", "registrationClosesTime"],
  ] as const;
  for (const [date, time] of pairs) {
    if (v[date] && !v[time]) ctx.addIssue({ code: "custom", path: [time], message: "Enter a time as well, or clear the date." });
    if (!v[date] && v[time]) ctx.addIssue({ code: "custom", path: [date], message: "Enter a date as well, or clear the time." });
  }
  const opens = instantOrNull(v.registrationOpensDate, v.registrationOpensTime, v.timeZone);
  const closes = instantOrNull(v.registrationClosesDate, v.registrationClosesTime, v.timeZone);
  if (v.registrationOpensDate && v.registrationOpensTime && isValidTimeZone(v.timeZone) && !opens) {
    ctx.addIssue({ code: "custom", path: ["registrationOpensDate"], message: "That date does not exist. Check the day and month." });
  }
  if (v.registrationClosesDate && v.registrationClosesTime && isValidTimeZone(v.timeZone) && !closes) {
    ctx.addIssue({ code: "custom", path: ["registrationClosesDate"], message: "That date does not exist. Check the day and month." });
  }
  if (opens && closes && closes.getTime() <= opens.getTime()) {
    ctx.addIssue({ code: "custom", path: ["registrationClosesDate"], message: "Registration must close after it opens." });
  }
}

// Every field checkEvent reads: it runs once these are valid, whatever else is wrong.
const checkEventWhen = {
  when: whenFieldsValid(
    "timeZone",
    "startDate",
    "startTime",
    "seriesId",
    "seriesNumber",
    "registrationOpensDate",
    "registrationOpensTime",
    "registrationClosesDate",
    "registrationClosesTime",
  ),
};

export const eventSchema = eventFields.superRefine(checkEvent, checkEventWhen);
export type EventFormInput = z.input<typeof eventSchema>;
export type EventFormValues = z.output<typeof eventSchema>;

export const updateEventSchema = eventFields.extend({ id: z.uuid("That event does not exist.") }).superRefine(checkEvent, checkEventWhen);

/** The admin list's search, status filter and page. */
export const eventListParamsSchema = listParamsSchema.extend({
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
});

type StoredEvent = {
  title: string;
  slug: string;
  topicId: string | null;
  seriesId: string | null;
  seriesNumber: number | null;
  venueId: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  registrationCategories: string[];
  description: string | null;
};

/** What the event form's inputs hold for a stored event: its instants read back in its own zone. */
export function eventFormValues(e: StoredEvent): EventFormInput {
  const start = utcToZonedParts(e.startsAt, e.timeZone);
  const opens = e.registrationOpensAt ? utcToZonedParts(e.registrationOpensAt, e.timeZone) : null;
  const closes = e.registrationClosesAt ? utcToZonedParts(e.registrationClosesAt, e.timeZone) : null;
  return {
    title: e.title,
    slug: e.slug,
    topicId: e.topicId ?? "",
    seriesId: e.seriesId ?? "",
    seriesNumber: e.seriesNumber == null ? "" : String(e.seriesNumber),
    venueId: e.venueId ?? "",
    timeZone: e.timeZone,
    startDate: start.date,
    startTime: start.time,
    durationMinutes: String(durationMinutes(e.startsAt, e.endsAt)),
    capacity: e.capacity == null ? "" : String(e.capacity),
    registrationOpensDate: opens?.date ?? "",
    registrationOpensTime: opens?.time ?? "",
    registrationClosesDate: closes?.date ?? "",
    registrationClosesTime: closes?.time ?? "",
    registrationCategories: e.registrationCategories.join("\n"),
    description: e.description ?? "",
  };
}

/** A new event's form: nothing chosen yet, the zone the organization works in, ninety minutes. */
export function emptyEventFormValues(timeZone: string): EventFormInput {
  return {
    title: "",
    slug: "",
    topicId: "",
    seriesId: "",
    seriesNumber: "",
    venueId: "",
    timeZone,
    startDate: "",
    startTime: "",
    durationMinutes: "90",
    capacity: "",
    registrationOpensDate: "",
    registrationOpensTime: "",
    registrationClosesDate: "",
    registrationClosesTime: "",
    registrationCategories: DEFAULT_REGISTRATION_CATEGORIES.join("\n"),
    description: "",
  };
}

/** Whether "YYYY-MM-DD" names a day of the calendar (not February 30). */
function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/**
 * The date of a copy of an event ("Plan the next meeting", "Duplicate"): a local date and start time in
 * the zone of the event copied, which the copy keeps.
 */
export const copyEventSchema = z
  .object({
    id: z.uuid("That event does not exist."),
    startDate: dateField("Enter the date of the new meeting."),
    startTime: timeField("Enter the time the new meeting starts."),
  })
  .refine((v) => isCalendarDate(v.startDate), {
    path: ["startDate"],
    message: "That date does not exist. Check the day and month.",
    when: whenFieldsValid("startDate"),
  });
export type CopyEventInput = z.input<typeof copyEventSchema>;
