"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type FieldPath, type FieldValues, type UseFormSetError, useForm } from "react-hook-form";
import type { z } from "zod";
import { requestSignInLink, signInWithPassword } from "@/app/(auth)/actions";
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

export function PasswordSignInForm({ next }: { next?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<z.input<typeof passwordSignInSchema>, unknown, z.output<typeof passwordSignInSchema>>({
    resolver: zodResolver(passwordSignInSchema),
    defaultValues: { email: "", password: "", next },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await signInWithPassword(values);
    const failure = applyActionErrors(result, form.setError);
    if (failure) {
      setMessage(failure);
      form.resetField("password");
    }
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">
        Staff sign-in
      </h2>
      {message && <Alert tone="error">{message}</Alert>}
      <Field label="Email" error={errors.email?.message}>
        {(p) => <Input {...p} type="email" autoComplete="username" {...form.register("email")} />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(p) => <Input {...p} type="password" autoComplete="current-password" {...form.register("password")} />}
      </Field>
      <Button type="submit" pending={isSubmitting} className="w-full">
        Sign in
      </Button>
    </form>
  );
}

export function LinkSignInForm({ next }: { next?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<z.input<typeof linkSignInSchema>, unknown, z.output<typeof linkSignInSchema>>({
    resolver: zodResolver(linkSignInSchema),
    defaultValues: { email: "", next },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await requestSignInLink(values);
    const failure = applyActionErrors(result, form.setError);
    if (failure) setMessage(failure);
    else setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <div className="space-y-3">
        <Alert tone="success">
          Check your email. If <strong>{sentTo}</strong> belongs to an account, a sign-in link is on its way. It works
          once, within 15 minutes.
        </Alert>
        <Button variant="link" type="button" onClick={() => setSentTo(null)}>
          Use another address
        </Button>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="link-heading">
      <h2 id="link-heading" className="text-lg font-semibold">
        Email me a sign-in link
      </h2>
      <p className="text-sm text-slate-600">For panelists and anyone without a password.</p>
      {message && <Alert tone="error">{message}</Alert>}
      <Field label="Email address" error={errors.email?.message}>
        {(p) => <Input {...p} type="email" autoComplete="email" {...form.register("email")} />}
      </Field>
      <Button type="submit" variant="secondary" pending={isSubmitting} className="w-full">
        Send link
      </Button>
    </form>
  );
}
