import { siteFeed } from "@/lib/summary-feeds";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

/** An Atom feed (RFC 4287) of the published summaries, in the default language (lib/summary-feeds.ts). */
export const GET = siteFeed;
