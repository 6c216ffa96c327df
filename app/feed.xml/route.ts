import { listFeedSummaries } from "@/db/queries/published-summaries";
import { getSettings } from "@/db/queries/settings";
import { ATOM_HEADERS, summaryFeed } from "@/lib/atom";
import { appUrl } from "@/lib/env";
import { PAGE_TAGS, prerenderingAtBuild, tagPage } from "@/lib/public-cache";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone.
export const revalidate = 60;

/** An Atom feed (RFC 4287) of the published summaries. */
export async function GET() {
  // `next build` has no database: an empty placeholder, expired as soon as the build ends (next.config.js).
  if (prerenderingAtBuild()) return new Response("", { headers: ATOM_HEADERS });
  await tagPage(PAGE_TAGS.lists());
  const [settings, summaries] = await Promise.all([getSettings(), listFeedSummaries()]);
  const feed = summaryFeed({
    base: appUrl(),
    selfPath: "/feed.xml",
    pagePath: "/",
    title: `${settings.organizationName}: event summaries`,
    author: settings.organizationName,
    summaries,
  });
  return new Response(feed, { headers: ATOM_HEADERS });
}
