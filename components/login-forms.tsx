"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type FormEvent, startTransition, useActionState, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { requestSignInLink, type SignInFormState, signInWithPassword } from "@/app/(auth)/actions";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/forms/error-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { linkSignInSchema, passwordSignInSchema } from "@/lib/validations/auth";

/** The server's message for `field` from the last attempt (shown when the browser posted without scripts). */
const serverError = (state: SignInFormState | undefined, field: string) => state?.fieldErrors?.[field]?.[0];

/**
 * Once hydrated, the fields are checked first and the form's data goes to the same action in a
 * transition; before that the browser posts the form itself.
 */
function checkThenPost(handleSubmit: (valid: () => void) => (event: FormEvent<HTMLFormElement>) => Promise<void>, formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    void handleSubmit(() => startTransition(() => formAction(data)))(event);
  };
}

/** The fields' errors for the summary at the top of a form, each linking to its field. */
function summaryOf(fields: { id: string; error: string | undefined }[]): ErrorSummaryItem[] {
  return fields.flatMap(({ id, error }) => (error ? [{ id, message: error }] : []));
}

/** The summary when fields need attention, else the action's own sentence (a refused password, a limit). */
function FormProblems({ items, message }: { items: ErrorSummaryItem[]; message: string | null | undefined }) {
  if (items.length > 0) return <ErrorSummary items={items} />;
  return message ? <Alert tone="error">{message}</Alert> : null;
}

/*
 * Both forms are React form actions: before the page's scripts run (or without them) the browser posts
 * the form, the Server Action answers, and the page comes back with the message and the address typed.
 * Once hydrated, react-hook-form checks the fields first and the same action is called in a transition.
 */

export function PasswordSignInForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState(signInWithPassword, undefined);
  const form = useForm<z.input<typeof passwordSignInSchema>, unknown, z.output<typeof passwordSignInSchema>>({
    resolver: zodResolver(passwordSignInSchema),
    defaultValues: { email: state?.email ?? "", password: "", next },
  });
  const { errors } = form.formState;
  const { resetField } = form;
  const emailError = errors.email?.message ?? serverError(state, "email");
  const passwordError = errors.password?.message ?? serverError(state, "password");
  const problems = summaryOf([
    { id: "sign-in-email", error: emailError },
    { id: "sign-in-password", error: passwordError },
  ]);

  // A refused password is cleared, never kept (the address stays).
  useEffect(() => {
    if (state?.message) resetField("password");
  }, [state, resetField]);

  return (
    <form
      action={formAction}
      onSubmit={checkThenPost(form.handleSubmit, formAction)}
      noValidate
      className="space-y-4"
      aria-labelledby="password-heading"
    >
      <h2 id="password-heading" className="text-lg font-semibold">
        Staff sign-in
      </h2>
      <FormProblems items={problems} message={state?.message} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Email" id="sign-in-email" error={emailError}>
        {(p) => <Input {...p} type="email" autoComplete="username" defaultValue={state?.email} {...form.register("email")} />}
      </Field>
      <Field label="Password" id="sign-in-password" error={passwordError}>
        {(p) => <Input {...p} type="password" autoComplete="current-password" {...form.register("password")} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}

export function LinkSignInForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState(requestSignInLink, undefined);
  // The confirmation set aside with "Use another address".
  const [dismissed, setDismissed] = useState<SignInFormState | undefined>(undefined);
  const form = useForm<z.input<typeof linkSignInSchema>, unknown, z.output<typeof linkSignInSchema>>({
    resolver: zodResolver(linkSignInSchema),
    defaultValues: { email: state?.email ?? "", next },
  });
  const { errors } = form.formState;
  const emailError = errors.email?.message ?? serverError(state, "email");

  if (state?.sentTo && state !== dismissed) {
    return (
      <div className="space-y-3">
        <Alert tone="success">
          Check your email. If <strong>{state.sentTo}</strong> belongs to an account, a sign-in link is on its way. It
          works once, within 15 minutes.
        </Alert>
        {/* A plain link, so that it works before the page's scripts do. */}
        <a
          href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}
          className="text-sm text-brand-700 underline underline-offset-2 hover:decoration-2"
          onClick={(event) => {
            event.preventDefault();
            setDismissed(state);
          }}
        >
          Use another address
        </a>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      onSubmit={checkThenPost(form.handleSubmit, formAction)}
      noValidate
      className="space-y-4"
      aria-labelledby="link-heading"
    >
      <h2 id="link-heading" className="text-lg font-semibold">
        Email me a sign-in link
      </h2>
      <p className="text-sm text-slate-600">For panelists and anyone without a password.</p>
      <FormProblems items={summaryOf([{ id: "link-email", error: emailError }])} message={state?.message} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Email address" id="link-email" error={emailError}>
        {(p) => <Input {...p} type="email" autoComplete="email" defaultValue={state?.email} {...form.register("email")} />}
      </Field>
      <Button type="submit" variant="secondary" pending={pending} className="w-full">
        Send link
      </Button>
    </form>
  );
}
