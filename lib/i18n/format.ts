import * as namesEn from "@/lib/names";
import * as namesJa from "@/lib/names-ja";
import * as timeEn from "@/lib/time";
import * as timeJa from "@/lib/time-ja";
import type { Language } from "./languages";

/** The home time zone as the organization configured it; its English label is for English pages only. */
export type HomeClock = { zone: string; label: string };

/**
 * Dates, times, durations and series lines in one language, by the same rules (lib/time.ts decides when
 * the home date and time are shown, and how durations round). English: lib/time.ts and lib/names.ts;
 * Japanese: lib/time-ja.ts and lib/names-ja.ts.
 */
export type Formats = {
  localDate: (instant: Date, timeZone: string) => string;
  shortDate: (instant: Date, timeZone: string) => string;
  timeRange: (start: Date, end: Date, timeZone: string) => string;
  dualTime: (start: Date, eventZone: string, home: HomeClock) => string;
  duration: (minutes: number) => string;
  seriesLine: (name: string | null, number: number | null) => string | null;
  meetingLabel: (number: number) => string;
};

const FORMATS: Record<Language, Formats> = {
  en: {
    localDate: timeEn.formatLocalDate,
    shortDate: timeEn.formatShortDate,
    timeRange: timeEn.formatTimeRange,
    dualTime: (start, eventZone, home) => timeEn.formatDualTime(start, eventZone, home.zone, home.label),
    duration: timeEn.formatDuration,
    seriesLine: namesEn.seriesLine,
    meetingLabel: namesEn.meetingLabel,
  },
  ja: {
    localDate: timeJa.formatLocalDate,
    shortDate: timeJa.formatShortDate,
    timeRange: timeJa.formatTimeRange,
    // The configured label ("JST") is English: the Japanese line names the zone itself (日本時間).
    dualTime: (start, eventZone, home) => timeJa.formatDualTime(start, eventZone, home.zone),
    duration: timeJa.formatDuration,
    seriesLine: namesJa.seriesLine,
    meetingLabel: namesJa.meetingLabel,
  },
};

export function formatsFor(language: Language): Formats {
  return FORMATS[language];
}
