"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

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
        <Button
          variant="danger"
          type="button"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await action();
              if (!result.ok) return setError(result.message);
              router.push(redirectTo);
              router.refresh();
            })
          }
        >
          Yes, delete
        </Button>
        <Button variant="secondary" type="button" onClick={() => { setConfirming(false); setError(null); }}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
