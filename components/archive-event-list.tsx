import Link from "next/link";
import type { ArchiveEvent } from "@/db/queries/archive";
import { Localized } from "@/components/localized-text";
import { formatsFor } from "@/lib/i18n/format";
import { langAttribute } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import { type CardPage, CancelledBadge, cardTexts, type HomeZone, SummaryLink } from "./event-card";
import { summaryOf } from "./event-card-list";

const BADGE = "rounded px-2 py-0.5 text-xs font-semibold";

/** "Upcoming" or "Past", so that a mixed list says which is which without reading the dates. */
function PhaseBadge({ upcoming, page }: { upcoming: boolean; page: CardPage }) {
  const t = translator(page.language, "pages");
  return upcoming ? <span className={`${BADGE} bg-emerald-100 text-emerald-900`}>{t("cards.upcoming")}</span> : <span className={`${BADGE} bg-slate-200 text-slate-800`}>{t("cards.past")}</span>;
}

/** One page of the public archive: each event with its topic, series, time and place, and its summary. */
export function ArchiveEventList({ events, home, labelledBy, page }: { events: ArchiveEvent[]; home: HomeZone; labelledBy: string; page: CardPage }) {
  const formats = formatsFor(page.language);
  return (
    <ol aria-labelledby={labelledBy} className="divide-y divide-slate-200 border-y border-slate-200">
      {events.map((event) => {
        const texts = cardTexts(event, page);
        const series = texts.series && formats.seriesLine(texts.series.text, event.seriesNumber);
        const summary = summaryOf(event, page);
        return (
          <li key={event.id} className="py-4">
            <article className="space-y-1">
              <p className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-600">
                <PhaseBadge upcoming={event.upcoming} page={page} />
                {event.topicSlug && texts.topic && (
                  <Link href={page.href(`/topics/${event.topicSlug}`)}>
                    <Localized text={texts.topic} pageLanguage={page.language} />
                  </Link>
                )}
              </p>
              <h3 className="text-lg font-semibold">
                <Link href={page.href(`/events/${event.slug}`)} lang={langAttribute(texts.title, page.language)}>
                  {texts.title.text}
                </Link>
                {event.status === "cancelled" && <CancelledBadge page={page} />}
              </h3>
              {series && event.seriesSlug && (
                <p className="text-sm text-slate-700">
                  <Link href={page.href(`/series/${event.seriesSlug}`)}>{series}</Link>
                </p>
              )}
              <p className="text-sm">
                <time dateTime={event.startsAt.toISOString()}>{formats.dualTime(event.startsAt, event.timeZone, home)}</time>
                {texts.venue && (
                  <span className="text-slate-600">
                    {" · "}
                    <Localized text={texts.venue} pageLanguage={page.language} />
                    {texts.city && (
                      <>
                        {page.language === "ja" ? "、" : ", "}
                        <Localized text={texts.city} pageLanguage={page.language} />
                      </>
                    )}
                  </span>
                )}
              </p>
              {summary && <SummaryLink slug={event.slug} eventTitle={texts.title.text} summary={summary} form="short" page={page} />}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
