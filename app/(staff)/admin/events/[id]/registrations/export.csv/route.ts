import type { NextRequest } from "next/server";
import { getEvent } from "@/db/queries/events";
import { listRegistrationsForExport } from "@/db/queries/registrations";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { csvDocument } from "@/lib/csv";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { utcToZonedParts } from "@/lib/time";
import { isUuid } from "@/lib/validations/common";
import { REGISTRATION_STATUS_LABELS, registrationListParamsSchema } from "@/lib/validations/registration";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** "2026-11-28 14:05" in the event's zone: a form every spreadsheet reads as a date and time. */
function localStamp(date: Date | null, timeZone: string): string {
  if (!date) return "";
  const p = utcToZonedParts(date, timeZone);
  return `${p.date} ${p.time}`;
}

/**
 * The event's registrations as CSV for Excel and the like, with the list's filter and order. Staff only;
 * to anyone else the file does not exist.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || !hasRole(user.role, "staff")) return notFound();
  const { id } = await params;
  const event = isUuid(id) ? await getEvent(id) : undefined;
  if (!event) return notFound();
  const { q, status, sort } = registrationListParamsSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const rows = await listRegistrationsForExport(event.id, { q, status, sort });
  const zone = event.timeZone;
  const body = csvDocument(
    [
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
    ],
    rows.map((r) => [
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
    ]),
  );
  const filename = `${event.slug.replace(/[^a-z0-9-]/gi, "") || "event"}-registrations.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Personal data: no shared cache may keep it.
      "Cache-Control": "private, no-store",
    },
  });
}
