"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { decideRegistrationsAsStaff } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { DECISION_MESSAGE_MAX, registrationDecisionSchema } from "@/lib/validations/registration";

type Decision = "approve" | "decline";

/** The checkboxes of the list that belong to this form (they name it in their `form` attribute). */
function selectBoxes(form: HTMLFormElement | null): HTMLInputElement[] {
  if (!form) return [];
  return Array.from(form.elements).filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.name === "ids" && e.type === "checkbox");
}

type FormProps = {
  eventId: string;
  /** The form's id: the list's checkboxes join it through their `form` attribute. */
  formId: string;
  /** How many registrations of the event await approval, on every page. */
  waiting: number;
  /** The list filtered to those awaiting approval, or null when it is shown already. */
  onlyWaitingHref: string | null;
};

/**
 * Approve or decline several registrations at once: those ticked in the list below, with one optional
 * message that goes into each person's email.
 */
export function RegistrationDecisionForm({ eventId, formId, waiting, onlyWaitingHref }: FormProps) {
  const element = useRef<HTMLFormElement>(null);
  const empty = { eventId, ids: [] as string[], decision: "approve" as Decision, message: "" };
  const { form, message, onSubmit, errors, pending } = useActionForm(registrationDecisionSchema, decideRegistrationsAsStaff, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      for (const box of selectBoxes(element.current)) box.checked = false;
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    // The ticked boxes and the button pressed, read from the page as the browser would send them.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const decision = submitter instanceof HTMLButtonElement ? submitter.value : "";
    form.setValue("ids", new FormData(event.currentTarget).getAll("ids").map(String));
    if (decision === "approve" || decision === "decline") form.setValue("decision", decision);
    return onSubmit(event);
  };

  return (
    <form
      ref={element}
      id={formId}
      method="post"
      onSubmit={submit}
      noValidate
      aria-label="Approve or decline selected registrations"
      className="space-y-3 rounded-md border border-sky-200 bg-sky-50 p-4"
    >
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <p className="text-sm text-slate-800">
        <strong>
          {waiting} {waiting === 1 ? "registration awaits" : "registrations await"} approval.
        </strong>{" "}
        Approve or decline each in its row, or tick several in the list and decide for all of them here. Everyone is emailed the
        outcome; approval gives a seat while any remain, then a place on the waitlist.
        {onlyWaitingHref && (
          <>
            {" "}
            <a href={onlyWaitingHref}>Show only those awaiting approval</a>
          </>
        )}
      </p>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="size-4 accent-brand-700"
          onChange={(e) => {
            for (const box of selectBoxes(e.currentTarget.form)) box.checked = e.currentTarget.checked;
          }}
        />
        Select every registration awaiting approval on this page
      </label>
      <Field
        label="Message to include in the emails (optional)"
        error={errors.message?.message}
        hint="For example where to collect badges, or why the event is full. It goes to everyone you approve or decline with these buttons."
      >
        {(p) => <Textarea {...p} rows={2} maxLength={DECISION_MESSAGE_MAX} {...form.register("message")} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="approve" pending={pending && form.getValues("decision") === "approve"} disabled={pending}>
          Approve selected
        </Button>
        <Button type="submit" name="decision" value="decline" variant="danger" pending={pending && form.getValues("decision") === "decline"} disabled={pending}>
          Decline selected
        </Button>
      </div>
    </form>
  );
}

type RowProps = { eventId: string; id: string; name: string; status: "pending" | "declined" };

/**
 * "Approve" and "Decline" in a row of the staff list: each asks first, with room for a message to the
 * person. A declined registration can still be approved (a change of mind).
 */
export function RegistrationDecideRow({ eventId, id, name, status }: RowProps) {
  const [asking, setAsking] = useState<Decision | null>(null);
  const [note, setNote] = useState("");
  const noteId = useId();
  const { run, pending, error, message, clear } = useActionButton(decideRegistrationsAsStaff);

  // The keyboard follows into the step that opened.
  useEffect(() => {
    if (asking) document.getElementById(noteId)?.focus();
  }, [asking, noteId]);

  if (message) return <p role="status" className="text-xs text-slate-700">{message}</p>;
  if (!asking) {
    return (
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" size="xs" onClick={() => setAsking("approve")}>
          Approve<span className="sr-only"> the registration of {name}</span>
        </Button>
        {status === "pending" && (
          <Button type="button" variant="danger" size="xs" onClick={() => setAsking("decline")}>
            Decline<span className="sr-only"> the registration of {name}</span>
          </Button>
        )}
      </div>
    );
  }
  const approving = asking === "approve";
  return (
    <div role="group" aria-label={`Confirm ${approving ? "approving" : "declining"} the registration of ${name}`} className="min-w-56 space-y-2">
      <p className={approving ? "text-xs text-slate-800" : "text-xs text-red-900"}>
        {approving
          ? "Approve and email them? They get a seat, or a place on the waitlist if every seat is taken."
          : "Decline and email them? The address cannot register again for this event."}
      </p>
      <label htmlFor={noteId} className="block text-xs font-medium text-slate-800">
        Message in the email (optional)
      </label>
      <Textarea id={noteId} rows={2} maxLength={DECISION_MESSAGE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
      <div className="flex gap-2">
        <Button
          type="button"
          variant={approving ? "primary" : "danger"}
          size="xs"
          pending={pending}
          onClick={() => run({ eventId, ids: [id], decision: asking, message: note })}
        >
          {approving ? "Yes, approve" : "Yes, decline"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="xs"
          disabled={pending}
          onClick={() => {
            clear();
            setAsking(null);
          }}
        >
          Back
        </Button>
      </div>
    </div>
  );
}
