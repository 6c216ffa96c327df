"use client";

import { createPerson, updatePerson } from "@/app/(staff)/admin/people/actions";
import { NameFields } from "@/components/forms/name-fields";
import { SlugField } from "@/components/forms/slug-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { Person } from "@/db/schema";
import { displayName, plainName } from "@/lib/names";
import { personSchema } from "@/lib/validations/person";

type Props = {
  person?: Pick<
    Person,
    "id" | "slug" | "honorific" | "givenName" | "familyName" | "nameOrder" | "position" | "organization" | "bio" | "email"
  >;
  /** Whether the person appears on a public event: the address of their page is then fixed. */
  isPublic?: boolean;
};

export function PersonForm({ person, isPublic = false }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(
    personSchema,
    (values) => (person ? updatePerson({ ...values, id: person.id }) : createPerson(values)),
    {
      defaultValues: {
        honorific: person?.honorific ?? "",
        givenName: person?.givenName ?? "",
        familyName: person?.familyName ?? "",
        nameOrder: person?.nameOrder ?? "given_family",
        position: person?.position ?? "",
        organization: person?.organization ?? "",
        bio: person?.bio ?? "",
        email: person?.email ?? "",
        slug: person?.slug ?? "",
      },
    },
  );

  const [honorific, givenName, familyName, nameOrder, slug] = form.watch(["honorific", "givenName", "familyName", "nameOrder", "slug"]);
  const name = { honorific, givenName: givenName ?? "", familyName: familyName ?? "", nameOrder };
  const preview = displayName(name);

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <NameFields register={(field) => form.register(field)} errors={errors} columns="sm:grid-cols-[10rem_1fr_1fr]">
        <p className="text-sm text-slate-700" aria-live="polite">
          {preview ? (
            <>
              The name will read: <strong className="font-semibold text-slate-900">{preview}</strong>
            </>
          ) : (
            "Enter the name to see how it will read."
          )}
        </p>
      </NameFields>
      <Field label="Position" error={errors.position?.message} hint="As it reads after the name: Minister for Foreign Affairs of Japan.">
        {(p) => <Input {...p} autoComplete="off" {...form.register("position")} />}
      </Field>
      <Field label="Organization" error={errors.organization?.message}>
        {(p) => <Input {...p} autoComplete="off" {...form.register("organization")} />}
      </Field>
      <Field label="Bio" error={errors.bio?.message}>
        {(p) => <Textarea {...p} rows={6} {...form.register("bio")} />}
      </Field>
      <Field
        label="Private email (optional)"
        error={errors.email?.message}
        hint="For invitations and sign-in links. Only staff see it; it never appears on public pages."
      >
        {(p) => <Input {...p} type="email" autoComplete="off" spellCheck={false} {...form.register("email")} />}
      </Field>
      <SlugField
        label="Address of their page (slug)"
        registration={form.register("slug")}
        error={errors.slug?.message}
        base="/people/"
        saved={person?.slug}
        typed={slug}
        from={familyName ? plainName(name) : ""}
        fixedBecause={isPublic ? "They appear on a public event" : undefined}
      />
      <Button type="submit" pending={pending}>
        {person ? "Save person" : "Create person"}
      </Button>
    </form>
  );
}
