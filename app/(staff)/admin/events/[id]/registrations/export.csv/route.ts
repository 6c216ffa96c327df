import type { NextRequest } from "next/server";
import { getEvent } from "@/db/queries/events";
import { registrationBatches } from "@/db/queries/registration-lists";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { csvStream } from "@/lib/csv";
import { isUuid } from "@/lib/validations/common";
import { registrationListParamsSchema } from "@/lib/validations/registration";
import { exportColumns, rowsOf } from "./columns";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The event's registrations as CSV for Excel and the like, with the list's filter and order. Staff only;
 * to anyone else the file does not exist. Streamed a thousand rows at a time, so that an event of
 * 100,000 registrations costs the server one batch of memory, not the whole file.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || !hasRole(user.role, "staff")) return notFound();
  const { id } = await params;
  const event = isUuid(id) ? await getEvent(id) : undefined;
  if (!event) return notFound();
  const { q, status, sort } = registrationListParamsSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const { header, cells } = exportColumns(event.timeZone);
  const body = csvStream(header, rowsOf(registrationBatches(event.id, { q, status, sort }), cells));
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
