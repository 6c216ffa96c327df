import type { NextRequest } from "next/server";
import { getEvent } from "@/db/queries/events";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { BADGE_LAYOUTS, type BadgeLayout, badgesPdf, doorEntries, doorFilename } from "@/lib/pdf/door-sheets";
import { isUuid } from "@/lib/validations/common";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * Name badges of everyone with a confirmed seat, ordered as the attendee list: `?layout=sheet` (the
 * default) puts eight on an A4 sheet, `?layout=single` one to a badge-sized page. Staff only; to anyone
 * else the file does not exist.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || !hasRole(user.role, "staff")) return notFound();
  const { id } = await params;
  const event = isUuid(id) ? await getEvent(id) : undefined;
  if (!event) return notFound();
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
}
