"use client";

import { setApprovalMode } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/radio-group";
import { approvalModeSchema } from "@/lib/validations/registration";

type Props = { eventId: string; requiresApproval: boolean; pending: number };

const OPTIONS = [
  { value: "open", label: "Open: everyone gets a seat, or a place on the waitlist, at once" },
  { value: "approval", label: "Requires approval: you approve or decline each registration" },
] as const;

/** Whether the public's registrations wait for the staff's approval. */
export function RegistrationApprovalForm({ eventId, requiresApproval, pending: waiting }: Props) {
  const mode = requiresApproval ? "approval" : "open";
  const { form, message, onSubmit, errors, pending } = useActionForm(approvalModeSchema, setApprovalMode, {
    defaultValues: { eventId, mode },
    values: { eventId, mode },
  });
  const hint =
    waiting > 0
      ? `${waiting} ${waiting === 1 ? "registration awaits" : "registrations await"} approval. Switching to open leaves ${waiting === 1 ? "it" : "them"} awaiting your decision; only new registrations are seated at once.`
      : "With approval, a registration holds no seat until you approve it; the event's page says that registrations are reviewed.";
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Approval">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <RadioGroup legend="Registrations" options={OPTIONS} hint={hint} error={errors.mode?.message} className="[&>div]:flex-col" {...form.register("mode")} />
      <Button type="submit" variant="secondary" pending={pending}>
        Save approval setting
      </Button>
    </form>
  );
}
