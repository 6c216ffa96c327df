"use client";

import { useEffect } from "react";
import { addRegistration } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { newIdempotencyKey } from "@/components/registration-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select } from "@/components/ui/field";
import { EMAIL_MAX, NAME_MAX, ORGANIZATION_MAX, type StaffRegistrationInput, staffRegistrationSchema } from "@/lib/validations/registration";

type Props = { eventId: string; categories: string[] };

/** Staff add someone by hand; the seat rules are the public form's, and the person gets the same email. */
export function RegistrationAddForm({ eventId, categories }: Props) {
  const empty: StaffRegistrationInput = { eventId, name: "", email: "", organization: "", category: "", idempotencyKey: undefined };
  const { form, message, onSubmit, errors, pending } = useActionForm(staffRegistrationSchema, addRegistration, {
    defaultValues: empty,
    onSuccess: () => form.reset({ ...empty, idempotencyKey: newIdempotencyKey() }),
  });

  useEffect(() => {
    form.setValue("idempotencyKey", newIdempotencyKey());
  }, [form]);

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add a registration">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" error={errors.name?.message}>
          {(p) => <Input {...p} autoComplete="off" maxLength={NAME_MAX} {...form.register("name")} />}
        </Field>
        <Field label="Email" error={errors.email?.message}>
          {(p) => <Input {...p} type="email" autoComplete="off" maxLength={EMAIL_MAX} {...form.register("email")} />}
        </Field>
        <Field label="Organization (optional)" error={errors.organization?.message}>
          {(p) => <Input {...p} autoComplete="off" maxLength={ORGANIZATION_MAX} {...form.register("organization")} />}
        </Field>
        {categories.length > 0 && (
          <Field label="Attendee category (optional)" error={errors.category?.message}>
            {(p) => (
              <Select {...p} {...form.register("category")}>
                <option value="">None</option>
                <Options values={categories} />
              </Select>
            )}
          </Field>
        )}
      </div>
      <p className="text-xs text-slate-600">
        Ask the person first: adding them records that they agreed to the privacy notice. They receive the usual email with
        their personal link.
      </p>
      <Button type="submit" pending={pending}>
        Add registration
      </Button>
    </form>
  );
}
