"use client";

import { withdrawRevision } from "@/app/(panelist)/me/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Takes back the changes waiting for review; the public profile stays as it is. */
export function ProfileWithdrawButton({ revisionId }: { revisionId: string }) {
  const { run, pending, error, message } = useActionButton(withdrawRevision, {
    done: "Withdrawn.",
    failed: "We could not withdraw it. Please reload the page and try again.",
  });
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" pending={pending} onClick={() => run({ id: revisionId })}>
        Withdraw these changes
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
    </div>
  );
}
