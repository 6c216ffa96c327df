"use client";

import { withdrawRevision } from "@/app/(panelist)/me/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Messages } from "@/lib/i18n/messages";

/** Takes back the changes waiting for review; the public profile stays as it is. */
export function ProfileWithdrawButton({ revisionId, words }: { revisionId: string; words: Messages["panelist"]["form"] }) {
  const { run, pending, error, message } = useActionButton(withdrawRevision, { done: words.withdrawn, failed: words.withdrawFailed });
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" pending={pending} onClick={() => run({ id: revisionId })}>
        {words.withdraw}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
    </div>
  );
}
