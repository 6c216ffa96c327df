"use client";

import Link from "next/link";
import { useState } from "react";
import { cancelEvent, revertEventToDraft, scheduleEvent } from "@/app/(staff)/admin/events/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EventStatus } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";

type Props = {
  eventId: string;
  status: EventStatus;
  registrationCount: number;
  cancelledOn: string | null;
  /** The day a scheduled event took place, once it has ended: it is then held, and nothing here applies. */
  heldOn?: string | null;
  summaryHref?: string;
};

/**
 * The explicit steps of an event's life: schedule a draft, cancel a scheduled event, or take it back
 * to draft. A held event has no step left: it is corrected in the form below and summarized.
 */
export function EventStatusControls({ eventId, status, registrationCount, cancelledOn, heldOn = null, summaryHref }: Props) {
  const held = status === "scheduled" && heldOn !== null;
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const { run, pending, error } = useActionButton((step: (input: { id: string }) => Promise<ActionResult>) => step({ id: eventId }), {
    onSuccess: () => setConfirmingCancel(false),
  });

  return (
    <section aria-labelledby="event-status-heading" className="space-y-3 rounded-md border border-slate-200 p-4">
      <h2 id="event-status-heading" className="text-lg font-semibold">
        Status
      </h2>
      {error && <Alert tone="error">{error}</Alert>}

      {status === "draft" && (
        <>
          <p className="text-sm text-slate-700">
            This event is a draft: only staff can see it. Scheduling publishes its page and fixes its address.
          </p>
          <Button type="button" pending={pending} onClick={() => run(scheduleEvent)}>
            Schedule
          </Button>
        </>
      )}

      {held && (
        <p className="text-sm text-slate-700">
          This event took place on {heldOn}. Its page stays public, and leads to its summary once that is published
          {summaryHref ? (
            <>
              {" "}
              (<Link href={summaryHref}>write the summary</Link>)
            </>
          ) : null}
          . You can still correct its details below.
        </p>
      )}

      {status === "scheduled" && !held && !confirmingCancel && (
        <>
          <p className="text-sm text-slate-700">This event is scheduled: its page is public.</p>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="button" variant="danger" disabled={pending} onClick={() => setConfirmingCancel(true)}>
              Cancel event
            </Button>
            {registrationCount === 0 && (
              <Button type="button" variant="secondary" pending={pending} onClick={() => run(revertEventToDraft)}>
                Back to draft
              </Button>
            )}
          </div>
          {registrationCount > 0 && (
            <p className="text-xs text-slate-600">
              People have registered, so the event can no longer go back to draft; cancel it instead.
            </p>
          )}
        </>
      )}

      {status === "scheduled" && !held && confirmingCancel && (
        <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4" role="group" aria-label="Confirm cancelling the event">
          <p className="text-sm text-red-900">
            Cancel this event? Its public page stays up, marked as cancelled, and it cannot be scheduled again.
            {registrationCount > 0 && ` ${registrationCount} ${registrationCount === 1 ? "registration stays" : "registrations stay"} on record.`}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="danger" pending={pending} onClick={() => run(cancelEvent)}>
              Yes, cancel event
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirmingCancel(false)}>
              Keep it scheduled
            </Button>
          </div>
        </div>
      )}

      {status === "cancelled" && (
        <p className="text-sm text-slate-700">
          This event was cancelled{cancelledOn ? ` on ${cancelledOn}` : ""}. Its page stays public, marked as cancelled.
        </p>
      )}
    </section>
  );
}
