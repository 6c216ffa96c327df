"use client";

import { useState, useTransition } from "react";
import { approveRevision, rejectRevision } from "@/app/(staff)/admin/approvals/actions";
import { useActionForm } from "@/components/admin/use-action-form";
import { useReportOutcome } from "@/components/approval-outcomes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { rejectRevisionSchema } from "@/lib/validations/profile";

/** Approve at once, or reject with a note saying why (the panelist reads it). */
export function ApprovalReview({ revisionId, name }: { revisionId: string; name: string }) {
  const report = useReportOutcome();
  const [approving, startApproving] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const finish = (text: string) => {
    setDone(text);
    report(text);
  };
  const { form, message: rejectMessage, onSubmit, errors, pending } = useActionForm(rejectRevisionSchema, rejectRevision, {
    defaultValues: { id: revisionId, note: "" },
    onSuccess: (_data, text) => finish(text ?? "Not approved."),
  });

  const approve = () =>
    startApproving(async () => {
      setMessage(null);
      try {
        const result = await approveRevision({ id: revisionId });
        if (result.ok) finish(result.message ?? "Approved.");
        else setMessage(result.message);
      } catch {
        setMessage("We could not save that. Please try again.");
      }
    });

  // The outcome itself is announced above the list (ApprovalOutcomes).
  if (done) return <p className="text-sm text-slate-700">Decided.</p>;

  return (
    <div className="space-y-3">
      {message && <Alert tone="error">{message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={approving} disabled={pending} onClick={approve}>
          Approve<span className="sr-only"> the changes of {name}</span>
        </Button>
        <Button type="button" variant="secondary" aria-expanded={rejecting} disabled={approving} onClick={() => setRejecting((v) => !v)}>
          {rejecting ? "Cancel rejecting" : "Reject"}
          <span className="sr-only"> the changes of {name}</span>
        </Button>
      </div>
      {rejecting && (
        <form method="post" onSubmit={onSubmit} noValidate aria-label={`Reject the changes of ${name}`} className="space-y-3 rounded-md bg-slate-50 p-4">
          {rejectMessage && <Alert tone={rejectMessage.tone}>{rejectMessage.text}</Alert>}
          <input type="hidden" {...form.register("id")} />
          <Field label="Why not (sent to the panelist)" error={errors.note?.message}>
            {(p) => <Textarea {...p} rows={3} {...form.register("note")} />}
          </Field>
          <Button type="submit" variant="danger" pending={pending}>
            Reject with this note
          </Button>
        </form>
      )}
    </div>
  );
}
