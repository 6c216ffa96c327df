"use client";

import { useId, useState } from "react";
import { approveRevision, rejectRevision } from "@/app/(staff)/admin/approvals/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useReportOutcome } from "@/components/approval-outcomes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import type { MergeField, Resolution } from "@/lib/profile-merge";
import { rejectRevisionSchema } from "@/lib/validations/profile";

/** A field staff edited after the panelist proposed another value: both are shown, staff choose. */
export type ConflictChoice = { field: MergeField; label: string; current: string; proposed: string };

function ConflictField({ conflict, value, onChange }: { conflict: ConflictChoice; value?: Resolution; onChange: (r: Resolution) => void }) {
  const name = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="font-medium">{conflict.label}</legend>
      {(["current", "proposed"] as const).map((r) => (
        <label key={r} className="flex items-start gap-2">
          <input type="radio" name={name} className="mt-1" checked={value === r} onChange={() => onChange(r)} />
          <span>
            {r === "current" ? "Keep the staff edit: " : "Use the panelist's: "}
            <span className="break-words text-slate-700">{r === "current" ? conflict.current : conflict.proposed}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Approve at once, or reject with a note saying why (the panelist reads it). Where staff edited a
 * field after the panelist proposed a change to it, staff first choose which value stays.
 */
export function ApprovalReview({ revisionId, name, conflicts = [] }: { revisionId: string; name: string; conflicts?: ConflictChoice[] }) {
  const [resolutions, setResolutions] = useState<Partial<Record<MergeField, Resolution>>>({});
  const unresolved = conflicts.filter((c) => !resolutions[c.field]);
  const report = useReportOutcome();
  const [rejecting, setRejecting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [unresolvedNote, setUnresolvedNote] = useState<string | null>(null);
  const finish = (text: string, followUp?: Parameters<typeof report>[0]["followUp"]) => {
    setDone(text);
    report({ text, followUp });
  };
  const { form, message: rejectMessage, onSubmit, errors, pending } = useActionForm(rejectRevisionSchema, rejectRevision, {
    defaultValues: { id: revisionId, note: "" },
    onSuccess: (_data, text) => finish(text ?? "Not approved."),
  });
  const approver = useActionButton(approveRevision, {
    failed: "We could not save that. Please try again.",
    onSuccess: (data, text) => finish(text ?? "Approved.", data.followUp),
  });
  const approving = approver.pending;
  const message = unresolvedNote ?? approver.error;

  const approve = () => {
    if (unresolved.length > 0) {
      setUnresolvedNote(`Choose which value to keep for ${unresolved.map((c) => c.label).join(", ")} first.`);
      return;
    }
    setUnresolvedNote(null);
    approver.run({ id: revisionId, resolutions });
  };

  // The outcome itself is announced above the list (ApprovalOutcomes).
  if (done) return <p className="text-sm text-slate-700">Decided.</p>;

  return (
    <div className="space-y-3">
      {message && <Alert tone="error">{message}</Alert>}
      {conflicts.length > 0 && (
        <div role="group" aria-label={`Changed by staff since ${name} proposed`} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          <p>
            Staff changed {conflicts.length === 1 ? "this field" : "these fields"} after {name} proposed a different value. Approving
            keeps the staff edit or takes the panelist&apos;s; choose for each.
          </p>
          {conflicts.map((c) => (
            <ConflictField key={c.field} conflict={c} value={resolutions[c.field]} onChange={(r) => setResolutions((all) => ({ ...all, [c.field]: r }))} />
          ))}
        </div>
      )}
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
