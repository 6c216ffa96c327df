"use client";

import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { saveReferences } from "@/app/(staff)/admin/events/[id]/summary/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { referencesSchema } from "@/lib/validations/summary";

type Reference = { title: string; text: string | null; url: string | null };

export function SummaryReferences({ eventId, references }: { eventId: string; references: Reference[] }) {
  const router = useRouter();
  const initial = { eventId, references: references.map((r) => ({ title: r.title, text: r.text ?? "", url: r.url ?? "" })) };
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
        <Button type="button" variant="secondary" onClick={() => append({ title: "", text: "", url: "" })}>
          Add reference
        </Button>
        <Button type="submit" pending={pending}>
          Save references
        </Button>
      </div>
    </form>
  );
}
