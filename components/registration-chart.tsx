import { type ReactNode, useId } from "react";
import { dayLabel, type HourCount, hourLabel, registrationActivity } from "@/lib/registration-activity";

const W = 640;
const H = 200;
const PAD = { top: 12, right: 16, bottom: 28, left: 40 };
const innerW = W - PAD.left - PAD.right;
const innerH = H - PAD.top - PAD.bottom;
const AXIS = "#cbd5e1";
const INK = "#475569";

/**
 * Registrations over time: a running total per day, or, while they all came on one day, a bar per
 * hour. An inline SVG (no chart library, nothing to load), said in words beside it for everyone,
 * with the figures as a table behind a disclosure.
 */
export function RegistrationChart({ hours, through }: { hours: HourCount[]; through: string }) {
  const id = useId();
  const activity = registrationActivity(hours, through);
  if (activity.kind === "none") return <p className="text-sm text-slate-600">No registrations yet: the chart starts with the first one.</p>;

  const max = Math.max(1, activity.kind === "days" ? activity.total : Math.max(...activity.points.map((p) => p.added)));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const title = activity.kind === "days" ? "Registrations over time, running total per day" : `Registrations per hour on ${dayLabel(activity.day)}`;

  let plot: ReactNode;
  let firstTick: string;
  let lastTick: string;
  if (activity.kind === "days") {
    const points = activity.points;
    // Each day is a slot of equal width, and the line holds the day's closing total across it.
    const x = (i: number) => PAD.left + (i / points.length) * innerW;
    const path = [`M${x(0)},${y(0)}`, ...points.map((p, i) => `L${x(i)},${y(p.total)} L${x(i + 1)},${y(p.total)}`)].join(" ");
    plot = <path d={path} fill="none" stroke="#1d4ed8" strokeWidth="2" />;
    firstTick = dayLabel(points[0]!.day);
    lastTick = dayLabel(points[points.length - 1]!.day);
  } else {
    const points = activity.points;
    const slot = innerW / points.length;
    plot = points.map((p, i) => (
      <rect key={p.hour} x={PAD.left + i * slot + slot * 0.15} y={y(p.added)} width={slot * 0.7} height={PAD.top + innerH - y(p.added)} fill="#1d4ed8" />
    ));
    firstTick = hourLabel(points[0]!.hour);
    lastTick = hourLabel((points[points.length - 1]!.hour + 1) % 24);
  }

  // Everything within one hour: a single bar would add nothing to the sentence.
  const drawn = activity.kind === "days" || activity.points.length > 1;

  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-700">{activity.summary}</figcaption>
      {drawn && (
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-2xl" role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{title}</title>
          <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} stroke={AXIS} />
          <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} stroke={AXIS} />
          <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill={INK}>
            {max}
          </text>
          <text x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end" fontSize="11" fill={INK}>
            0
          </text>
          <text x={PAD.left} y={H - 8} fontSize="11" fill={INK}>
            {firstTick}
          </text>
          <text x={W - PAD.right} y={H - 8} textAnchor="end" fontSize="11" fill={INK}>
            {lastTick}
          </text>
          {plot}
        </svg>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer">Show the figures</summary>
        <table className="mt-2 min-w-64 text-left">
          <caption className="sr-only">{activity.kind === "days" ? "New registrations and running total per day" : "New registrations per hour"}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                {activity.kind === "days" ? "Day" : "Hour"}
              </th>
              <th scope="col" className="pr-4 text-right">
                New
              </th>
              {activity.kind === "days" && (
                <th scope="col" className="text-right">
                  Total
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {activity.kind === "days"
              ? activity.points
                  .filter((p) => p.added > 0)
                  .map((p) => (
                    <tr key={p.day}>
                      <td className="pr-4">{dayLabel(p.day)}</td>
                      <td className="pr-4 text-right tabular-nums">{p.added}</td>
                      <td className="text-right tabular-nums">{p.total}</td>
                    </tr>
                  ))
              : activity.points
                  .filter((p) => p.added > 0)
                  .map((p) => (
                    <tr key={p.hour}>
                      <td className="pr-4">
                        {hourLabel(p.hour)} – {hourLabel((p.hour + 1) % 24)}
                      </td>
                      <td className="pr-4 text-right tabular-nums">{p.added}</td>
                    </tr>
                  ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
