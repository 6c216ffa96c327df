import type { Metadata } from "next";
import { appUrl } from "@/lib/env";

type Props = {
  /** The page's path, "/topics/wps" or "/series/wps-innovation": its feeds live under it. */
  path: string;
  /** A topic has an Atom feed of its summaries too; a series, its calendar only. */
  feed?: boolean;
};

/** "Subscribe": the page's calendar (and feed of summaries), as links any reader or calendar can take. */
export function SubscribeLinks({ path, feed = false }: Props) {
  return (
    <p className="no-print text-sm">
      <span className="font-medium">Subscribe:</span> <a href={`${path}/calendar.ics`}>calendar of events</a>{" "}
      <span className="text-slate-600">(iCalendar)</span>
      {feed && (
        <>
          {" · "}
          <a href={`${path}/feed.xml`}>summaries</a> <span className="text-slate-600">(Atom feed)</span>
        </>
      )}
    </p>
  );
}

/** The same feeds as <link rel="alternate">, for browsers and readers that discover them from the page. */
export function subscribeAlternates(path: string, name: string, feed = false): Metadata["alternates"] {
  // Absolute, as the site has no metadataBase: a reader fetches them from wherever it found the page.
  const base = appUrl();
  return {
    types: {
      "text/calendar": [{ url: `${base}${path}/calendar.ics`, title: `${name}: calendar of events` }],
      ...(feed ? { "application/atom+xml": [{ url: `${base}${path}/feed.xml`, title: `${name}: summaries` }] } : {}),
    },
  };
}
