"use client";

import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { saveReferences, saveReferenceTranslations } from "@/app/(staff)/admin/events/[id]/summary/actions";
import type { Language } from "@/lib/i18n/languages";
import { referencesSchema, referenceTranslationsSchema } from "@/lib/validations/summary";

type Reference = { id: string; title: string; text: string | null; url: string | null };

export function SummaryReferences({ eventId, references }: { eventId: string; references: Reference[] }) {
  const router = useRouter();
  const initial = { eventId, references: references.map((r) => ({ referenceId: r.id, title: r.title, text: r.text ?? "", url: r.url ?? "" })) };
  const { form, message, onSubmit, errors, pending } = useActionForm(referencesSchema, saveReferences, {
    defaultValues: initial,
    onSuccess: () => {
      form.reset(form.getValues());
      router.refresh();
    },
  });
  const { fields, append, remove, swap } = useFieldArray({ control: form.control, name: "references" });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="references-heading" className="space-y-4">
      <h2 id="references-heading" className="text-lg font-semibold">
        References
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {fields.length === 0 && <p className="text-sm text-slate-600">No references yet. They appear under the text as “(Reference 1)”, “(Reference 2)”….</p>}
      <ol className="space-y-4">
        {fields.map((field, i) => (
          <li key={field.id} className="space-y-3 rounded-md border border-slate-200 p-4">
            <p className="text-sm font-medium text-slate-700">Reference {i + 1}</p>
            <Field label={`Reference ${i + 1} title`} error={errors.references?.[i]?.title?.message}>
              {(p) => <Input {...p} {...form.register(`references.${i}.title`)} />}
            </Field>
            <Field label={`Reference ${i + 1} text (optional)`} error={errors.references?.[i]?.text?.message}>
              {(p) => <Textarea {...p} rows={3} {...form.register(`references.${i}.text`)} />}
            </Field>
            <Field label={`Reference ${i + 1} link (optional)`} error={errors.references?.[i]?.url?.message}>
              {(p) => <Input {...p} type="url" placeholder="https://" {...form.register(`references.${i}.url`)} />}
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="secondary" disabled={i === 0} onClick={() => swap(i, i - 1)}>
                Move up<span className="sr-only"> reference {i + 1}</span>
              </Button>
              <Button type="button" variant="secondary" disabled={i === fields.length - 1} onClick={() => swap(i, i + 1)}>
                Move down<span className="sr-only"> reference {i + 1}</span>
              </Button>
              <Button type="button" variant="danger" onClick={() => remove(i)}>
                Remove<span className="sr-only"> reference {i + 1}</span>
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {errors.references?.message && <p className="text-sm text-red-700">{errors.references.message}</p>}
      <div className="flex gap-2">
        <Button type="button" variant="secondary" onClick={() => append({ referenceId: null, title: "", text: "", url: "" })}>
          Add reference
        </Button>
        <Button type="submit" pending={pending}>
          Save references
        </Button>
      </div>
    </form>
  );
}

type TranslatedReference = { id: string; title: string; text: string | null; translated: { title?: string; text?: string } };

/**
 * The references in a language other than the default: a title and text for each of the default
 * language's references (the list, its order and links are edited there). Left empty, the public
 * page shows the default language's.
 */
export function SummaryReferenceTranslations({ eventId, language, languageLabel, references }: { eventId: string; language: Language; languageLabel: string; references: TranslatedReference[] }) {
  const router = useRouter();
  const initial = {
    eventId,
    language,
    references: references.map((r) => ({ referenceId: r.id, title: r.translated.title ?? "", text: r.translated.text ?? "" })),
  };
  const { form, message, onSubmit, errors, pending } = useActionForm(referenceTranslationsSchema, saveReferenceTranslations, {
    defaultValues: initial,
    onSuccess: () => {
      form.reset(form.getValues());
      router.refresh();
    },
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="references-heading" className="space-y-4">
      <h2 id="references-heading" className="text-lg font-semibold">
        References in {languageLabel}
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {references.length === 0 ? (
        <p className="text-sm text-slate-600">No references yet. Add them in the default language&apos;s tab; their {languageLabel} versions are written here.</p>
      ) : (
        <p className="text-sm text-slate-600">The list, its order and links are the default language&apos;s. Left empty, a field shows the default language&apos;s text.</p>
      )}
      <ol className="space-y-4">
        {references.map((r, i) => (
          <li key={r.id} className="space-y-3 rounded-md border border-slate-200 p-4">
            <p className="text-sm font-medium text-slate-700">
              Reference {i + 1}: <span className="font-normal">{r.title}</span>
            </p>
            <Field label={`Reference ${i + 1} title in ${languageLabel}`} error={errors.references?.[i]?.title?.message}>
              {(p) => <Input {...p} lang={language} {...form.register(`references.${i}.title`)} />}
            </Field>
            <Field label={`Reference ${i + 1} text in ${languageLabel} (optional)`} error={errors.references?.[i]?.text?.message}>
              {(p) => <Textarea {...p} rows={3} lang={language} {...form.register(`references.${i}.text`)} />}
            </Field>
          </li>
        ))}
      </ol>
      {references.length > 0 && (
        <Button type="submit" pending={pending}>
          Save references<span className="sr-only"> in {languageLabel}</span>
        </Button>
      )}
    </form>
  );
}
