import { buildCalendar, type CalendarSource, eventToIcs } from "@/lib/ics";

export const notFoundText = () =>
  new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A calendar to subscribe to, served as calendar applications expect it. */
export function calendarResponse(name: string, events: readonly CalendarSource[], base: string, filename: string): Response {
  const body = buildCalendar({ name, events: events.map((e) => eventToIcs(e, base)) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${filename.replace(/[^a-z0-9.-]/gi, "") || "calendar.ics"}"`,
      "Cache-Control": "public, max-age=900",
    },
  });
}
