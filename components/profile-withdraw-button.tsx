"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { withdrawRevision } from "@/app/(panelist)/me/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Takes back the changes waiting for review; the public profile stays as it is. */
export function ProfileWithdrawButton({ revisionId }: { revisionId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            setMessage(null);
            try {
              const result = await withdrawRevision({ id: revisionId });
              setMessage({ tone: result.ok ? "success" : "error", text: result.message ?? "Withdrawn." });
              if (result.ok) router.refresh();
            } catch {
              setMessage({ tone: "error", text: "We could not withdraw it. Please reload the page and try again." });
            }
          })
        }
      >
        Withdraw these changes
      </Button>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
