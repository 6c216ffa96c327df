import { getPublicFeedSeries, listCalendarEventsOf } from "@/db/queries/feeds";
import { getSettings } from "@/db/queries/settings";
import { calendarResponse, feedOfSlug } from "@/lib/calendar-feed";
import { appUrl } from "@/lib/env";
import { PAGE_TAGS, taggedLoader } from "@/lib/public-cache";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

const load = taggedLoader(getPublicFeedSeries, PAGE_TAGS.series);

export { generateStaticParams } from "@/lib/public-page";

/** A series' public meetings as a calendar to subscribe to; a series without any is as absent as an unknown one. */
export const GET = feedOfSlug(load, async (series) => {
  const [settings, events] = await Promise.all([getSettings(), listCalendarEventsOf({ seriesId: series.id })]);
  return calendarResponse(`${settings.organizationName}: ${series.name}`, events, appUrl(), `${series.slug}.ics`);
});
