"use client";

import { createTopic, updateTopic } from "@/app/(staff)/admin/topics/actions";
import { SlugField } from "@/components/forms/slug-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { topicSchema } from "@/lib/validations/topic";

type Props = {
  topic?: { id: string; name: string; slug: string; description: string | null };
  /** Whether an event on the topic is public: its address is then fixed. */
  isPublic?: boolean;
};

export function TopicForm({ topic, isPublic = false }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(
    topicSchema,
    (values) => (topic ? updateTopic({ ...values, id: topic.id }) : createTopic(values)),
    {
      defaultValues: { name: topic?.name ?? "", slug: topic?.slug ?? "", description: topic?.description ?? "" },
    },
  );
  const [name, slug] = form.watch(["name", "slug"]);

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label="Name" error={errors.name?.message}>
        {(p) => <Input {...p} {...form.register("name")} />}
      </Field>
      <SlugField
        registration={form.register("slug")}
        error={errors.slug?.message}
        base="/topics/"
        saved={topic?.slug}
        typed={slug}
        from={name}
        fixedBecause={isPublic ? "It is public" : undefined}
      />
      <Field label="Description" error={errors.description?.message}>
        {(p) => <Textarea {...p} rows={4} {...form.register("description")} />}
      </Field>
      <Button type="submit" pending={pending}>
        {topic ? "Save topic" : "Create topic"}
      </Button>
    </form>
  );
}
