"use client";

import { respondToInvitation } from "@/app/(panelist)/me/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages";
import { type InvitationAnswer, invitationAnswerSchema } from "@/lib/validations/invitation";

/** Accept or decline, with an optional message for the organizers. */
export function InvitationResponse({ participantId, answered, words }: { participantId: string; answered: boolean; words: Messages["panelist"]["invitation"] }) {
  const { form, message, onSubmit, errors, pending } = useActionForm(invitationAnswerSchema, respondToInvitation, {
    defaultValues: { participantId, answer: "accept", message: "" },
  });
  const submitAs = (answer: InvitationAnswer) => () => form.setValue("answer", answer);

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="answer-heading" className="space-y-4 rounded-lg border border-slate-200 p-5">
      <h2 id="answer-heading" className="text-lg font-semibold">
        {answered ? words.changeHeading : words.answerHeading}
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <input type="hidden" {...form.register("participantId")} />
      <input type="hidden" {...form.register("answer")} />
      <Field label={words.messageLabel} error={errors.message?.message} hint={words.messageHint}>
        {(p) => <Textarea {...p} rows={4} {...form.register("message")} />}
      </Field>
      {errors.answer?.message && (
        <p role="alert" className="text-sm text-red-700">
          {errors.answer.message}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending && form.getValues("answer") === "accept"} disabled={pending} onClick={submitAs("accept")}>
          {words.accept}
        </Button>
        <Button type="submit" variant="secondary" pending={pending && form.getValues("answer") === "decline"} disabled={pending} onClick={submitAs("decline")}>
          {words.decline}
        </Button>
      </div>
    </form>
  );
}
