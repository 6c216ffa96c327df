/**
 * Time zones, wall-clock times and the English phrases built from them.
 *
 * Events are stored as UTC instants together with the IANA zone of the venue;
 * organisers enter and read times as wall-clock values in that zone. All zone
 * arithmetic goes through `Intl` so that it follows the tz database shipped with
 * the runtime instead of tables that would go stale.
 */

export type ZonedParts = {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm, 24-hour */
  time: string;
};

export type DualTimeParts = {
  /** "March 18, 2024" */
  localDate: string;
  /** "4:35 p.m." */
  localTime: string;
  /** "March 19" when the home date differs from the local date, otherwise null. */
  homeDate: string | null;
  /** "5:35 a.m.", or null when home and local clocks read the same. */
  homeTime: string | null;
  homeLabel: string;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A reading of a clock in some zone; lib/time-ja.ts phrases the same readings in Japanese. */
export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

// Constructing a DateTimeFormat is far more expensive than using one, and pages
// format many times in a handful of zones.
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23 rather than hour12: false, which some ICU versions render as "24" at midnight.
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function assertValidInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError("Invalid date");
  return ms;
}

function wallClockAt(ms: number, timeZone: string): WallClock {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = values;
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined
  ) {
    throw new RangeError(`Cannot read the wall clock in ${timeZone}`);
  }
  return { year, month, day, hour: hour % 24, minute, second };
}

/** Milliseconds since the epoch for a wall-clock reading taken as if it were UTC. */
export function wallClockAsUtcMs(w: WallClock): number {
  const d = new Date(Date.UTC(2000, 0, 1, w.hour, w.minute, w.second));
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return d.getTime();
}

/** Offset in milliseconds; historical local mean times are not whole minutes. */
function offsetMs(ms: number, timeZone: string): number {
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return wallClockAsUtcMs(wallClockAt(wholeSeconds, timeZone)) - wholeSeconds;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

function isoDate(w: WallClock): string {
  return `${String(w.year).padStart(4, "0")}-${pad2(w.month)}-${pad2(w.day)}`;
}

// Making a formatter costs far more than using one: every zone found valid is remembered.
const validTimeZones = new Set<string>();
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.trim() === "") return false;
  if (validTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    validTimeZones.add(tz);
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${String(timeZone)}`);
}

/** Minutes to add to UTC to get the wall clock in `timeZone` at `instant` (New York in winter: -300). */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  const ms = assertValidInstant(instant);
  assertTimeZone(timeZone);
  return Math.round(offsetMs(ms, timeZone) / MINUTE_MS);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

function parseWallClock(date: string, time: string): WallClock {
  const dateMatch = DATE_PATTERN.exec(date);
  const timeMatch = TIME_PATTERN.exec(time);
  if (!dateMatch || !timeMatch) {
    throw new RangeError(`Expected YYYY-MM-DD and HH:mm, got "${date}" and "${time}"`);
  }
  const w: WallClock = {
    year: Number(dateMatch[1]),
    month: Number(dateMatch[2]),
    day: Number(dateMatch[3]),
    hour: Number(timeMatch[1]),
    minute: Number(timeMatch[2]),
    second: 0,
  };
  if (w.hour > 23 || w.minute > 59) throw new RangeError(`No such time: ${time}`);
  // Date normalises 2024-02-30 to March 1; reading the fields back exposes that.
  const check = new Date(wallClockAsUtcMs(w));
  if (
    check.getUTCFullYear() !== w.year ||
    check.getUTCMonth() + 1 !== w.month ||
    check.getUTCDate() !== w.day
  ) {
    throw new RangeError(`No such date: ${date}`);
  }
  return w;
}

/**
 * The UTC instant at which clocks in `timeZone` read `date` `time`.
 *
 * A time skipped by a spring-forward change is moved forward by the length of
 * the gap (02:30 → 03:30), as calendar applications do, so that the event still
 * falls on the intended evening. A time that occurs twice on fall-back night
 * resolves to the first occurrence, so nobody arrives an hour late.
 */
export function zonedDateTimeToUtc(date: string, time: string, timeZone: string): Date {
  const wall = parseWallClock(date, time);
  assertTimeZone(timeZone);
  const wallMs = wallClockAsUtcMs(wall);

  // Every offset in force within a day either side covers any transition that
  // can affect this wall-clock time.
  const offsetBefore = offsetMs(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetMs(wallMs + DAY_MS, timeZone);
  const matches = [offsetBefore, offsetAfter]
    .map((offset) => wallMs - offset)
    .filter((candidate) => candidate + offsetMs(candidate, timeZone) === wallMs)
    .sort((a, b) => a - b);

  const earliest = matches[0];
  if (earliest !== undefined) return new Date(earliest);
  // In a gap, reading the wall time with the offset from before the change
  // lands the same distance past the change as the time was past its start.
  return new Date(wallMs - offsetBefore);
}

/** The wall-clock date and minute in `timeZone` at `instant`; seconds are dropped. */
export function utcToZonedParts(instant: Date, timeZone: string): ZonedParts {
  const ms = assertValidInstant(instant);
  assertTimeZone(timeZone);
  const w = wallClockAt(ms, timeZone);
  return { date: isoDate(w), time: `${pad2(w.hour)}:${pad2(w.minute)}` };
}

// Month names come from Intl so that they stay in step with the rest of the
// platform's English formatting.
const monthNameFormatter = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long" });
const monthNames = new Map<number, string>();

function monthName(month: number): string {
  let name = monthNames.get(month);
  if (name === undefined) {
    name = monthNameFormatter.format(Date.UTC(2000, month - 1, 1));
    monthNames.set(month, name);
  }
  return name;
}

/** The wall clock in `timeZone` at `instant`, after checking both. */
export function zonedWallClock(instant: Date, timeZone: string): WallClock {
  const ms = assertValidInstant(instant);
  assertTimeZone(timeZone);
  return wallClockAt(ms, timeZone);
}

const longDate = (w: WallClock): string => `${monthName(w.month)} ${w.day}, ${w.year}`;
const shortDate = (w: WallClock): string => `${monthName(w.month)} ${w.day}`;

// House style writes "a.m."/"p.m." and calls noon "12:00 p.m." and midnight
// "12:00 a.m.". Building the string from the 24-hour reading also keeps out the
// narrow no-break space that recent ICU versions put before "PM".
function clockTime(w: WallClock): string {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${hour12}:${pad2(w.minute)} ${w.hour < 12 ? "a.m." : "p.m."}`;
}

