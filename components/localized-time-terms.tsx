import type { Language } from "@/lib/i18n/languages";
import * as en from "@/lib/time";
import * as ja from "@/lib/time-ja";

type Timed = { startsAt: Date; endsAt: Date; timeZone: string };

/** The date wording of each language: lib/time.ts and its Japanese twin have the same names. */
const TIME: Record<Language, { formatLocalDate: typeof en.formatLocalDate; formatTimeRange: typeof en.formatTimeRange; formatDuration: typeof en.formatDuration }> = { en, ja };

/** A day as a page in `language` writes it: "March 18, 2024", "2024年3月18日". */
export function localDate(instant: Date, timeZone: string, language: Language): string {
  return TIME[language].formatLocalDate(instant, timeZone);
}

/** The start in the event's zone and, when it differs, the home zone's, in `language`. */
export function dualTime(start: Date, eventZone: string, home: { zone: string; label: string }, language: Language): string {
  return language === "ja" ? ja.formatDualTime(start, eventZone, home.zone) : en.formatDualTime(start, eventZone, home.zone, home.label);
}

/**
 * The "When" and "Time" of an event's details list in `language` (components/event-time-terms.tsx is
 * the English one of the event page): its start in its own zone and the home zone, then its local times and length.
 */
export function LocalizedTimeTerms({
  event,
  home,
  language,
  labels,
}: {
  event: Timed;
  home: { zone: string; label: string };
  language: Language;
  /** "When", "Time", and the time line with {range} and {duration} filled in. */
  labels: { when: string; time: string; timeLine: (parts: { range: string; duration: string }) => string };
}) {
  const words = TIME[language];
  return (
    <>
      <dt className="font-medium text-slate-600">{labels.when}</dt>
      <dd>
        <time dateTime={event.startsAt.toISOString()}>{dualTime(event.startsAt, event.timeZone, home, language)}</time>
      </dd>
      <dt className="font-medium text-slate-600">{labels.time}</dt>
      <dd>
        {labels.timeLine({
          range: words.formatTimeRange(event.startsAt, event.endsAt, event.timeZone),
          duration: words.formatDuration(en.durationMinutes(event.startsAt, event.endsAt)),
        })}
      </dd>
    </>
  );
}
