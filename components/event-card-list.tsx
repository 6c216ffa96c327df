import Link from "next/link";
import type { ReactNode } from "react";
import type { ArchiveEvent } from "@/db/queries/archive";
import { formatsFor } from "@/lib/i18n/format";
import { langAttribute } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import { publishedText } from "@/lib/summary-publish";
import { type CardPage, CancelledBadge, cardTexts, EventCard, EventWhenWhere, type HomeZone, type PublishedSummary, SummaryLink } from "./event-card";

type SectionProps = { id: string; title: string; empty: string; children: ReactNode; count: number; order?: string };

/** A titled part of a listing page that says so when it has nothing in it, and in what order it lists. */
export function ListingSection({ id, title, empty, children, count, order }: SectionProps) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <div>
        <h2 id={id} className="text-2xl font-semibold text-brand-900">
          {title}
        </h2>
        {order && count > 1 && <p className="text-sm text-slate-600">{order}</p>}
      </div>
      {count === 0 ? <p className="text-slate-600">{empty}</p> : children}
    </section>
  );
}

type Listing = {
  meetings: { upcoming: ArchiveEvent[]; past: ArchiveEvent[] };
  home: HomeZone;
  page: CardPage;
  /** A series lists its meetings by number; a topic its events as cards. */
  of: "series" | "topic";
};

/** A series' or a topic's upcoming and past events, each under its heading, with the order each stands in. */
export function UpcomingAndPast({ meetings, home, page, of }: Listing) {
  const t = translator(page.language, "pages");
  const words =
    of === "series"
      ? { List: MeetingList, upcoming: t("listing.upcomingMeetings"), past: t("listing.pastMeetings"), noUpcoming: t("listing.noUpcomingMeetings"), noPast: t("listing.noPastMeetings"), upcomingOrder: t("listing.seriesUpcomingOrder"), pastOrder: t("listing.seriesPastOrder") }
      : { List: EventCardList, upcoming: t("listing.upcomingEvents"), past: t("listing.pastEvents"), noUpcoming: t("listing.noUpcomingEvents"), noPast: t("listing.noPastEvents"), upcomingOrder: t("listing.soonestFirst"), pastOrder: t("listing.topicPastOrder") };
  const { List } = words;
  return (
    <>
      <ListingSection id="upcoming-heading" title={words.upcoming} empty={words.noUpcoming} count={meetings.upcoming.length} order={words.upcomingOrder}>
        <List events={meetings.upcoming} home={home} page={page} />
      </ListingSection>
      <ListingSection id="past-heading" title={words.past} empty={words.noPast} count={meetings.past.length} order={words.pastOrder}>
        <List events={meetings.past} home={home} page={page} />
      </ListingSection>
    </>
  );
}

/**
 * The published summary of a listed event, or null when it has none: in the page's language once it is
 * published in it, else the default language's, marked as such.
 */
export const summaryOf = (
  event: Pick<ArchiveEvent, "summaryTitle" | "summaryLede" | "summaryStatus" | "summaryTranslations" | "summaryTranslationPublishedAt">,
  page: CardPage,
): PublishedSummary | null => {
  if (event.summaryTitle === null || event.summaryStatus === null) return null;
  const text = publishedText(
    { title: event.summaryTitle, lede: event.summaryLede, status: event.summaryStatus, translations: event.summaryTranslations ?? {}, translationPublishedAt: event.summaryTranslationPublishedAt ?? {} },
    page.language,
    page.defaultLanguage,
  );
  return {
    title: text.title.trim() ? { text: text.title, lang: text.langOf.title } : null,
    lede: text.lede?.trim() ? { text: text.lede, lang: text.langOf.lede ?? page.defaultLanguage } : null,
  };
};

/** Events as cards under a level-2 heading, each with its summary: the topic page's upcoming and past lists. */
export function EventCardList({ events, home, page }: { events: ArchiveEvent[]; home: HomeZone; page: CardPage }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} home={home} page={page} showTopic={false} summary={summaryOf(event, page)} summaryLink="title" />
        </li>
      ))}
    </ul>
  );
}

/** A series' meetings by number: "Fourth meeting — From the United Nations", each with its summary. */
export function MeetingList({ events, home, page }: { events: ArchiveEvent[]; home: HomeZone; page: CardPage }) {
  const t = translator(page.language, "pages");
  return (
    <ul className="space-y-4">
      {events.map((event) => {
        const summary = summaryOf(event, page);
        const { title } = cardTexts(event, page);
        return (
          <li key={event.id} className="rounded-lg border border-slate-200 p-4">
            <h3 className="text-lg font-semibold">
              <Link href={page.href(`/events/${event.slug}`)}>
                {event.seriesNumber ? (
                  t.rich("cards.meetingTitle", {
                    meeting: formatsFor(page.language).meetingLabel(event.seriesNumber),
                    title: title.text,
                    name: (chunks) => <span lang={langAttribute(title, page.language)}>{chunks}</span>,
                  })
                ) : (
                  <span lang={langAttribute(title, page.language)}>{title.text}</span>
                )}
              </Link>
              {event.status === "cancelled" && <CancelledBadge page={page} />}
            </h3>
            <EventWhenWhere event={event} home={home} className="mt-1" page={page} />
            {summary && <SummaryLink slug={event.slug} eventTitle={title.text} summary={summary} form="title" page={page} />}
          </li>
        );
      })}
    </ul>
  );
}
