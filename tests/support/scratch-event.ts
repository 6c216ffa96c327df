import { events } from "@/db/schema";
import { db } from "./db";

const DAY = 86_400_000;
let counter = 0;

/**
 * A scheduled event a month after `now` (on the minute, as the event form writes it), open for
 * registration with `capacity` seats, named `label` and a number ("Registration test 3", at
 * /events/registration-test-3).
 */
export async function scratchEvent(label: string, now: Date, capacity: number | null, extra: Partial<typeof events.$inferInsert> = {}) {
  const n = ++counter;
  const startsAt = new Date(Math.floor((now.getTime() + 30 * DAY) / 60_000) * 60_000);
  const [row] = await db
    .insert(events)
    .values({
      slug: `${label.toLowerCase().replace(/ /g, "-")}-${n}`,
      title: `${label} ${n}`,
      timeZone: "Europe/Zurich",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      capacity,
      status: "scheduled",
      registrationCategories: ["Government", "Academia"],
      ...extra,
    })
    .returning();
  return row!;
}
