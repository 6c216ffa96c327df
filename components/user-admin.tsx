"use client";

import { useState } from "react";
import { changeUserRole, createUser, setUserDisabledAction } from "@/app/(staff)/admin/users/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select } from "@/components/ui/field";
import type { Role } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";
import { createUserSchema, ROLE_LABELS, ROLES } from "@/lib/validations/user";

export function CreateUserForm() {
  const { form, message, onSubmit, errors, pending } = useActionForm(createUserSchema, createUser, {
    defaultValues: { email: "", name: "", role: "staff", password: "" },
    onSuccess: () => form.reset(),
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="text-lg font-semibold md:col-span-2">
        Add a user
      </h2>
      {message && (
        <div className="md:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <Field label="Email" error={errors.email?.message}>
        {(p) => <Input {...p} type="email" autoComplete="off" {...form.register("email")} />}
      </Field>
      <Field label="Name" error={errors.name?.message}>
        {(p) => <Input {...p} autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field label="Role" error={errors.role?.message}>
        {(p) => (
          <Select {...p} {...form.register("role")}>
            <Options values={ROLES} labels={ROLE_LABELS} />
          </Select>
        )}
      </Field>
      <Field label="Password (optional)" error={errors.password?.message} hint="Leave empty to sign in by emailed link only. Panelists always use links.">
        {(p) => <Input {...p} type="password" autoComplete="new-password" {...form.register("password")} />}
      </Field>
      <div className="md:col-span-2">
        <Button type="submit" pending={pending}>
          Add user
        </Button>
      </div>
    </form>
  );
}

export function UserRowControls({ userId, email, role, disabled, isSelf }: { userId: string; email: string; role: Role; disabled: boolean; isSelf: boolean }) {
  const [nextRole, setNextRole] = useState<Role>(role);
  // Both changes revalidate the list, refused or not: the row shows the account as it now stands.
  const { run, pending, error } = useActionButton((change: () => Promise<ActionResult>) => change());

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role for {email}
      </label>
      <Select id={`role-${userId}`} value={nextRole} onChange={(e) => setNextRole(e.target.value as Role)} className="w-auto">
        <Options values={ROLES} labels={ROLE_LABELS} />
      </Select>
      <Button variant="secondary" disabled={nextRole === role} pending={pending} onClick={() => run(() => changeUserRole({ userId, role: nextRole }))}>
        Change role<span className="sr-only"> for {email}</span>
      </Button>
      {!isSelf && (
        <Button variant={disabled ? "secondary" : "danger"} pending={pending} onClick={() => run(() => setUserDisabledAction({ userId, disabled: !disabled }))}>
          {disabled ? "Enable" : "Disable"}
          <span className="sr-only"> {email}</span>
        </Button>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
