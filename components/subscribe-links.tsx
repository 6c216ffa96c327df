import type { Metadata } from "next";
import { appUrl } from "@/lib/env";
import type { Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";

type Props = {
  /** The page's path, "/topics/wps" or "/series/wps-innovation": its feeds live under it. */
  path: string;
  /** A topic has an Atom feed of its summaries too; a series, its calendar only. */
  feed?: boolean;
  language?: Language;
  /** Where the feed of summaries in the page's language is ("/ja/topics/wps/feed.xml"); `${path}/feed.xml` if not given. */
  feedPath?: string;
};

/** "Subscribe": the page's calendar (and feed of summaries), as links any reader or calendar can take. */
export function SubscribeLinks({ path, feed = false, language = "en", feedPath = `${path}/feed.xml` }: Props) {
  const t = translator(language, "pages");
  return (
    <p className="no-print text-sm">
      <span className="font-medium">{t("subscribe.label")}</span> <a href={`${path}/calendar.ics`}>{t("subscribe.calendar")}</a>{" "}
      <span className="text-slate-600">{t("subscribe.calendarNote")}</span>
      {feed && (
        <>
          {" · "}
          <a href={feedPath}>{t("subscribe.feed")}</a> <span className="text-slate-600">{t("subscribe.feedNote")}</span>
        </>
      )}
    </p>
  );
}

/** The same feeds as <link rel="alternate">, for browsers and readers that discover them from the page. */
export function subscribeAlternates(path: string, name: string, feed = false, language: Language = "en", feedPath = `${path}/feed.xml`): Metadata["alternates"] {
  // Absolute, as the site has no metadataBase: a reader fetches them from wherever it found the page.
  const base = appUrl();
  const t = translator(language, "pages");
  return {
    types: {
      "text/calendar": [{ url: `${base}${path}/calendar.ics`, title: t("subscribe.calendarTitle", { name }) }],
      ...(feed ? { "application/atom+xml": [{ url: `${base}${feedPath}`, title: t("subscribe.feedTitle", { name }) }] } : {}),
    },
  };
}
