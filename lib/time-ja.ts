/**
 * The Japanese phrases of lib/time.ts: the same readings of the same clocks,
 * and the same rules about what is shown, written as a Japanese press release
 * writes them ("現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）").
 *
 * Zone arithmetic and the rules of the event-time line and of durations live in
 * lib/time.ts; this file only words them. Functions keep the English names, so
 * a page picks its language by the module it imports.
 */

import {
  assertTimeZone,
  assertValidInstant,
  dualClocks,
  durationParts,
  wallClockAsUtcMs,
  zonedWallClock,
  type DualTimeParts,
  type WallClock,
} from "./time";

// The wall clock is already read in the right zone, so these formatters only
// word it: they run in UTC on the reading taken as if it were UTC.
const longDateFormatter = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "UTC",
  year: "numeric",
  month: "long",
  day: "numeric",
});
const shortDateFormatter = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "UTC",
  month: "long",
  day: "numeric",
});
// h11 is the Japanese twelve-hour clock: noon is 午後0時 and midnight 午前0時,
// as in government and broadcast usage (not 午後12時).
const dayPeriodFormatter = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "UTC",
  hour: "numeric",
  hourCycle: "h11",
});

const longDate = (w: WallClock): string => longDateFormatter.format(wallClockAsUtcMs(w));
const shortDate = (w: WallClock): string => shortDateFormatter.format(wallClockAsUtcMs(w));

function clockTime(w: WallClock): string {
  const parts = dayPeriodFormatter.formatToParts(Date.UTC(2000, 0, 1, w.hour));
  const dayPeriod = parts.find((part) => part.type === "dayPeriod")?.value ?? (w.hour < 12 ? "午前" : "午後");
  const hour = parts.find((part) => part.type === "hour")?.value ?? String(w.hour % 12);
  // On the hour a Japanese text writes just the hour: 午後4時, not 午後4時0分.
  return `${dayPeriod}${hour}時${w.minute === 0 ? "" : `${w.minute}分`}`;
}

/** "2024年3月18日" */
export function formatLocalDate(instant: Date, timeZone: string): string {
  return longDate(zonedWallClock(instant, timeZone));
}

/** "3月18日" */
export function formatShortDate(instant: Date, timeZone: string): string {
  return shortDate(zonedWallClock(instant, timeZone));
}

/** "午後4時35分", "午後4時" on the hour. */
export function formatTime(instant: Date, timeZone: string): string {
  return clockTime(zonedWallClock(instant, timeZone));
}

/** "午後4時35分～午後5時40分", with the full-width wave dash of Japanese documents. */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)}\uff5e${formatTime(end, timeZone)}`;
}

// Japanese texts say 日本時間, which CLDR does not give: its generic name for
// Tokyo is the abbreviation "JST" and its long one 日本標準時.
const FIXED_LABELS: Readonly<Record<string, string>> = { "Asia/Tokyo": "日本時間", Japan: "日本時間" };
const LATIN = /\p{Script=Latin}/u;
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneName(timeZone: string, style: "shortGeneric" | "longGeneric" | "long" | "shortOffset", ms: number): string | undefined {
  const key = `${style} ${timeZone}`;
  let formatter = zoneNameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("ja-JP", { timeZone, timeZoneName: style });
    zoneNameFormatters.set(key, formatter);
  }
  return formatter.formatToParts(ms).find((part) => part.type === "timeZoneName")?.value.trim();
}

/**
 * The Japanese name of a home zone: 日本時間 for Tokyo, else the first of
 * CLDR's ja names that is written in Japanese, generic before specific so that
 * a zone keeps one name across daylight saving as press releases write it
 * ("ニューヨーク時間", "イギリス時間", "ネパール時間", "協定世界時"). A zone
 * with no Japanese name keeps its GMT offset ("GMT+5:45").
 *
 * The configured home label of the settings is English ("JST") and is not used here.
 */
export function zoneLabel(timeZone: string, instant: Date): string {
  const ms = assertValidInstant(instant);
  assertTimeZone(timeZone);
  const fixed = FIXED_LABELS[timeZone];
  if (fixed) return fixed;
  for (const style of ["shortGeneric", "longGeneric", "long"] as const) {
    const name = zoneName(timeZone, style, ms);
    if (name && !LATIN.test(name)) return name;
  }
  return zoneName(timeZone, "shortOffset", ms) ?? timeZone;
}

/**
 * The pieces of the event-time line, under lib/time.ts's rule: the home time
 * is null when both clocks read the same, the home date null on the same day.
 * The home label is always the zone's Japanese name (zoneLabel).
 */
export function formatDualTimeParts(start: Date, eventZone: string, homeZone: string): DualTimeParts {
  const { local, home, showHomeDate } = dualClocks(start, eventZone, homeZone);
  return {
    localDate: longDate(local),
    localTime: clockTime(local),
    homeDate: home && showHomeDate ? shortDate(home) : null,
    homeTime: home ? clockTime(home) : null,
    homeLabel: zoneLabel(homeZone, start),
  };
}

/**
 * "現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）", or without the
 * bracket when the home clock reads the same, as the English line drops its home clause.
 */
export function formatDualTime(start: Date, eventZone: string, homeZone: string): string {
  const parts = formatDualTimeParts(start, eventZone, homeZone);
  const local = `現地時間${parts.localDate}${parts.localTime}`;
  if (parts.homeTime === null) return local;
  return `${local}（${parts.homeLabel}${parts.homeDate ?? ""}${parts.homeTime}）`;
}

/** "約65分間", "約1時間", "約1時間30分": the English rule of when to count in hours. */
export function formatDuration(minutes: number): string {
  const parts = durationParts(minutes);
  if (parts.hours === 0) return `約${parts.minutes}分間`;
  return parts.minutes === 0 ? `約${parts.hours}時間` : `約${parts.hours}時間${parts.minutes}分`;
}
