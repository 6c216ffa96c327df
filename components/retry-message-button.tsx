"use client";

import { useRouter } from "next/navigation";
import { retryOutboxMessage } from "@/app/(staff)/admin/outbox/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";

export function RetryMessageButton({ id }: { id: string }) {
  const router = useRouter();
  // A refused retry means the message has moved on (sent, or retried by someone else): show where it is now.
  const { run, pending, error } = useActionButton(retryOutboxMessage, { onFailure: () => router.refresh() });
  return (
    <div>
      <Button variant="secondary" pending={pending} onClick={() => run({ id })}>
        Retry sending
      </Button>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
