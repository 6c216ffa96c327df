import type { RegistrationListRow } from "@/db/queries/registration-lists";
import type { EventQuestion } from "@/db/schema";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { answerText } from "@/lib/validations/question-fields";
import { REGISTRATION_STATUS_LABELS } from "@/lib/validations/registration";

/**
 * "2026-11-28 14:05" in the event's zone: a form every spreadsheet reads as a date and time. One
 * formatter serves the whole file: `utcToZonedParts` (lib/time.ts) checks the zone by building a new
 * formatter on every call, which cost more than all the rest of a row, in time and in native memory.
 */
export function localStamper(timeZone: string): (date: Date | null) => string {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (date) => {
    if (!date) return "";
    const v: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of format.formatToParts(date)) v[part.type] = part.value;
    return `${(v.year ?? "").padStart(4, "0")}-${v.month}-${v.day} ${v.hour}:${v.minute}`;
  };
}

/**
 * The file's columns: the header for an event in `zone`, and one registration's cells. Each of the
 * event's questions has a column after the fixed ones, in the form's order; a removed question keeps its
 * column (its header says so) for the answers given to it.
 */
export function exportColumns(zone: string, questions: readonly Pick<EventQuestion, "id" | "label" | "removedAt">[] = []) {
  const localStamp = localStamper(zone);
  const header = [
    "Name",
    "Email",
    "Organization",
    "Category",
    "Status",
    "Waitlist position",
    "Check-in code",
    `Registered (${zone})`,
    `Confirmed (${zone})`,
    `Cancelled (${zone})`,
    `Checked in (${zone})`,
    ...questions.map((q) => (q.removedAt ? `${q.label} (removed)` : q.label)),
  ];
  const cells = (r: RegistrationListRow) => [
    r.name,
    r.email,
    r.organization,
    r.category,
    REGISTRATION_STATUS_LABELS[r.status],
    r.waitlistPosition,
    formatCheckInCode(r.checkInCode),
    localStamp(r.createdAt),
    localStamp(r.confirmedAt),
    localStamp(r.cancelledAt),
    localStamp(r.checkedInAt),
    ...questions.map((q) => answerText(r.answers[q.id], "; ")),
  ];
  return { header, cells };
}

/** Each batch of registrations as rows of cells. */
export async function* rowsOf(batches: AsyncIterable<RegistrationListRow[]>, cells: (r: RegistrationListRow) => unknown[]) {
  for await (const batch of batches) yield batch.map(cells);
}