/** "March 18, 2024" */
export function formatLocalDate(instant: Date, timeZone: string): string {
  return longDate(zonedWallClock(instant, timeZone));
}

/** "March 18" */
export function formatShortDate(instant: Date, timeZone: string): string {
  return shortDate(zonedWallClock(instant, timeZone));
}

/** "4:35 p.m." */
export function formatTime(instant: Date, timeZone: string): string {
  return clockTime(zonedWallClock(instant, timeZone));
}

/** "4:35 p.m. – 5:40 p.m." */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)} \u2013 ${formatTime(end, timeZone)}`;
}

/**
 * A short zone abbreviation for when no label has been configured: "EDT", "EST",
 * "GMT+5:30". CLDR's en-US data has abbreviations only for some zones, so many
 * (Tokyo included) come out as a GMT offset.
 */
export function zoneLabel(timeZone: string, instant: Date): string {
  const ms = assertValidInstant(instant);
  assertTimeZone(timeZone);
  let formatter = zoneNameFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    zoneNameFormatters.set(timeZone, formatter);
  }
  const name = formatter
    .formatToParts(ms)
    .find((part) => part.type === "timeZoneName")?.value;
  return (name ?? timeZone).replace(/\s+/gu, " ").trim();
}

export type DualClocks = {
  local: WallClock;
  /** Null when home and local clocks read the same. */
  home: WallClock | null;
  /** Whether the home clock's date is to be written: only when it is not the local date. */
  showHomeDate: boolean;
};

/**
 * The rule of the event-time line in every language: the organisers' home
 * clock is given unless it reads the same as the venue's, and its date only
 * when that differs from the venue's date.
 */
export function dualClocks(start: Date, eventZone: string, homeZone: string): DualClocks {
  const local = zonedWallClock(start, eventZone);
  const home = zonedWallClock(start, homeZone);
  const sameDate = isoDate(local) === isoDate(home);
  const sameClock = sameDate && local.hour === home.hour && local.minute === home.minute;
  const showHome = eventZone !== homeZone && !sameClock;
  return { local, home: showHome ? home : null, showHomeDate: showHome && !sameDate };
}

/**
 * The pieces of the event-time line: the venue's date and time, and the time
 * at the organisers' home, which is left out when both clocks read the same.
 */
export function formatDualTimeParts(
  start: Date,
  eventZone: string,
  homeZone: string,
  homeLabel: string,
): DualTimeParts {
  const { local, home, showHomeDate } = dualClocks(start, eventZone, homeZone);
  return {
    localDate: longDate(local),
    localTime: clockTime(local),
    homeDate: home && showHomeDate ? shortDate(home) : null,
    homeTime: home ? clockTime(home) : null,
    homeLabel: homeLabel.trim() || zoneLabel(homeZone, start),
  };
}

/** "March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST)" */
export function formatDualTime(
  start: Date,
  eventZone: string,
  homeZone: string,
  homeLabel: string,
): string {
  const parts = formatDualTimeParts(start, eventZone, homeZone, homeLabel);
  const local = `${parts.localDate}, ${parts.localTime}`;
  if (parts.homeTime === null) return `${local} (local time)`;
  const home = parts.homeDate === null ? parts.homeTime : `${parts.homeDate}, ${parts.homeTime}`;
  return `${local} (local time; ${home} ${parts.homeLabel})`;
}

/** Whole minutes from `start` to `end`. */
export function durationMinutes(start: Date, end: Date): number {
  return Math.round((assertValidInstant(end) - assertValidInstant(start)) / MINUTE_MS);
}

const unit = (n: number, singular: string): string => `${n} ${singular}${n === 1 ? "" : "s"}`;

/**
 * How a length is told in every language: whole minutes, and hours only from
 * an hour and a half. Up to then people think of a meeting's length in
 * minutes, so only exactly one hour is given in hours below 90 minutes.
 * `hours` is 0 when the length is told in minutes alone.
 */
export function durationParts(minutes: number): { hours: number; minutes: number } {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Invalid duration: ${minutes}`);
  }
  const total = Math.round(minutes);
  if (total < 90 && total !== 60) return { hours: 0, minutes: total };
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** "approximately 65 minutes", "approximately 1 hour and 30 minutes". */
export function formatDuration(minutes: number): string {
  const parts = durationParts(minutes);
  if (parts.hours === 0) return `approximately ${unit(parts.minutes, "minute")}`;
  const hoursText = unit(parts.hours, "hour");
  return parts.minutes === 0
    ? `approximately ${hoursText}`
    : `approximately ${hoursText} and ${unit(parts.minutes, "minute")}`;
}

