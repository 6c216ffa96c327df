import { useId } from "react";

type Day = { day: string; n: number };

type Point = { day: string; added: number; total: number };

const DAY_MS = 86_400_000;
const parseDay = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const label = (day: string) => new Date(parseDay(day)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Every calendar day from the one before the first registration (when the total was nought) to
 * `through`, with the running total.
 */
export function cumulativeByDay(days: Day[], through: string): Point[] {
  if (days.length === 0) return [];
  const added = new Map(days.map((d) => [d.day, d.n]));
  const first = parseDay(days[0]!.day) - DAY_MS;
  const last = Math.max(parseDay(days[days.length - 1]!.day), parseDay(through));
  // A registration period of years would make an unreadable chart; the last year is what matters.
  const start = Math.max(first, last - 365 * DAY_MS);
  let total = days.filter((d) => parseDay(d.day) < start).reduce((sum, d) => sum + d.n, 0);
  const points: Point[] = [];
  for (let ms = start; ms <= last; ms += DAY_MS) {
    const day = isoDay(ms);
    const n = added.get(day) ?? 0;
    total += n;
    points.push({ day, added: n, total });
  }
  return points;
}

const W = 640;
const H = 200;
const PAD = { top: 12, right: 16, bottom: 28, left: 40 };

/**
 * Registrations over time, as a running total per day: an inline SVG (no chart library, nothing to
 * load), described in words for screen readers, with the figures as a table underneath.
 */
export function RegistrationChart({ days, through }: { days: Day[]; through: string }) {
  const id = useId();
  const points = cumulativeByDay(days, through);
  if (points.length === 0) return <p className="text-sm text-slate-600">No registrations yet.</p>;

  const max = Math.max(1, points[points.length - 1]!.total);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  // Each day is a slot of equal width, and the line holds the day's closing total across it.
  const x = (i: number) => PAD.left + (i / points.length) * innerW;
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const path = [`M${x(0)},${y(0)}`, ...points.map((p, i) => `L${x(i)},${y(p.total)} L${x(i + 1)},${y(p.total)}`)].join(" ");
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const firstActive = points.find((p) => p.added > 0) ?? first;
  const summary = `From ${label(firstActive.day)} to ${label(last.day)}, ${last.total} ${last.total === 1 ? "registration was" : "registrations were"} made, counting any cancelled later; the busiest day was ${busiest(points)}.`;

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-2xl" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Registrations over time, running total per day</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} stroke="#cbd5e1" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} stroke="#cbd5e1" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#475569">
          {max}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end" fontSize="11" fill="#475569">
          0
        </text>
        <text x={PAD.left} y={H - 8} fontSize="11" fill="#475569">
          {label(first.day)}
        </text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end" fontSize="11" fill="#475569">
          {label(last.day)}
        </text>
        <path d={path} fill="none" stroke="#1d4ed8" strokeWidth="2" />
      </svg>
      <figcaption className="text-sm text-slate-700">{summary}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer">Show the figures</summary>
        <table className="mt-2 min-w-64 text-left">
          <caption className="sr-only">New registrations and running total per day</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">Day</th>
              <th scope="col" className="pr-4 text-right">New</th>
              <th scope="col" className="text-right">Total</th>
            </tr>
          </thead>
          <tbody>
            {points
              .filter((p) => p.added > 0)
              .map((p) => (
                <tr key={p.day}>
                  <td className="pr-4">{p.day}</td>
                  <td className="pr-4 text-right tabular-nums">{p.added}</td>
                  <td className="text-right tabular-nums">{p.total}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function busiest(points: Point[]): string {
  const top = points.reduce((a, b) => (b.added > a.added ? b : a));
  return `${label(top.day)}, with ${top.added} new`;
}
