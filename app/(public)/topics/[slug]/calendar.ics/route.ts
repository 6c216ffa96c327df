import { getPublicFeedTopic, listCalendarEventsOf } from "@/db/queries/feeds";
import { getSettings } from "@/db/queries/settings";
import { calendarResponse, feedOfSlug } from "@/lib/calendar-feed";
import { appUrl } from "@/lib/env";
import { PAGE_TAGS, taggedLoader } from "@/lib/public-cache";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

const load = taggedLoader(getPublicFeedTopic, PAGE_TAGS.topic);

export { generateStaticParams } from "@/lib/public-page";

/** A topic's public events as a calendar to subscribe to; a topic without any is as absent as an unknown one. */
export const GET = feedOfSlug(load, async (topic) => {
  const [settings, events] = await Promise.all([getSettings(), listCalendarEventsOf({ topicId: topic.id })]);
  return calendarResponse(`${settings.organizationName}: ${topic.name}`, events, appUrl(), `${topic.slug}.ics`);
});
