"use client";

import { useState } from "react";
import { cancelRegistrationAsStaff } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";

/** "Cancel" in a row of the staff list, with a confirmation step. */
export function RegistrationCancelStaff({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error, message } = useActionButton(cancelRegistrationAsStaff, { done: "Cancelled." });

  if (message) return <p role="status" className="text-xs text-slate-700">{message}</p>;
  if (!confirming) {
    return (
      <Button type="button" variant="danger" size="xs" onClick={() => setConfirming(true)}>
        Cancel<span className="sr-only"> the registration of {name}</span>
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Confirm cancelling the registration of ${name}`} className="space-y-2">
      <p className="text-xs text-red-900">Cancel and email them? Their seat goes to the waitlist.</p>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      <div className="flex gap-2">
        <Button type="button" variant="danger" size="xs" pending={pending} onClick={() => run({ id })}>
          Yes, cancel
        </Button>
        <Button type="button" variant="secondary" size="xs" disabled={pending} onClick={() => setConfirming(false)}>
          Keep
        </Button>
      </div>
    </div>
  );
}
