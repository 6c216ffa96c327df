import { topicFeed } from "@/lib/summary-feeds";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

export { generateStaticParams } from "@/lib/public-page";

/** An Atom feed of a topic's published summaries (lib/summary-feeds.ts). */
export const GET = topicFeed;
