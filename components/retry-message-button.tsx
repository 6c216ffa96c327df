"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { retryOutboxMessage } from "@/app/(staff)/admin/outbox/actions";
import { Button } from "@/components/ui/button";

export function RetryMessageButton({ id }: { id: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await retryOutboxMessage({ id });
            setError(result.ok ? null : result.message);
            router.refresh();
          })
        }
      >
        Retry sending
      </Button>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
