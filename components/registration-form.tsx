"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useState } from "react";
import { type FieldPath, useForm } from "react-hook-form";
import type { z } from "zod";
import { register as registerAction } from "@/app/(public)/events/[slug]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { EMAIL_MAX, NAME_MAX, ORGANIZATION_MAX, registrationSchema } from "@/lib/validations/registration";

type Values = z.input<typeof registrationSchema>;
type Parsed = z.output<typeof registrationSchema>;

/**
 * A key for one filling-in of the form. randomUUID needs a secure context; getRandomValues does not,
 * so a site served over plain HTTP still gets a proper random key.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Props = {
  slug: string;
  categories: string[];
  /** Every seat is taken: the button says the person joins the waitlist. */
  waitlist: boolean;
};

export function RegistrationForm({ slug, categories, waitlist }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const honeypotId = useId();
  const empty: Values = {
    slug,
    name: "",
    email: "",
    organization: "",
    category: "",
    // The checkbox starts unticked; the schema accepts only a tick.
    consent: false as unknown as Values["consent"],
    website: "",
    idempotencyKey: "",
  };
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(registrationSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;

  // One key per filling-in of the form, made in the browser once it runs: a second click, or a retry
  // after a lost answer, sends the same key and the server makes one registration of both.
  useEffect(() => {
    form.setValue("idempotencyKey", newIdempotencyKey());
  }, [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    if (categories.length > 0 && !values.category) {
      form.setError("category", { message: "Choose a category from the list." });
      return;
    }
    let result;
    try {
      result = await registerAction(values);
    } catch {
      setMessage("We could not send your registration. Please check your connection and try again.");
      return;
    }
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) form.setError(field as FieldPath<Values>, { message: messages[0] });
      }
      setMessage(result.message);
      return;
    }
    setSentTo(values.email);
  });

  const again = () => {
    form.reset({ ...empty, idempotencyKey: newIdempotencyKey() });
    setSentTo(null);
    setMessage(null);
  };

  if (sentTo) {
    return (
      <div className="space-y-3">
        <Alert tone="success">
          <strong>Thank you. Check your email.</strong> We have sent a message to <strong>{sentTo}</strong> about your
          registration. If it has not arrived in a few minutes, look in your spam folder.
        </Alert>
        <Button variant="link" type="button" onClick={again}>
          Register someone else
        </Button>
      </div>
    );
  }

  const hiddenError = errors.idempotencyKey?.message ?? errors.slug?.message;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="relative max-w-xl space-y-4" aria-label="Register for this event">
      {(message || hiddenError) && <Alert tone="error">{message ?? hiddenError}</Alert>}
      <input type="hidden" {...form.register("slug")} />
      <input type="hidden" {...form.register("idempotencyKey")} />
      <Field label="Name" error={errors.name?.message}>
        {(p) => <Input {...p} autoComplete="name" maxLength={NAME_MAX} {...form.register("name")} />}
      </Field>
      <Field label="Email" error={errors.email?.message} hint="Your confirmation and check-in code go to this address.">
        {(p) => <Input {...p} type="email" autoComplete="email" maxLength={EMAIL_MAX} {...form.register("email")} />}
      </Field>
      <Field label="Organization (optional)" error={errors.organization?.message}>
        {(p) => <Input {...p} autoComplete="organization" maxLength={ORGANIZATION_MAX} {...form.register("organization")} />}
      </Field>
      {categories.length > 0 && (
        <Field label="Attendee category" error={errors.category?.message}>
          {(p) => (
            <Select {...p} {...form.register("category")}>
              <option value="">Choose one…</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}

      {/* People never see this field; robots that fill in every field do, and give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor={honeypotId}>Leave this field empty</label>
        <input id={honeypotId} type="text" tabIndex={-1} autoComplete="off" {...form.register("website")} />
      </div>

      <div className="space-y-1">
        <div className="flex items-start gap-2">
          <input
            id={`${honeypotId}-consent`}
            type="checkbox"
            className="mt-1 size-4 accent-brand-700"
            aria-invalid={Boolean(errors.consent)}
            aria-describedby={errors.consent ? `${honeypotId}-consent-error` : undefined}
            {...form.register("consent")}
          />
          <label htmlFor={`${honeypotId}-consent`} className="text-sm text-slate-800">
            I agree that my details are kept to manage my registration, as the{" "}
            <a href="/privacy" target="_blank" rel="noopener">
              privacy notice
            </a>{" "}
            explains.
          </label>
        </div>
        {errors.consent && (
          <p id={`${honeypotId}-consent-error`} className="text-sm text-red-700">
            {errors.consent.message}
          </p>
        )}
      </div>

      <Button type="submit" pending={isSubmitting}>
        {waitlist ? "Join the waitlist" : "Register"}
      </Button>
    </form>
  );
}
