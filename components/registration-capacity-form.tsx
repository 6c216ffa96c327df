"use client";

import { setCapacity } from "@/app/(staff)/admin/events/[id]/registrations/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { capacitySchema } from "@/lib/validations/registration";

type Props = { eventId: string; capacity: number | null; confirmed: number };

/** The number of seats; raising it fills the new seats from the waitlist at once. */
export function RegistrationCapacityForm({ eventId, capacity, confirmed }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(capacitySchema, setCapacity, {
    defaultValues: { eventId, capacity: capacity == null ? "" : String(capacity) },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Capacity">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Seats"
          error={errors.capacity?.message}
          hint={`Leave empty for no limit. At least ${confirmed}, the number confirmed. More seats go to the waitlist at once.`}
        >
          {(p) => <Input {...p} type="number" inputMode="numeric" min={confirmed} className="w-40" {...form.register("capacity")} />}
        </Field>
        <Button type="submit" variant="secondary" pending={pending} className="mb-[1.6rem]">
          Save capacity
        </Button>
      </div>
    </form>
  );
}
