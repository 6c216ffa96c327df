/**
 * Registrations over time, for the staff chart: a running total per day when they came over several
 * days, or a count per hour when they all came on one day (a chart of one day's running total is a
 * single step and says nothing).
 */

export type HourCount = { hour: string; n: number };
export type DayPoint = { day: string; added: number; total: number };
export type HourPoint = { hour: number; added: number };

export type Activity =
  | { kind: "none" }
  | { kind: "hours"; day: string; points: HourPoint[]; total: number; summary: string }
  | { kind: "days"; points: DayPoint[]; total: number; summary: string };

const DAY_MS = 86_400_000;
const parseDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthDay = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: "UTC" });

/** "November 30" for "2026-11-30" (a calendar day, not an instant: read in UTC on purpose). */
export const dayLabel = (day: string): string => monthDay.format(parseDay(day));

/** "9 a.m.", "12 p.m.", in the house style of lib/time.ts. */
export function hourLabel(hour: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12} ${hour < 12 ? "a.m." : "p.m."}`;
}

const registrationsWord = (n: number) => (n === 1 ? "1 registration" : `${n} registrations`);

/**
 * Every calendar day from the one before the first registration (when the total was nought) to
 * `through`, with the running total.
 */
export function cumulativeByDay(days: { day: string; n: number }[], through: string): DayPoint[] {
  if (days.length === 0) return [];
  const added = new Map(days.map((d) => [d.day, d.n]));
  const first = parseDay(days[0]!.day) - DAY_MS;
  const last = Math.max(parseDay(days[days.length - 1]!.day), parseDay(through));
  // A registration period of years would make an unreadable chart; the last year is what matters.
  const start = Math.max(first, last - 365 * DAY_MS);
  let total = days.filter((d) => parseDay(d.day) < start).reduce((sum, d) => sum + d.n, 0);
  const points: DayPoint[] = [];
  for (let ms = start; ms <= last; ms += DAY_MS) {
    const day = isoDay(ms);
    const n = added.get(day) ?? 0;
    total += n;
    points.push({ day, added: n, total });
  }
  return points;
}

/** What the chart shows, and the sentence that says it in words. `through` is today or the event's day. */
export function registrationActivity(hours: HourCount[], through: string): Activity {
  const counts = hours.filter((h) => h.n > 0);
  if (counts.length === 0) return { kind: "none" };
  const total = counts.reduce((sum, h) => sum + h.n, 0);
  const byDay = new Map<string, number>();
  for (const h of counts) byDay.set(h.hour.slice(0, 10), (byDay.get(h.hour.slice(0, 10)) ?? 0) + h.n);

  if (byDay.size === 1) {
    const day = counts[0]!.hour.slice(0, 10);
    const byHour = new Map(counts.map((h) => [Number(h.hour.slice(11, 13)), h.n]));
    const firstHour = Math.min(...byHour.keys());
    const lastHour = Math.max(...byHour.keys());
    const points: HourPoint[] = [];
    for (let hour = firstHour; hour <= lastHour; hour++) points.push({ hour, added: byHour.get(hour) ?? 0 });
    const busiest = points.reduce((a, b) => (b.added > a.added ? b : a));
    const span =
      firstHour === lastHour
        ? `between ${hourLabel(firstHour)} and ${hourLabel((firstHour + 1) % 24)}`
        : `between ${hourLabel(firstHour)} and ${hourLabel((lastHour + 1) % 24)}; the busiest hour began at ${hourLabel(busiest.hour)}, with ${busiest.added}`;
    const lead = total === 1 ? "The one registration so far" : `All ${total} registrations so far (cancelled ones included)`;
    const sentence = `${lead} came on ${dayLabel(day)}, ${span}`;
    // "a.m." already ends the sentence.
    const summary = sentence.endsWith(".") ? sentence : `${sentence}.`;
    return { kind: "hours", day, points, total, summary };
  }

  const points = cumulativeByDay(
    [...byDay.entries()].map(([day, n]) => ({ day, n })),
    through,
  );
  const firstActive = points.find((p) => p.added > 0) ?? points[0]!;
  const last = points[points.length - 1]!;
  const busiest = points.reduce((a, b) => (b.added > a.added ? b : a));
  const summary = `From ${dayLabel(firstActive.day)} to ${dayLabel(last.day)}, ${registrationsWord(last.total)} ${
    last.total === 1 ? "was" : "were"
  } made, counting any cancelled later; the busiest day was ${dayLabel(busiest.day)}, with ${busiest.added} new.`;
  return { kind: "days", points, total, summary };
}
