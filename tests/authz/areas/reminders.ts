import { eq } from "drizzle-orm";
import { db } from "@/db";
import { events } from "@/db/schema";
import { action, type Expectation } from "../helpers";

// An event's reminders are the staff's to set.
export const remindersArea: Record<string, Expectation> = {
  "app/(staff)/admin/events/[id]/registrations/reminder-actions.ts#setReminders": {
    prepare: async (f) => {
      const start = new Date(Date.now() + 30 * 86_400_000);
      const [row] = await db
        .insert(events)
        .values({ slug: `authz-reminders-${f.n}`, title: `Reminders ${f.n}`, timeZone: "Europe/Berlin", startsAt: start, endsAt: new Date(start.getTime() + 3600_000), status: "scheduled" })
        .returning({ id: events.id });
      f.scratch = row!.id;
    },
    call: action((f) => ({
      eventId: f.scratch,
      reminders: [
        { amount: "2", unit: "days" },
        { amount: "30", unit: "minutes" },
        { amount: "", unit: "hours" },
      ],
    })),
    state: (f) => db.select().from(events).where(eq(events.id, f.scratch!)),
  },
};
