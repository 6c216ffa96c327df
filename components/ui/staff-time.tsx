import { formatStaffTime, type StaffClock } from "@/lib/time";

/** A staff time in its labelled zone (lib/time.ts `formatStaffTime`), machine-readable as well. */
export function StaffTime({ at, clock, seconds, now }: { at: Date; clock: StaffClock; seconds?: boolean; now?: Date }) {
  return <time dateTime={at.toISOString()}>{formatStaffTime(at, clock, { seconds, now })}</time>;
}
