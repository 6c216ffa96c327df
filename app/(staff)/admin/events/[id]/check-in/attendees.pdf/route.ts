import { attendeeListPdf, doorEntries, doorFilename } from "@/lib/pdf/door-sheets";
import { staffEventRoute } from "../../event-route";

export const dynamic = "force-dynamic";

/** The door's printed list: everyone with a confirmed seat by family name, a box to tick beside each. Staff only. */
export const GET = staffEventRoute(async ({ event }) => {
  const pdf = await attendeeListPdf(event, await doorEntries(event.id));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${doorFilename(event, "attendees")}"`,
      // Personal data: no shared cache may keep it.
      "Cache-Control": "private, no-store",
    },
  });
});
