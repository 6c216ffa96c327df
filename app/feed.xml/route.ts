import { listFeedSummaries } from "@/db/queries/feeds";
import { getSettings } from "@/db/queries/settings";
import { ATOM_HEADERS, summaryFeed } from "@/lib/atom";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** An Atom feed (RFC 4287) of the published summaries. */
export async function GET() {
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
