"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type Props = {
  label: string;
  action: () => Promise<ActionResult<unknown>>;
  /** Where to go after deleting. */
  redirectTo: string;
};

/** Delete with a confirmation step; a refusal (the record is in use) is shown in plain words. */
export function DeleteButton({ label, action, redirectTo }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  // The delete revalidates the lists, which clears the router's cache: the list it goes to is fresh.
  const { run, pending, error, clear } = useActionButton(action, { onSuccess: () => router.push(redirectTo) });

  if (!confirming) {
    return (
      <Button variant="danger" type="button" onClick={() => setConfirming(true)}>
        Delete {label}
      </Button>
    );
  }
  return (
    <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4" role="group" aria-label={`Confirm deleting ${label}`}>
      <p className="text-sm text-red-900">Delete this {label}? This cannot be undone.</p>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex gap-2">
        <Button variant="danger" type="button" pending={pending} onClick={() => run()}>
          Yes, delete
        </Button>
        <Button variant="secondary" type="button" onClick={() => { setConfirming(false); clear(); }}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
