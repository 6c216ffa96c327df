"use client";

import { createTopic, updateTopic } from "@/app/(staff)/admin/topics/actions";
import { SlugField } from "@/components/forms/slug-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formWidth, type RegisterTranslation, Translated, translationOf } from "@/components/forms/translated-fields";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { Language, Translations } from "@/lib/i18n/languages";
import { translationDefaults } from "@/lib/translations";
import { topicSchema } from "@/lib/validations/topic";

type Props = {
  topic?: { id: string; name: string; slug: string; description: string | null; translations: Translations<"name" | "description"> };
  /** The enabled languages besides the default: the name and description are written in each. */
  languages: readonly Language[];
  /** Whether an event on the topic is public: its address is then fixed. */
  isPublic?: boolean;
};

export function TopicForm({ topic, isPublic = false, languages }: Props) {
  const { form, message, onSubmit, errors, pending } = useActionForm(
    topicSchema,
    (values) => (topic ? updateTopic({ ...values, id: topic.id }) : createTopic(values)),
    {
      defaultValues: { name: topic?.name ?? "", slug: topic?.slug ?? "", description: topic?.description ?? "",
        translations: translationDefaults(topic?.translations, languages, ["name", "description"]),
      },
    },
  );
  const [name, slug] = form.watch(["name", "slug"]);
  const register = form.register as unknown as RegisterTranslation;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className={`${formWidth(languages)} space-y-4`}>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Translated
        languages={languages}
        translation={translationOf(register, errors.translations, "name", "Name")}
      >
        <Field label="Name" error={errors.name?.message}>
          {(p) => <Input {...p} {...form.register("name")} />}
        </Field>
      </Translated>
      <SlugField
        registration={form.register("slug")}
        error={errors.slug?.message}
        base="/topics/"
        saved={topic?.slug}
        typed={slug}
        from={name}
        fixedBecause={isPublic ? "It is public" : undefined}
      />
      <Translated
        languages={languages}
        translation={translationOf(register, errors.translations, "description", "Description", 4)}
      >
        <Field label="Description" error={errors.description?.message}>
          {(p) => <Textarea {...p} rows={4} {...form.register("description")} />}
        </Field>
      </Translated>
      <Button type="submit" pending={pending}>
        {topic ? "Save topic" : "Create topic"}
      </Button>
    </form>
  );
}
