import "server-only";
import { type CheckInRow, registrationCounts, searchForCheckIn } from "@/db/queries/registration-lists";
import type { CheckInPerson, DoorAnswer } from "@/components/check-in-board";
import { formatStaffTime, type StaffClock } from "@/lib/time";

function person(row: CheckInRow, clock: StaffClock): CheckInPerson {
  return {
    ...row,
    checkedInAt: row.checkedInAt ? row.checkedInAt.toISOString() : null,
    checkedInText: row.checkedInAt ? formatStaffTime(row.checkedInAt, clock) : null,
  };
}

/** What the door shows for a search: the page renders it first, then the board asks `people/` again as staff type. */
export async function doorAnswer(eventId: string, query: string, clock: StaffClock): Promise<DoorAnswer> {
  const [found, counts] = await Promise.all([searchForCheckIn(eventId, query), registrationCounts(eventId)]);
  return {
    query,
    people: found.people.map((p) => person(p, clock)),
    more: found.more,
    byCode: found.byCode ? person(found.byCode, clock) : null,
    seated: counts.confirmed,
    arrived: counts.checkedIn,
  };
}
