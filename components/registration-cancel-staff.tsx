"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelRegistrationAsStaff } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { Button } from "@/components/ui/button";

/** "Cancel" in a row of the staff list, with a confirmation step. */
export function RegistrationCancelStaff({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  if (note?.tone === "done") return <p role="status" className="text-xs text-slate-700">{note.text}</p>;
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
      {note && <p role="alert" className="text-xs text-red-700">{note.text}</p>}
      <div className="flex gap-2">
        <Button
          type="button"
          variant="danger"
          size="xs"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await cancelRegistrationAsStaff({ id });
              if (!result.ok) return setNote({ tone: "error", text: result.message });
              setNote({ tone: "done", text: result.message ?? "Cancelled." });
              router.refresh();
            })
          }
        >
          Yes, cancel
        </Button>
        <Button type="button" variant="secondary" size="xs" disabled={pending} onClick={() => setConfirming(false)}>
          Keep
        </Button>
      </div>
    </div>
  );
}
