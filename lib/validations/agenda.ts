import { z } from "zod";
import type { AgendaKind } from "@/db/schema";
import { utcToZonedParts, zonedDateTimeToUtc } from "@/lib/time";
import { optionalText, requiredText } from "./common";
import { integerField, optionalTime } from "./event";
import { translationsField } from "./translations";

export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  opening_remarks: "Opening remarks",
  speech: "Speech",
  panel: "Panel",
  closing_remarks: "Closing remarks",
  break: "Break",
  other: "Other",
};
export const AGENDA_KINDS = ["opening_remarks", "speech", "panel", "closing_remarks", "break", "other"] as const satisfies readonly AgendaKind[];

// A checkbox group arrives as an array, a single checked box from a plain form as one string.
const participantIds = z
  .union([z.array(z.string()), z.string(), z.boolean(), z.null()], "Choose participants from the list.")
  .optional()
  .transform((v) => [...new Set(Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [])])
  .pipe(z.array(z.uuid("Choose participants from the list.")).max(200, "Too many participants for one segment."));

const agendaFields = {
  kind: z.enum(AGENDA_KINDS, "Choose what kind of segment this is."),
  title: requiredText(300, "Give the segment a title."),
  startTime: optionalTime("Enter a time like 16:35, or leave it empty."),
  durationMinutes: integerField({ min: 1, max: 24 * 60, message: "Enter the length in whole minutes (at least 1), or leave it empty." }),
  description: optionalText(2000, "The description"),
  participantIds,
  translations: translationsField({ title: 300, description: 2000 }),
};

/** The fields of a segment written in each enabled language. */
export const AGENDA_TRANSLATED_FIELDS = ["title", "description"] as const;

export const addAgendaItemSchema = z.object({ eventId: z.uuid("That event does not exist."), ...agendaFields });
export type AddAgendaItemInput = z.input<typeof addAgendaItemSchema>;

export const updateAgendaItemSchema = z.object({ id: z.uuid("That segment does not exist."), ...agendaFields });
export type UpdateAgendaItemInput = z.input<typeof updateAgendaItemSchema>;
export type UpdateAgendaItemValues = z.output<typeof updateAgendaItemSchema>;

function nextIsoDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The instant of a segment's local start time ("HH:mm" in the event's zone). Segments carry only a time;
 * it falls on the event's local date, or on the next day for an event that runs past midnight.
 */
export function segmentStartToUtc(time: string, event: { startsAt: Date; endsAt: Date; timeZone: string }): Date {
  const { date } = utcToZonedParts(event.startsAt, event.timeZone);
  const sameDay = zonedDateTimeToUtc(date, time, event.timeZone);
  if (sameDay.getTime() >= event.startsAt.getTime()) return sameDay;
  const nextDay = zonedDateTimeToUtc(nextIsoDate(date), time, event.timeZone);
  return nextDay.getTime() <= event.endsAt.getTime() ? nextDay : sameDay;
}

/**
 * When each segment starts: its own start when set, otherwise right after the one before it (the event's
 * start for the first). Null when that cannot be known: an earlier segment has neither start nor length.
 */
export function agendaStarts(eventStart: Date, items: readonly { startsAt: Date | null; durationMinutes: number | null }[]): (Date | null)[] {
  let next: Date | null = eventStart;
  return items.map((item) => {
    const start = item.startsAt ?? next;
    next = start && item.durationMinutes != null ? new Date(start.getTime() + item.durationMinutes * 60_000) : null;
    return start;
  });
}

/** Where a segment added at the end would start: after the last one, or at the event's start. */
export function nextSegmentStart(eventStart: Date, items: readonly { startsAt: Date | null; durationMinutes: number | null }[]): Date | null {
  return agendaStarts(eventStart, [...items, { startsAt: null, durationMinutes: null }]).at(-1) ?? null;
}
