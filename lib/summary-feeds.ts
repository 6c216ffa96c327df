import { getPublicFeedTopic } from "@/db/queries/feeds";
import { listFeedSummaries } from "@/db/queries/published-summaries";
import { getSettings } from "@/db/queries/settings";
import { ATOM_HEADERS, type FeedSummary, summaryFeed } from "@/lib/atom";
import { notFoundText } from "@/lib/calendar-feed";
import { appUrl } from "@/lib/env";
import type { Translations } from "@/lib/i18n/languages";
import { localized } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import { fileLanguage, type LangParams, type PageLanguage } from "@/lib/i18n/page";
import { PAGE_TAGS, prerenderingAtBuild, tagPage } from "@/lib/public-cache";
import { isPublishedIn } from "@/lib/summary-publish";

type FeedParams = { params: Promise<LangParams & { slug?: string }> };

/**
 * The summaries as a feed in `page`'s language shows them: each in that language once it is published
 * in it, else in the default language's, marked as such (`xml:lang` on the entry).
 */
async function feedSummaries(page: PageLanguage, topicId?: string): Promise<FeedSummary[]> {
  const rows = await listFeedSummaries(50, topicId ? { topicId } : {});
  return rows.map((r) => {
    const shown = isPublishedIn(r, page.language, page.defaultLanguage) ? page.language : page.defaultLanguage;
    const own = shown === page.defaultLanguage ? null : r.translations[shown];
    const name = (value: string | null, translations: Translations<"name" | "description"> | null) =>
      value === null ? null : (localized({ name: value, translations: translations ?? {} }, "name", page.language, page.defaultLanguage)?.text ?? value);
    return {
      id: r.id,
      title: own?.title?.trim() || r.title,
      lede: own ? own.lede?.trim() || null : r.lede,
      body: own?.body?.trim() || r.body,
      publishedAt: own ? new Date(r.translationPublishedAt[shown]!) : r.publishedAt,
      updatedAt: r.updatedAt,
      eventSlug: r.eventSlug,
      eventTitle: localized({ title: r.eventTitle, translations: r.eventTranslations }, "title", shown, page.defaultLanguage)?.text ?? r.eventTitle,
      topicName: name(r.topicName, r.topicTranslations),
      language: shown,
    };
  });
}

/**
 * The site's Atom feed (RFC 4287) of published summaries, `/feed.xml` in the default language and
 * `/<language>/feed.xml` in each other enabled one.
 */
export async function siteFeed(_request: Request, { params }: FeedParams): Promise<Response> {
  // `next build` has no database: an empty placeholder, expired as soon as the build ends (next.config.js).
  if (prerenderingAtBuild()) return new Response("", { headers: ATOM_HEADERS });
  const page = await fileLanguage(params);
  if (!page) return notFoundText();
  await tagPage(PAGE_TAGS.lists());
  const [settings, summaries] = await Promise.all([getSettings(), feedSummaries(page)]);
  const feed = summaryFeed({
    base: appUrl(),
    selfPath: page.href("/feed.xml"),
    pagePath: "/",
    title: translator(page.language, "pages")("feed.siteTitle", { organization: settings.organizationName }),
    author: settings.organizationName,
    summaries,
    language: page.language,
    href: page.href,
  });
  return new Response(feed, { headers: ATOM_HEADERS });
}

/** A topic's Atom feed of its published summaries; a topic without a public event is as absent as an unknown one. */
export async function topicFeed(_request: Request, { params }: FeedParams): Promise<Response> {
  const [page, { slug }] = await Promise.all([fileLanguage(params), params]);
  const topic = page && slug ? await getPublicFeedTopic(slug) : null;
  if (!page || !topic) {
    await tagPage(PAGE_TAGS.missing());
    return notFoundText();
  }
  await tagPage(PAGE_TAGS.topic(topic.id));
  const [settings, summaries] = await Promise.all([getSettings(), feedSummaries(page, topic.id)]);
  const name = localized(topic, "name", page.language, page.defaultLanguage)?.text ?? topic.name;
  const feed = summaryFeed({
    base: appUrl(),
    selfPath: page.href(`/topics/${topic.slug}/feed.xml`),
    pagePath: `/topics/${topic.slug}`,
    title: translator(page.language, "pages")("feed.topicTitle", { organization: settings.organizationName, topic: name }),
    author: settings.organizationName,
    summaries,
    language: page.language,
    href: page.href,
  });
  return new Response(feed, { headers: ATOM_HEADERS });
}
