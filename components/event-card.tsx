import Link from "next/link";
import { Localized } from "@/components/localized-text";
import { formatsFor, type HomeClock } from "@/lib/i18n/format";
import type { Translations } from "@/lib/i18n/languages";
import { langAttribute, localized, type LocalizedText } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import type { PageLanguage } from "@/lib/i18n/page";

export type EventCardData = {
  slug: string;
  title: string;
  status: "draft" | "scheduled" | "cancelled";
  timeZone: string;
  startsAt: Date;
  seriesName: string | null;
  seriesNumber: number | null;
  topicName: string | null;
  venueName: string | null;
  venueCity: string | null;
  translations: Translations<"title" | "description">;
  seriesTranslations: Translations<"name" | "description"> | null;
  topicTranslations: Translations<"name" | "description"> | null;
  venueTranslations: Translations<"name" | "address" | "city" | "country"> | null;
};

export type HomeZone = HomeClock;

/** What a list needs of the page it is on: its language, and how its links are written. */
export type CardPage = Pick<PageLanguage, "language" | "defaultLanguage" | "href">;

type Props = {
  event: EventCardData;
  home: HomeZone;
  page: CardPage;
  /** Where the title links; the event's public page unless given. */
  href?: string;
  /** The card's heading level, to fit the page's outline. */
  level?: 2 | 3;
  /** Leave the topic out on the topic's own page. */
  showTopic?: boolean;
  /** The event's published summary, when it has one, linked below the details. */
  summary?: PublishedSummary | null;
  /** "title": the link reads the summary's title, with its lede; "short": "Read the summary". */
  summaryLink?: "title" | "short";
};

export type PublishedSummary = { title: LocalizedText | null; lede?: LocalizedText | null };

/** A listed event's texts in the page's language, each falling back on its own to the default language's. */
export function cardTexts(event: EventCardData, page: CardPage) {
  const text = (value: string | null, translations: Translations<string> | null, field: string) =>
    value === null ? null : localized({ [field]: value, translations: translations ?? {} } as never, field as never, page.language, page.defaultLanguage);
  return {
    title: text(event.title, event.translations, "title") ?? { text: event.title, lang: page.defaultLanguage },
    topic: text(event.topicName, event.topicTranslations, "name"),
    series: text(event.seriesName, event.seriesTranslations, "name"),
    venue: text(event.venueName, event.venueTranslations, "name"),
    city: text(event.venueCity, event.venueTranslations, "city"),
  };
}

/** "Cancelled", in red, after an event's title. */
export function CancelledBadge({ page }: { page: CardPage }) {
  return <span className="ml-2 rounded bg-red-100 px-2 py-0.5 align-middle text-xs font-semibold text-red-800">{translator(page.language, "pages")("cards.cancelled")}</span>;
}

/**
 * A link to an event's published summary. The short form names the event for screen readers, so that a
 * list of them does not read as a row of identical links.
 */
export function SummaryLink({ slug, eventTitle, summary, form, page }: { slug: string; eventTitle: string; summary: PublishedSummary; form: "title" | "short"; page: CardPage }) {
  const t = translator(page.language, "pages");
  const href = page.href(`/events/${slug}/summary`);
  if (form === "short") {
    return (
      <p className="mt-2 text-sm font-medium">
        <Link href={href}>
          {t("cards.readSummary")}
          <span className="sr-only">{t("cards.readSummaryOf", { title: eventTitle })}</span>
        </Link>
      </p>
    );
  }
  return (
    <div className="mt-3 border-t border-slate-200 pt-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("cards.summary")}</p>
      <p className="font-semibold">
        <Link href={href}>{summary.title ? <Localized text={summary.title} pageLanguage={page.language} /> : t("cards.summaryOf", { title: eventTitle })}</Link>
      </p>
      {summary.lede && (
        <p className="mt-1 text-sm text-slate-800" lang={langAttribute(summary.lede, page.language)}>
          {summary.lede.text}
        </p>
      )}
    </div>
  );
}

/** When a listed event starts (its local time and the home zone's) and, if it has one, its venue. */
export function EventWhenWhere({ event, home, className, page }: { event: EventCardData; home: HomeZone; className: string; page: CardPage }) {
  const { venue, city } = cardTexts(event, page);
  return (
    <>
      <p className={`${className} text-sm`}>
        <time dateTime={event.startsAt.toISOString()}>{formatsFor(page.language).dualTime(event.startsAt, event.timeZone, home)}</time>
      </p>
      {venue && (
        <p className="text-sm text-slate-600">
          <Localized text={venue} pageLanguage={page.language} />
          {city && (
            <>
              {page.language === "ja" ? "、" : ", "}
              <Localized text={city} pageLanguage={page.language} />
            </>
          )}
        </p>
      )}
    </>
  );
}

export function EventCard({ event, home, page, href, level = 3, showTopic = true, summary, summaryLink = "short" }: Props) {
  const texts = cardTexts(event, page);
  const series = texts.series && formatsFor(page.language).seriesLine(texts.series.text, event.seriesNumber);
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className="rounded-lg border border-slate-200 p-4">
      {showTopic && texts.topic && (
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          <Localized text={texts.topic} pageLanguage={page.language} />
        </p>
      )}
      <Heading className="mt-1 text-lg font-semibold">
        <Link href={href ?? page.href(`/events/${event.slug}`)} lang={langAttribute(texts.title, page.language)}>
          {texts.title.text}
        </Link>
        {event.status === "cancelled" && <CancelledBadge page={page} />}
      </Heading>
      {series && texts.series && (
        // Marked only when the line is the name alone: "第4回会合" around an English name is still Japanese.
        <p className="text-sm text-slate-700" lang={event.seriesNumber ? undefined : langAttribute(texts.series, page.language)}>
          {series}
        </p>
      )}
      <EventWhenWhere event={event} home={home} className="mt-2" page={page} />
      {summary && <SummaryLink slug={event.slug} eventTitle={texts.title.text} summary={summary} form={summaryLink} page={page} />}
    </article>
  );
}
