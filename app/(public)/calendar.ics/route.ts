import { listCalendarEvents } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { appUrl } from "@/lib/env";
import { buildCalendar, eventToIcs } from "@/lib/ics";
import { PAGE_TAGS, prerenderingAtBuild, tagPage } from "@/lib/public-cache";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Every public event of the last twelve months and all to come, for calendar applications to subscribe to. */
export async function GET() {
  // `next build` has no database: an empty placeholder, expired as soon as the build ends (next.config.js).
  if (prerenderingAtBuild()) return new Response("");
  await tagPage(PAGE_TAGS.lists());
  const since = new Date(Date.now() - YEAR_MS);
  const [settings, events] = await Promise.all([getSettings(), listCalendarEvents(since)]);
  const base = appUrl();
  const body = buildCalendar({ name: settings.organizationName, events: events.map((e) => eventToIcs(e, base)) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="calendar.ics"',
      "Cache-Control": "public, max-age=900",
    },
  });
}
