import { listFeedSummaries } from "@/db/queries/feeds";
import { getSettings } from "@/db/queries/settings";
import { appUrl } from "@/lib/env";
import { plainExcerpt, renderMarkdown } from "@/lib/markdown";
import { escapeXml } from "@/lib/xml";

export const dynamic = "force-dynamic";

// Every piece of text goes through this, so that no character staff typed can break the document.
const xml = escapeXml;

/** An Atom feed (RFC 4287) of the published summaries. */
export async function GET() {
  const [settings, rows] = await Promise.all([getSettings(), listFeedSummaries()]);
  const base = appUrl();
  const updated = rows.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), new Date(0));
  const entries = rows.map((r) => {
    const url = `${base}/events/${r.eventSlug}/summary`;
    const title = r.title.trim() || r.eventTitle;
    return [
      "  <entry>",
      `    <id>urn:uuid:${r.id}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <published>${(r.publishedAt ?? r.updatedAt).toISOString()}</published>`,
      `    <updated>${r.updatedAt.toISOString()}</updated>`,
      r.topicName ? `    <category term="${xml(r.topicName)}"/>` : null,
      `    <summary>${xml(r.lede?.trim() || plainExcerpt(r.body))}</summary>`,
      `    <content type="html">${xml(renderMarkdown(r.body))}</content>`,
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  const feed = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(`${base}/feed.xml`)}</id>`,
    `  <title>${xml(`${settings.organizationName}: event summaries`)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${base}/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${base}/`)}"/>`,
    `  <updated>${(rows.length ? updated : new Date(0)).toISOString()}</updated>`,
    `  <author><name>${xml(settings.organizationName)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
  return new Response(feed, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
