import type { NextRequest } from "next/server";
import { BADGE_LAYOUTS, type BadgeLayout, badgesPdf, doorEntries, doorFilename } from "@/lib/pdf/door-sheets";
import { staffEventRoute } from "../../event-route";

export const dynamic = "force-dynamic";

/**
 * Name badges of everyone with a confirmed seat, ordered as the attendee list: `?layout=sheet` (the
 * default) puts eight on an A4 sheet, `?layout=single` one to a badge-sized page. Staff only; to anyone
 * else the file does not exist.
 */
export const GET = staffEventRoute<NextRequest>(async ({ event, request }) => {
  const asked = request.nextUrl.searchParams.get("layout");
  const layout: BadgeLayout = BADGE_LAYOUTS.find((l) => l === asked) ?? "sheet";
  const pdf = await badgesPdf(event, await doorEntries(event.id), layout);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${doorFilename(event, layout === "sheet" ? "badges" : "badges-single")}"`,
      // Personal data: no shared cache may keep it.
      "Cache-Control": "private, no-store",
    },
  });
});
