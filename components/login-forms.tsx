"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useState } from "react";
import { type FieldPath, type FieldValues, type UseFormSetError, useForm } from "react-hook-form";
import type { z } from "zod";
import { requestSignInLink, type SignInFormState, signInWithPassword } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import { linkSignInSchema, passwordSignInSchema } from "@/lib/validations/auth";

/** Puts a failed action's field errors beside their fields and returns its overall message. */
export function applyActionErrors<T extends FieldValues>(result: ActionResult<unknown>, setError: UseFormSetError<T>): string | null {
  if (result.ok) return null;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (messages?.[0]) setError(field as FieldPath<T>, { message: messages[0] });
  }
  return result.message;
}

/** The server's message for `field` from the last attempt (shown when the browser posted without scripts). */
const serverError = (state: SignInFormState | undefined, field: string) => state?.fieldErrors?.[field]?.[0];

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

  // A refused password is cleared, never kept (the address stays).
  useEffect(() => {
    if (state?.message) resetField("password");
  }, [state, resetField]);

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        void form.handleSubmit(() => startTransition(() => formAction(data)))(event);
      }}
      noValidate
      className="space-y-4"
      aria-labelledby="password-heading"
    >
      <h2 id="password-heading" className="text-lg font-semibold">
        Staff sign-in
      </h2>
      {state?.message && <Alert tone="error">{state.message}</Alert>}
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Email" error={errors.email?.message ?? serverError(state, "email")}>
        {(p) => <Input {...p} type="email" autoComplete="username" defaultValue={state?.email} {...form.register("email")} />}
      </Field>
      <Field label="Password" error={errors.password?.message ?? serverError(state, "password")}>
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
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        void form.handleSubmit(() => startTransition(() => formAction(data)))(event);
      }}
      noValidate
      className="space-y-4"
      aria-labelledby="link-heading"
    >
      <h2 id="link-heading" className="text-lg font-semibold">
        Email me a sign-in link
      </h2>
      <p className="text-sm text-slate-600">For panelists and anyone without a password.</p>
      {state?.message && <Alert tone="error">{state.message}</Alert>}
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Email address" error={errors.email?.message ?? serverError(state, "email")}>
        {(p) => <Input {...p} type="email" autoComplete="email" defaultValue={state?.email} {...form.register("email")} />}
      </Field>
      <Button type="submit" variant="secondary" pending={pending} className="w-full">
        Send link
      </Button>
    </form>
  );
}
