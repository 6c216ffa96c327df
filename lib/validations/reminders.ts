import { z } from "zod";
import type { ReminderOffset } from "@/db/schema";

export type ReminderUnit = ReminderOffset["unit"];
export const REMINDER_UNITS = ["days", "hours", "minutes"] as const satisfies readonly ReminderUnit[];

/** How many reminders an event may have. */
export const MAX_REMINDERS = 3;

/** The longest and shortest lead time of each unit: a month ahead at most, five minutes at least. */
export const REMINDER_LIMITS: Record<ReminderUnit, { min: number; max: number }> = {
  days: { min: 1, max: 30 },
  hours: { min: 1, max: 48 },
  minutes: { min: 5, max: 180 },
};

/** The events column's default: a day and an hour before the start. */
export const DEFAULT_REMINDERS: ReminderOffset[] = [
  { amount: 1, unit: "days" },
  { amount: 1, unit: "hours" },
];

const MINUTES_PER: Record<ReminderUnit, number> = { days: 1440, hours: 60, minutes: 1 };

/** "1d", "2h", "30m": how a reminder is recorded once queued (registration_reminders.offset_key). */
export function reminderKey({ amount, unit }: ReminderOffset): string {
  return `${amount}${unit[0]}`;
}

/** The offset a key was made from, or null for a key this code did not write. */
export function reminderFromKey(key: string): ReminderOffset | null {
  const match = /^([1-9]\d{0,3})([dhm])$/.exec(key);
  if (!match) return null;
  const unit = REMINDER_UNITS.find((u) => u[0] === match[2])!;
  return { amount: Number(match[1]), unit };
}

/** "1 day before", "2 hours before", "30 minutes before". */
export function reminderLabel({ amount, unit }: ReminderOffset): string {
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit} before`;
}

/** Longest lead first: the order staff read them in and the order they go out. */
export function sortReminders(offsets: readonly ReminderOffset[]): ReminderOffset[] {
  return [...offsets].sort((a, b) => b.amount * MINUTES_PER[b.unit] - a.amount * MINUTES_PER[a.unit]);
}

// A row of the form: an empty number leaves it unused. The number arrives as text from the browser, and
// as a number when the form's own parsed output is parsed again by the action.
const reminderRow = z.object({
  amount: z.union([z.number(), z.string()], "Enter a whole number, or leave it empty.").transform((v) => String(v).trim()),
  unit: z.enum(REMINDER_UNITS, "Choose days, hours or minutes."),
});

/** The reminders form on an event's registrations page. */
export const reminderSettingsSchema = z
  .object({
    eventId: z.uuid("That event does not exist."),
    reminders: z.array(reminderRow, "Choose the event's reminders.").max(MAX_REMINDERS, `An event has at most ${MAX_REMINDERS} reminders.`),
  })
  .superRefine(({ reminders }, ctx) => {
    const seen = new Map<string, number>();
    reminders.forEach((row, i) => {
      if (row.amount === "") return;
      const path = ["reminders", i, "amount"];
      const { min, max } = REMINDER_LIMITS[row.unit];
      if (!/^\d+$/.test(row.amount)) {
        ctx.addIssue({ code: "custom", path, message: `Reminder ${i + 1}: enter a whole number, or leave it empty.` });
        return;
      }
      const amount = Number(row.amount);
      if (amount < min || amount > max) {
        ctx.addIssue({ code: "custom", path, message: `Reminder ${i + 1}: from ${min} to ${max} ${row.unit}.` });
        return;
      }
      const key = reminderKey({ amount, unit: row.unit });
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path, message: `Reminder ${i + 1} is the same as reminder ${first + 1}.` });
        return;
      }
      seen.set(key, i);
    });
  });
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;
export type ReminderSettingsValues = z.output<typeof reminderSettingsSchema>;

/** The reminders a valid form asks for, longest lead first; unused rows left out. */
export function remindersFromForm(rows: ReminderSettingsValues["reminders"]): ReminderOffset[] {
  return sortReminders(rows.filter((r) => r.amount !== "").map((r) => ({ amount: Number(r.amount), unit: r.unit })));
}

/** The form's rows for an event's reminders: each reminder, then empty rows up to the maximum. */
export function reminderFormRows(offsets: readonly ReminderOffset[]): ReminderSettingsInput["reminders"] {
  const rows = sortReminders(offsets).map((o) => ({ amount: String(o.amount), unit: o.unit }));
  while (rows.length < MAX_REMINDERS) rows.push({ amount: "", unit: "hours" });
  return rows.slice(0, MAX_REMINDERS);
}
