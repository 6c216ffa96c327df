"use client";

import { useId } from "react";
import { createPerson, updatePerson } from "@/app/(staff)/admin/people/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import type { Person } from "@/db/schema";
import { displayName, HONORIFICS, plainName } from "@/lib/names";
import { slugify } from "@/lib/slug";
import { NAME_ORDER_LABELS, NAME_ORDERS, personSchema } from "@/lib/validations/person";

type Props = {
  person?: Pick<
    Person,
    "id" | "slug" | "honorific" | "givenName" | "familyName" | "nameOrder" | "position" | "organization" | "bio" | "email"
  >;
  /** Whether the person appears on a public event: the address of their page is then fixed. */
  isPublic?: boolean;
};

const NAME_ORDER_OPTIONS = NAME_ORDERS.map((value) => ({ value, label: NAME_ORDER_LABELS[value] }));

export function PersonForm({ person, isPublic = false }: Props) {
  const honorificListId = useId();
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
      <fieldset className="space-y-4">
        <legend className="sr-only">Name</legend>
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr_1fr]">
          <Field label="Honorific" error={errors.honorific?.message} hint="Ms., Dr., Ambassador…">
            {(p) => (
              <>
                <Input {...p} list={honorificListId} autoComplete="off" {...form.register("honorific")} />
                <datalist id={honorificListId}>
                  {HONORIFICS.map((h) => (
                    <option key={h} value={h} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Given name" error={errors.givenName?.message}>
            {(p) => <Input {...p} autoComplete="off" {...form.register("givenName")} />}
          </Field>
          <Field label="Family name" error={errors.familyName?.message}>
            {(p) => <Input {...p} autoComplete="off" {...form.register("familyName")} />}
          </Field>
        </div>
        <RadioGroup legend="Name order" options={NAME_ORDER_OPTIONS} error={errors.nameOrder?.message} {...form.register("nameOrder")} />
        <p className="text-sm text-slate-700" aria-live="polite">
          {preview ? (
            <>
              The name will read: <strong className="font-semibold text-slate-900">{preview}</strong>
            </>
          ) : (
            "Enter the name to see how it will read."
          )}
        </p>
      </fieldset>
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
      <Field
        label="Address of their page (slug)"
        error={errors.slug?.message}
        hint={
          isPublic
            ? `Their page is /people/${person?.slug}. They appear on a public event, so the address stays as it is.`
            : person
              ? `Page address: /people/${slug || person.slug}. Leave empty to keep the current one.`
              : `Their page will be /people/${slug || (familyName ? slugify(plainName(name)) : "…")}. Leave empty to make it from the name.`
        }
      >
        {(p) => <Input {...p} readOnly={isPublic} className={isPublic ? "bg-slate-50 text-slate-600" : ""} {...form.register("slug")} />}
      </Field>
      <Button type="submit" pending={pending}>
        {person ? "Save person" : "Create person"}
      </Button>
    </form>
  );
}
