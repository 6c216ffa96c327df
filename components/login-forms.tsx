"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useState } from "react";
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

type SignInFormProps = {
  /** Names the heading (`<id>-heading`) the form is labelled by. */
  id: string;
  heading: string;
  intro?: string;
  formAction: (data: FormData) => void;
  handleSubmit: Parameters<typeof checkThenPost>[0];
  /** Fields that need attention, for the summary at the top. */
  problems: ErrorSummaryItem[];
  /** The action's own sentence (a refused password, a limit), shown when no field needs attention. */
  message: string | null | undefined;
  /** Where to go once signed in. */
  next?: string;
  children: ReactNode;
};

function SignInForm({ id, heading, intro, formAction, handleSubmit, problems, message, next, children }: SignInFormProps) {
  return (
    <form action={formAction} onSubmit={checkThenPost(handleSubmit, formAction)} noValidate className="space-y-4" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {intro && <p className="text-sm text-slate-600">{intro}</p>}
      {problems.length > 0 ? <ErrorSummary items={problems} /> : message && <Alert tone="error">{message}</Alert>}
      {next && <input type="hidden" name="next" value={next} />}
      {children}
    </form>
  );
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
    <SignInForm id="password" heading="Staff sign-in" formAction={formAction} handleSubmit={form.handleSubmit} problems={problems} message={state?.message} next={next}>
      <Field label="Email" id="sign-in-email" error={emailError}>
        {(p) => <Input {...p} type="email" autoComplete="username" defaultValue={state?.email} {...form.register("email")} />}
      </Field>
      <Field label="Password" id="sign-in-password" error={passwordError}>
        {(p) => <Input {...p} type="password" autoComplete="current-password" {...form.register("password")} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </SignInForm>
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
    <SignInForm
      id="link"
      heading="Email me a sign-in link"
      intro="For panelists and anyone without a password."
      formAction={formAction}
      handleSubmit={form.handleSubmit}
      problems={summaryOf([{ id: "link-email", error: emailError }])}
      message={state?.message}
      next={next}
    >
      <Field label="Email address" id="link-email" error={emailError}>
        {(p) => <Input {...p} type="email" autoComplete="email" defaultValue={state?.email} {...form.register("email")} />}
      </Field>
      <Button type="submit" variant="secondary" pending={pending} className="w-full">
        Send link
      </Button>
    </SignInForm>
  );
}
