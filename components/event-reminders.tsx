import { ReminderForm } from "@/components/reminder-form";
import { StaffTime } from "@/components/ui/staff-time";
import { countQueuedReminders } from "@/db/queries/reminders";
import type { Event } from "@/db/schema";
import { currentReminder, planReminders } from "@/lib/registration/reminders";
import type { StaffClock } from "@/lib/time";
import { reminderLabel } from "@/lib/validations/reminders";

type Props = { event: Pick<Event, "id" | "status" | "startsAt" | "timeZone" | "reminders">; clock: StaffClock };

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** An event's reminders: when each goes (or went, and to how many), and the form that sets them. */
export async function EventReminders({ event, clock }: Props) {
  const now = new Date();
  const plan = planReminders(event);
  const sent = plan.length > 0 ? await countQueuedReminders(event.id, event.startsAt) : {};
  const current = currentReminder(plan, now);
  const started = event.startsAt <= now;

  function state(item: (typeof plan)[number]): string {
    const n = sent[item.key] ?? 0;
    if (n > 0) return `sent to ${people(n)}`;
    if (started || event.status === "cancelled") return "not sent";
    if (item.dueAt > now) return event.status === "scheduled" ? "to be sent" : "sent once the event is scheduled";
    if (current && item.key !== current.key) return "not sent: a later reminder was due by then";
    return "due: goes out with the outbox's next round to everyone who had a seat by then";
  }

  return (
    <div className="space-y-4">
      {plan.length === 0 ? (
        <p className="text-sm text-slate-600">This event sends no reminders.</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="When the reminders go">
          {plan.map((item) => (
            <li key={item.key}>
              <span className="font-medium">{reminderLabel(item.offset)}:</span> <StaffTime at={item.dueAt} clock={clock} now={now} />,{" "}
              {state(item)}
            </li>
          ))}
        </ul>
      )}
      <ReminderForm eventId={event.id} reminders={event.reminders} />
    </div>
  );
}
