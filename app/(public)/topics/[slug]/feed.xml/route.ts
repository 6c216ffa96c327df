import { getPublicFeedTopic } from "@/db/queries/feeds";
import { listFeedSummaries } from "@/db/queries/published-summaries";
import { getSettings } from "@/db/queries/settings";
import { ATOM_HEADERS, summaryFeed } from "@/lib/atom";
import { feedOfSlug } from "@/lib/calendar-feed";
import { appUrl } from "@/lib/env";
import { PAGE_TAGS, taggedLoader } from "@/lib/public-cache";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

const load = taggedLoader(getPublicFeedTopic, PAGE_TAGS.topic);

export { generateStaticParams } from "@/lib/public-page";

/** An Atom feed of a topic's published summaries; a topic without a public event is as absent as an unknown one. */
export const GET = feedOfSlug(load, async (topic) => {
  const [settings, summaries] = await Promise.all([getSettings(), listFeedSummaries(50, { topicId: topic.id })]);
  const feed = summaryFeed({
    base: appUrl(),
    selfPath: `/topics/${topic.slug}/feed.xml`,
    pagePath: `/topics/${topic.slug}`,
    title: `${settings.organizationName}: ${topic.name}`,
    author: settings.organizationName,
    summaries,
  });
  return new Response(feed, { headers: ATOM_HEADERS });
});
