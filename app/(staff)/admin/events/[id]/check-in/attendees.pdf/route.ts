import { getEvent } from "@/db/queries/events";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { attendeeListPdf, doorEntries, doorFilename } from "@/lib/pdf/door-sheets";
import { isUuid } from "@/lib/validations/common";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The door's printed list: everyone with a confirmed seat by family name, a box to tick beside each. Staff only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || !hasRole(user.role, "staff")) return notFound();
  const { id } = await params;
  const event = isUuid(id) ? await getEvent(id) : undefined;
  if (!event) return notFound();
  const pdf = await attendeeListPdf(event, await doorEntries(event.id));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${doorFilename(event, "attendees")}"`,
      // Personal data: no shared cache may keep it.
      "Cache-Control": "private, no-store",
    },
  });
}
