"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { lockEvent } from "@/db/queries/events";
import { setEventReminders } from "@/db/queries/reminders";
import type { ReminderOffset } from "@/db/schema";
import { action } from "@/lib/action";
import { type ActionResult, fail } from "@/lib/errors";
import { reminderKey, reminderSettingsSchema, remindersFromForm, sortReminders } from "@/lib/validations/reminders";

const keys = (offsets: ReminderOffset[]) => sortReminders(offsets).map(reminderKey).join(",");

/** Sets when an event's reminders go; the next round of the outbox's sender plans from them. */
export const setReminders = action({ role: "staff", schema: reminderSettingsSchema }, async ({ user, input, client }): Promise<ActionResult> => {
  const reminders = remindersFromForm(input.reminders);
  const result = await db.transaction(async (tx): Promise<ActionResult> => {
    const before = await lockEvent(input.eventId, tx);
    if (!before) return fail("This event no longer exists.");
    if (keys(before.reminders) === keys(reminders)) return { ok: true, data: undefined, message: "No changes to save." };
    await setEventReminders(before.id, reminders, tx);
    await writeAudit(
      { actorId: user.id, client, action: "event.reminders", entityType: "event", entityId: before.id, changes: { reminders: [before.reminders, reminders] } },
      tx,
    );
    return { ok: true, data: undefined, message: reminders.length === 0 ? "Saved: this event sends no reminders." : "Reminders saved." };
  });
  if (result.ok) revalidatePath(`/admin/events/${input.eventId}`, "layout");
  return result;
});
