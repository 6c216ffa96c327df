"use client";

import { createPerson, updatePerson } from "@/app/(staff)/admin/people/actions";
import { NameFields } from "@/components/forms/name-fields";
import { TranslatedPersonFields } from "@/components/forms/translated-person-fields";
import { SlugField } from "@/components/forms/slug-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { Person } from "@/db/schema";
import { type Language, LANGUAGE_LABELS } from "@/lib/i18n/languages";
import { displayName, plainName } from "@/lib/names";
import { personSchema } from "@/lib/validations/person";
import { TRANSLATED_PROFILE_FIELDS } from "@/lib/validations/profile";

type Props = {
  person?: Pick<
    Person,
    "id" | "slug" | "honorific" | "givenName" | "familyName" | "nameOrder" | "position" | "organization" | "bio" | "email" | "translations"
  >;
  /** The enabled languages other than the default: the person is edited in each, beside the default's fields. */
  languages?: Language[];
  /** Whether the person appears on a public event: the address of their page is then fixed. */
  isPublic?: boolean;
};

export function PersonForm({ person, isPublic = false, languages = [] }: Props) {
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
        translations: Object.fromEntries(
          languages.map((l) => [l, Object.fromEntries(TRANSLATED_PROFILE_FIELDS.map((f) => [f, person?.translations[l]?.[f] ?? ""]))]),
        ),
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
      {languages.map((language) => (
        <fieldset key={language} className="space-y-4 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">In {LANGUAGE_LABELS[language]}</legend>
          <p className="text-sm text-slate-600">A field left empty shows the version above on the {LANGUAGE_LABELS[language]} pages.</p>
          <TranslatedPersonFields
            language={language}
            register={(field) => form.register(`translations.${language}.${field}`)}
            errors={errors.translations?.[language]}
          />
        </fieldset>
      ))}
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
