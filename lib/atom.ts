import { plainExcerpt, renderMarkdown } from "@/lib/markdown";
import { escapeXml } from "@/lib/xml";

// Every piece of text goes through this, so that no character staff typed can break the document.
const xml = escapeXml;

/** A published summary as a feed entry is made from it. */
export type FeedSummary = {
  id: string;
  title: string;
  lede: string | null;
  body: string;
  publishedAt: Date | null;
  updatedAt: Date;
  eventSlug: string;
  eventTitle: string;
  topicName: string | null;
  /** The language the entry's texts are in, when it is not the feed's (a summary not translated yet). */
  language?: string;
};

type SummaryFeed = {
  /** The site's public origin, without a trailing slash. */
  base: string;
  /** The feed's own path ("/feed.xml"), which is also its id. */
  selfPath: string;
  /** The page the feed follows ("/topics/…"). */
  pagePath: string;
  title: string;
  author: string;
  summaries: readonly FeedSummary[];
  /** The feed's language, and how its links to the site's pages are written in it ("/ja/events/…"). */
  language: string;
  href: (path: string) => string;
};

/** An Atom feed (RFC 4287) of published summaries. */
export function summaryFeed({ base, selfPath, pagePath, title, author, summaries, language, href }: SummaryFeed): string {
  const updated = summaries.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), new Date(0));
  const entries = summaries.map((r) => {
    const url = `${base}${href(`/events/${r.eventSlug}/summary`)}`;
    return [
      r.language && r.language !== language ? `  <entry xml:lang="${xml(r.language)}">` : "  <entry>",
      `    <id>urn:uuid:${r.id}</id>`,
      `    <title>${xml(r.title.trim() || r.eventTitle)}</title>`,
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
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(language)}">`,
    `  <id>${xml(`${base}${selfPath}`)}</id>`,
    `  <title>${xml(title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${base}${selfPath}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${base}${href(pagePath)}`)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${xml(author)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

// No Cache-Control of its own: the feeds are cached routes, and Next.js sends theirs (README, "Caching").
export const ATOM_HEADERS = { "Content-Type": "application/atom+xml; charset=utf-8" };