/**
 * A clock to read staff times against: an IANA zone and, when the organization configured one, the
 * label people know it by ("JST"). Without a label the zone's own abbreviation is used ("EDT", or
 * "GMT+1" where CLDR has none).
 */
export type StaffClock = { zone: string; label?: string | null };

export type StaffTimeOptions = {
  /** The moment that counts as "now" when deciding whether to show the date; tests inject it. */
  now?: Date;
  /** Seconds matter when reading a sequence of changes (the audit log). */
  seconds?: boolean;
};

/** The organization's home clock: for everything that is not an event's own (outbox, audit, approvals…). */
export function homeClock(settings: { homeTimeZone: string; homeTimeZoneLabel?: string | null }): StaffClock {
  return { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
}

/**
 * An event's clock: for its check-ins, registrations and agenda. The home label is reused when the
 * event happens in the home zone, so that one zone never goes by two names.
 */
export function eventClock(eventZone: string, home?: StaffClock): StaffClock {
  return home && home.zone === eventZone ? home : { zone: eventZone };
}

/** The label a staff time carries: the configured one, else the zone's abbreviation at that instant. */
export function clockLabel(clock: StaffClock, instant: Date): string {
  return clock.label?.trim() || zoneLabel(clock.zone, instant);
}

/**
 * Every staff time goes through here, so that one instant reads the same on every page:
 * "4:25 p.m. EDT" today (in that zone), "March 17, 4:25 p.m. EDT" on another day of the same year,
 * "March 18, 2024, 4:25 p.m. EDT" in another year.
 */
export function formatStaffTime(instant: Date, clock: StaffClock, options: StaffTimeOptions = {}): string {
  const w = zonedWallClock(instant, clock.zone);
  const now = zonedWallClock(options.now ?? new Date(), clock.zone);
  let time = clockTime(w);
  if (options.seconds) time = time.replace(/ /u, `:${pad2(w.second)} `);
  const label = clockLabel(clock, instant);
  if (isoDate(w) === isoDate(now)) return `${time} ${label}`;
  const date = w.year === now.year ? shortDate(w) : longDate(w);
  return `${date}, ${time} ${label}`;
}

/**
 * A staff date without a time of day (a publish date, an invitation date): "today", "March 17" in the
 * same year, "March 18, 2024" otherwise, read in the clock's zone. Dates carry no zone label: a
 * day is the same word everywhere, and the zone only decides which day it was.
 */
export function formatStaffDate(instant: Date, clock: StaffClock, options: Pick<StaffTimeOptions, "now"> = {}): string {
  const w = zonedWallClock(instant, clock.zone);
  const now = zonedWallClock(options.now ?? new Date(), clock.zone);
  if (isoDate(w) === isoDate(now)) return "today";
  return w.year === now.year ? shortDate(w) : longDate(w);
}
