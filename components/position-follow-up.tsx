"use client";

import { useId, useState } from "react";
import { type PositionFollowUp, updateUpcomingPositions } from "@/app/(staff)/admin/approvals/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatLocalDate } from "@/lib/time";

const quoted = (position: string | null) => (position?.trim() ? `“${position}”` : "no position");

/**
 * After an approved position change: the upcoming events that still print the old title, each
 * ticked, updated in one action. Past events are not offered: they keep the title the person had.
 */
export function PositionFollowUpOffer({ followUp }: { followUp: PositionFollowUp }) {
  const headingId = useId();
  const [chosen, setChosen] = useState(() => new Set(followUp.events.map((e) => e.participantId)));
  const { run, pending, error, message } = useActionButton(updateUpcomingPositions, {
    done: "Updated.",
    failed: "We could not save that. Please try again.",
  });
  const done = message !== null;

  const toggle = (id: string, on: boolean) =>
    setChosen((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () => run({ personId: followUp.personId, from: followUp.from, participantIds: [...chosen] });

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id={headingId} className="font-semibold">
        Update {followUp.personName}&apos;s position on upcoming events?
      </h2>
      <p className="text-sm">
        The approved position is {quoted(followUp.to)}. These upcoming events still list {quoted(followUp.from)}, the title recorded
        when the person was added. Past events keep the title the person had then.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
      {!done && (
        <form
          aria-label={`Update ${followUp.personName}'s position on upcoming events`}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          className="space-y-3"
        >
          <fieldset>
            <legend className="sr-only">Upcoming events</legend>
            <ul className="space-y-1 text-sm">
              {followUp.events.map((e) => (
                <li key={e.participantId}>
                  <label className="inline-flex items-center gap-2">
                    <input type="checkbox" checked={chosen.has(e.participantId)} onChange={(ev) => toggle(e.participantId, ev.target.checked)} />
                    {e.eventTitle} ({formatLocalDate(new Date(e.startsAt), e.timeZone)})
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <Button type="submit" pending={pending} disabled={chosen.size === 0}>
            Update the position on {chosen.size === 1 ? "1 event" : `${chosen.size} events`}
          </Button>
        </form>
      )}
    </section>
  );
}
