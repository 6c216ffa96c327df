"use client";

import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { saveProfile } from "@/app/(panelist)/me/actions";
import { NameFields } from "@/components/forms/name-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { PhotoUpload } from "@/components/photo-upload";
import { ProfilePortrait } from "@/components/profile-portrait";
import { ProfilePreview } from "@/components/profile-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import type { NameOrder } from "@/db/schema";
import type { Messages } from "@/lib/i18n/messages";
import { profileFormInput, profileSchema } from "@/lib/validations/profile";

export type ProfileFormValues = {
  honorific: string | null;
  givenName: string;
  familyName: string;
  nameOrder: NameOrder;
  position: string | null;
  organization: string | null;
  bio: string | null;
};

export type PortraitChoice = { id: string; url: string; alt: string | null; width?: number | null; height?: number | null };

type Props = {
  personId: string;
  /** What the form starts from: the proposal waiting for review, else the public profile. */
  initial: ProfileFormValues;
  initialPortrait: PortraitChoice | null;
  /** The panelist area's words, in its language. */
  words: Messages["panelist"]["form"];
};

type Input = z.input<typeof profileSchema>;

/**
 * The panelist's own profile, with a live preview of the public page beside it. The form follows
 * what the server says it starts from (after a save, a withdrawal or a review), without remounting,
 * so that its confirmation stays on screen.
 */
export function ProfileForm({ personId, initial, initialPortrait, words }: Props) {
  // Photos uploaded here, by id: the form holds only the chosen id.
  const [uploaded, setUploaded] = useState<Record<string, PortraitChoice>>({});
  // The memo follows the values, not the objects, which are new after every refresh.
  const { honorific, givenName, familyName, nameOrder, position, organization, bio } = initial;
  const portraitId = initialPortrait?.id;
  const portraitAlt = initialPortrait?.alt ?? null;
  const start = useMemo<Input>(
    () =>
      profileFormInput(
        personId,
        { honorific, givenName, familyName, nameOrder, position, organization, bio },
        portraitId === undefined ? null : { id: portraitId, alt: portraitAlt },
      ),
    [personId, honorific, givenName, familyName, nameOrder, position, organization, bio, portraitId, portraitAlt],
  );
  const { form, message, onSubmit, errors, pending } = useActionForm(profileSchema, saveProfile, {
    defaultValues: start,
    values: start,
  });

  const values = useWatch({ control: form.control });
  const portrait = values.portraitId ? (uploaded[values.portraitId] ?? (initialPortrait?.id === values.portraitId ? initialPortrait : null)) : null;
  const preview = {
    honorific: values.honorific ?? null,
    givenName: values.givenName ?? "",
    familyName: values.familyName ?? "",
    nameOrder: values.nameOrder ?? "given_family",
    position: values.position?.trim() || null,
    organization: values.organization?.trim() || null,
    bio: values.bio ?? null,
    portrait: portrait ? { ...portrait, alt: values.portraitAlt ?? "" } : null,
  };

  function choosePortrait(next: PortraitChoice | null) {
    if (next) setUploaded((all) => ({ ...all, [next.id]: next }));
    form.setValue("portraitId", next?.id ?? "", { shouldDirty: true });
    if (!next) form.setValue("portraitAlt", "", { shouldDirty: true });
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="edit-heading" className="space-y-5">
        <h3 id="edit-heading" className="text-lg font-semibold">
          {words.editHeading}
        </h3>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <input type="hidden" {...form.register("personId")} />
        <input type="hidden" {...form.register("portraitId")} />
        <NameFields register={(field) => form.register(field)} errors={errors} own columns="sm:grid-cols-[8rem_1fr_1fr]" labels={words} />
        <Field label={words.position} error={errors.position?.message} hint={words.positionHint}>
          {(p) => <Input {...p} autoComplete="organization-title" {...form.register("position")} />}
        </Field>
        <Field label={words.organization} error={errors.organization?.message}>
          {(p) => <Input {...p} autoComplete="organization" {...form.register("organization")} />}
        </Field>
        <Field label={words.bio} error={errors.bio?.message} hint={words.bioHint}>
          {(p) => <Textarea {...p} rows={10} {...form.register("bio")} />}
        </Field>

        <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">{words.portrait}</legend>
          {portrait ? (
            <div className="flex items-start gap-4">
              <ProfilePortrait src={portrait.url} alt={values.portraitAlt || words.chosenPortrait} width={portrait.width} height={portrait.height} className="w-24" />
              <Button type="button" variant="secondary" size="sm" onClick={() => choosePortrait(null)}>
                {words.removePhoto}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-600">{words.noPhoto}</p>
          )}
          <PhotoUpload
            purpose="portrait"
            personId={personId}
            label={portrait ? words.replacePhoto : words.uploadPhoto}
            onUploaded={(media) => choosePortrait({ ...media, alt: null })}
          />
          {errors.portraitId?.message && (
            <p role="alert" className="text-sm text-red-700">
              {errors.portraitId.message}
            </p>
          )}
          {portrait && (
            <Field
              label={words.alt}
              error={errors.portraitAlt?.message}
              hint={words.altHint}
            >
              {(p) => <Input {...p} autoComplete="off" {...form.register("portraitAlt")} />}
            </Field>
          )}
        </fieldset>

        <div className="space-y-2">
          <Button type="submit" pending={pending}>
            {words.send}
          </Button>
          <p className="text-sm text-slate-600">{words.reviewNote}</p>
        </div>
      </form>

      <Section id="preview-heading" title={words.previewHeading} level="h3" className="space-y-3 lg:sticky lg:top-4 lg:self-start" headingClassName="text-lg font-semibold">
        <p className="text-sm text-slate-600">{words.previewIntro}</p>
        <div className="rounded-lg border border-dashed border-slate-300 p-5">
          <ProfilePreview profile={preview} nameAs="p" />
        </div>
      </Section>
    </div>
  );
}
