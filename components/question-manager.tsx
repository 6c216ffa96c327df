"use client";

import { useId, useState } from "react";
import type { FieldErrors, UseFormRegisterReturn } from "react-hook-form";
import { addQuestion, moveQuestion, removeQuestion, updateQuestion } from "@/app/(staff)/admin/events/[id]/questions/actions";
import { EditButtons, RowControls, RowList, useRowActions } from "@/components/forms/row-controls";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select, Textarea } from "@/components/ui/field";
import type { QuestionKind } from "@/db/schema";
import { hasOptions, QUESTION_KIND_LABELS, QUESTION_KINDS, QUESTION_LABEL_MAX, SUGGESTED_QUESTIONS } from "@/lib/validations/question-fields";
import { addQuestionSchema, updateQuestionSchema } from "@/lib/validations/questions";

export type QuestionEntry = { id: string; kind: QuestionKind; label: string; options: string[]; required: boolean };

/** The questions the form asks, in order, each edited, moved and removed in place. */
export function QuestionList({ questions }: { questions: QuestionEntry[] }) {
  return (
    <RowList
      id="questions-heading"
      title="Questions on the registration form"
      items={questions}
      empty={{ title: "No questions yet", children: "The form asks for name, email, organization and category. Add questions below, or start from a suggestion." }}
      row={(q, index, onRemoved) => <QuestionRow key={q.id} question={q} index={index} count={questions.length} onRemoved={onRemoved} />}
    />
  );
}

function QuestionRow({ question, index, count, onRemoved }: { question: QuestionEntry; index: number; count: number; onRemoved: () => void }) {
  const [editing, setEditing] = useState(false);
  const { run, pending, error } = useRowActions();
  return (
    <li className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-0.5">
          <p className="font-medium">
            {question.label}{" "}
            <span className="ml-1 rounded bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-700">{QUESTION_KIND_LABELS[question.kind]}</span>{" "}
            <span className={`rounded px-2 py-0.5 text-xs font-normal ${question.required ? "bg-amber-100 text-amber-900" : "bg-slate-50 text-slate-600"}`}>
              {question.required ? "Required" : "Optional"}
            </span>
          </p>
          {question.options.length > 0 && <p className="text-sm text-slate-700">Choices: {question.options.join(" · ")}</p>}
        </div>
        <RowControls
          name={question.label}
          index={index}
          count={count}
          editing={editing}
          onToggleEdit={() => setEditing((v) => !v)}
          busy={pending}
          onMove={(direction) => run(() => moveQuestion({ id: question.id, direction }))}
          onRemove={() => run(() => removeQuestion({ id: question.id }), onRemoved)}
        />
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {editing && <QuestionEditForm question={question} onDone={() => setEditing(false)} />}
    </li>
  );
}

function QuestionEditForm({ question, onDone }: { question: QuestionEntry; onDone: () => void }) {
  const { form, message, onSubmit, errors, pending } = useActionForm(updateQuestionSchema, updateQuestion, {
    defaultValues: { id: question.id, kind: question.kind, label: question.label, options: question.options.join("\n"), required: question.required },
    onSuccess: onDone,
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={`Edit ${question.label}`} className="space-y-4 rounded-md bg-slate-50 p-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <QuestionFields register={(name) => form.register(name)} errors={errors} kind={form.watch("kind") as QuestionKind} />
      <EditButtons save="Save question" pending={pending} onCancel={onDone} />
    </form>
  );
}

/** A new question at the end of the form. */
export function QuestionAddForm({ eventId }: { eventId: string }) {
  const empty = { eventId, kind: "short_text" as const, label: "", options: "", required: false };
  const { form, message, onSubmit, errors, pending } = useActionForm(addQuestionSchema, addQuestion, {
    defaultValues: empty,
    onSuccess: () => form.reset(empty),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="add-question-heading" className="space-y-4 rounded-md border border-slate-200 p-4">
      <h2 id="add-question-heading" className="text-lg font-semibold">
        Add a question
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <QuestionFields register={(name) => form.register(name)} errors={errors} kind={form.watch("kind") as QuestionKind} />
      <Button type="submit" pending={pending}>
        Add question
      </Button>
    </form>
  );
}

type FieldName = "kind" | "label" | "options" | "required";

type FieldsProps = {
  register: (name: FieldName) => UseFormRegisterReturn;
  errors: FieldErrors<{ kind: unknown; label: unknown; options: unknown; required: unknown }>;
  /** The kind chosen, which decides whether the choices box shows. */
  kind: QuestionKind;
};

function QuestionFields({ register, errors, kind }: FieldsProps) {
  const requiredId = useId();
  const message = (name: FieldName) => errors[name]?.message as string | undefined;
  return (
    <>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Field label="Question" error={message("label")} hint="As the form shows it, like “Dietary requirements”.">
          {(f) => <Input {...f} maxLength={QUESTION_LABEL_MAX} {...register("label")} />}
        </Field>
        <Field label="Answer" error={message("kind")}>
          {(f) => (
            <Select {...f} {...register("kind")}>
              <Options values={QUESTION_KINDS} labels={QUESTION_KIND_LABELS} />
            </Select>
          )}
        </Field>
      </div>
      {hasOptions(kind) && (
        <Field label="Choices" error={message("options")} hint="One per line, in the order the form lists them.">
          {(f) => <Textarea {...f} rows={4} {...register("options")} />}
        </Field>
      )}
      <div className="flex items-start gap-2">
        <input id={requiredId} type="checkbox" className="mt-1 size-4 accent-brand-700" {...register("required")} />
        <label htmlFor={requiredId} className="text-sm text-slate-800">
          Required: people must answer it to register
        </label>
      </div>
    </>
  );
}

/** The usual questions, each added in one click; those the form already asks are left out. */
export function QuestionSuggestions({ eventId, asked }: { eventId: string; asked: string[] }) {
  const { run, pending, error, message } = useActionButton((suggestion: (typeof SUGGESTED_QUESTIONS)[number]) =>
    addQuestion({ eventId, kind: suggestion.kind, label: suggestion.label, options: [], required: false }),
  );
  const taken = new Set(asked.map((label) => label.trim().toLowerCase()));
  const left = SUGGESTED_QUESTIONS.filter((s) => !taken.has(s.label.toLowerCase()));
  return (
    <section aria-labelledby="suggestions-heading" className="space-y-3">
      <h2 id="suggestions-heading" className="text-lg font-semibold">
        Suggestions
      </h2>
      {left.length === 0 ? (
        <p className="text-sm text-slate-600">The form asks every suggested question.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">Questions institutions often ask, added as optional; edit them afterwards to make one required.</p>
          <ul className="flex flex-wrap gap-2">
            {left.map((s) => (
              <li key={s.label}>
                <Button type="button" variant="secondary" size="sm" pending={pending} onClick={() => run(s)}>
                  Add “{s.label}”
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {message && <Alert tone="success">{message}</Alert>}
    </section>
  );
}
