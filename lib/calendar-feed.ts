import { buildCalendar, type CalendarSource, eventToIcs } from "@/lib/ics";

export const notFoundText = () =>
  new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

type Subject = { id: string; slug: string; name: string };

/**
 * The GET of a feed about one topic or series, found by its address with `load` (which finds none until it
 * has a public event: until then it is as absent as an unknown address); `respond` writes the feed.
 */
export function feedOfSlug(load: (slug: string) => Promise<Subject | null | undefined>, respond: (subject: Subject) => Promise<Response>) {
  return async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const subject = await load((await params).slug);
    return subject ? respond(subject) : notFoundText();
  };
}

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
