"use client";

import { createSeries, updateSeries } from "@/app/(staff)/admin/series/actions";
import { SlugField } from "@/components/forms/slug-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select, Textarea } from "@/components/ui/field";
import { seriesSchema } from "@/lib/validations/series";

type Props = {
  series?: { id: string; name: string; slug: string; topicId: string | null; description: string | null };
  topics: { id: string; name: string }[];
  /** Whether the series is already on public pages: its address is then fixed. */
  isPublic?: boolean;
};

export function SeriesForm({ series, topics, isPublic = false }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(
    seriesSchema,
    (values) => (series ? updateSeries({ ...values, id: series.id }) : createSeries(values)),
    {
      defaultValues: {
        name: series?.name ?? "",
        slug: series?.slug ?? "",
        topicId: series?.topicId ?? "",
        description: series?.description ?? "",
      },
    },
  );
  const name = form.watch("name");
  const slug = form.watch("slug");

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label="Name" error={errors.name?.message} hint="As it reads in a sentence: the fourth meeting of “WPS + Innovation”.">
        {(p) => <Input {...p} {...form.register("name")} />}
      </Field>
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
      <Field label="Description" error={errors.description?.message}>
        {(p) => <Textarea {...p} rows={4} {...form.register("description")} />}
      </Field>
      <Button type="submit" pending={pending}>
        {series ? "Save series" : "Create series"}
      </Button>
    </form>
  );
}
