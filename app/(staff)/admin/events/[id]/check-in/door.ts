import "server-only";
import { type CheckInRow, doorCounts, searchForCheckIn } from "@/db/queries/registration-lists";
import type { CheckInPerson, DoorAnswer } from "@/components/check-in-board";
import { formatStaffTime, type StaffClock } from "@/lib/time";

function person(row: CheckInRow, clock: StaffClock): CheckInPerson {
  return {
    ...row,
    checkedInAt: row.checkedInAt ? row.checkedInAt.toISOString() : null,
    checkedInText: row.checkedInAt ? formatStaffTime(row.checkedInAt, clock) : null,
  };
}

/**
 * What the door shows for a search: the page renders it first, then the board asks `people/` again as
 * staff type. The counts come when asked for (on opening, every few seconds, after a change), not with
 * every key typed.
 */
export async function doorAnswer(eventId: string, query: string, clock: StaffClock, withCounts: boolean): Promise<DoorAnswer> {
  const [found, counts] = await Promise.all([searchForCheckIn(eventId, query), withCounts ? doorCounts(eventId) : undefined]);
  return {
    query,
    people: found.people.map((p) => person(p, clock)),
    more: found.more,
    byCode: found.byCode ? person(found.byCode, clock) : null,
    counts: counts ?? null,
  };
}
