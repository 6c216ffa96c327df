import type { RegistrationListRow } from "@/db/queries/registration-lists";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { utcToZonedParts } from "@/lib/time";
import { REGISTRATION_STATUS_LABELS } from "@/lib/validations/registration";

/** "2026-11-28 14:05" in the event's zone: a form every spreadsheet reads as a date and time. */
function localStamp(date: Date | null, timeZone: string): string {
  if (!date) return "";
  const p = utcToZonedParts(date, timeZone);
  return `${p.date} ${p.time}`;
}

/** The file's columns: the header for an event in `zone`, and one registration's cells. */
export function exportColumns(zone: string) {
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
  ];
  const cells = (r: RegistrationListRow) => [
    r.name,
    r.email,
    r.organization,
    r.category,
    REGISTRATION_STATUS_LABELS[r.status],
    r.waitlistPosition,
    formatCheckInCode(r.checkInCode),
    localStamp(r.createdAt, zone),
    localStamp(r.confirmedAt, zone),
    localStamp(r.cancelledAt, zone),
    localStamp(r.checkedInAt, zone),
  ];
  return { header, cells };
}

/** Each batch of registrations as rows of cells. */
export async function* rowsOf(batches: AsyncIterable<RegistrationListRow[]>, cells: (r: RegistrationListRow) => unknown[]) {
  for await (const batch of batches) yield batch.map(cells);
}

