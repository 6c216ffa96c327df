import type { NextRequest } from "next/server";
import { getCalendarEvent } from "@/db/queries/public";
import { appUrl } from "@/lib/env";
import { buildCalendar, eventToIcs } from "@/lib/ics";
import { PAGE_TAGS, tagPage } from "@/lib/public-cache";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

export { generateStaticParams } from "@/lib/public-page";

/** One public event as an iCalendar file to download; a draft is as absent as an unknown address. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const event = await getCalendarEvent(slug);
  await tagPage(event ? PAGE_TAGS.event(event.id) : PAGE_TAGS.missing());
  if (!event) {
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const body = buildCalendar({ events: [eventToIcs(event, appUrl())] });
  // Slugs are already this shape; the filter keeps a quote or a slash out of the header whatever the data.
  const filename = `${event.slug.replace(/[^a-z0-9-]/gi, "") || "event"}.ics`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Short, so that a change of time or a cancellation reaches people within minutes on every instance.
      "Cache-Control": "public, max-age=300",
      "Last-Modified": event.updatedAt.toUTCString(),
    },
  });
}
