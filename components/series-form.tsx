"use client";

import { createSeries, updateSeries } from "@/app/(staff)/admin/series/actions";
import { SlugField } from "@/components/forms/slug-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formWidth, type RegisterTranslation, Translated, translationOf } from "@/components/forms/translated-fields";
import { Field, Input, Options, Select, Textarea } from "@/components/ui/field";
import type { Language, Translations } from "@/lib/i18n/languages";
import { translationDefaults } from "@/lib/translations";
import { seriesSchema } from "@/lib/validations/series";

type Props = {
  series?: { id: string; name: string; slug: string; topicId: string | null; description: string | null; translations: Translations<"name" | "description"> };
  topics: { id: string; name: string }[];
  /** Whether the series is already on public pages: its address is then fixed. */
  isPublic?: boolean;
  /** The enabled languages besides the default: the name and description are written in each. */
  languages: readonly Language[];
};

export function SeriesForm({ series, topics, isPublic = false, languages }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(
    seriesSchema,
    (values) => (series ? updateSeries({ ...values, id: series.id }) : createSeries(values)),
    {
      defaultValues: {
        name: series?.name ?? "",
        slug: series?.slug ?? "",
        topicId: series?.topicId ?? "",
        description: series?.description ?? "",
        translations: translationDefaults(series?.translations, languages, ["name", "description"]),
      },
    },
  );
  const name = form.watch("name");
  const slug = form.watch("slug");
  const register = form.register as unknown as RegisterTranslation;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className={`${formWidth(languages)} space-y-4`}>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Translated languages={languages} translation={translationOf(register, errors.translations, "name", "Name")}>
        <Field label="Name" error={errors.name?.message} hint="As it reads in a sentence: the fourth meeting of “WPS + Innovation”.">
          {(p) => <Input {...p} {...form.register("name")} />}
        </Field>
      </Translated>
      <SlugField
        registration={form.register("slug")}
        error={errors.slug?.message}
        base="/series/"
        saved={series?.slug}
        typed={slug}
        from={name}
        fixedBecause={isPublic ? "It is public" : undefined}
      />
      <Field label="Topic (optional)" error={errors.topicId?.message} hint="Leave it at “No topic” for a series that spans several.">
        {(p) => (
          <Select {...p} {...form.register("topicId")}>
            <option value="">No topic</option>
            <Options values={topics} />
          </Select>
        )}
      </Field>
      <Translated languages={languages} translation={translationOf(register, errors.translations, "description", "Description", 4)}>
        <Field label="Description" error={errors.description?.message}>
          {(p) => <Textarea {...p} rows={4} {...form.register("description")} />}
        </Field>
      </Translated>
      <Button type="submit" pending={pending}>
        {series ? "Save series" : "Create series"}
      </Button>
    </form>
  );
}
