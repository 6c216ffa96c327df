"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { createElement, type FormEvent, type ReactNode, useState } from "react";
import { type DefaultValues, type FieldErrors, type FieldPath, type FieldValues, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorSummary } from "@/components/forms/error-summary";
import { flattenFieldErrors, orderByForm } from "@/components/forms/field-errors";
import { type ActionResult, ERRORS } from "@/lib/errors";

type Options<TOutput, TData> = {
  defaultValues: DefaultValues<TOutput & FieldValues>;
  /** Values the form follows when the server's data changes (react-hook-form's `values`), without remounting. */
  values?: TOutput & FieldValues;
  onSuccess?: (data: TData, message?: string) => void;
};

/** What the form's alert shows: a sentence, or the summary of every field that needs attention. */
export type FormMessage = { tone: "success" | "error"; text: ReactNode };

/**
 * A react-hook-form form validated by the same zod schema its Server Action parses. Every problem shows
 * at once, beside its field and in a summary at the top that links to each field; the keyboard focus
 * moves to the first. Field errors the server returns are treated the same way.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, TData>(
  schema: S,
  action: (input: z.output<S>) => Promise<ActionResult<TData>>,
  { defaultValues, values, onSuccess }: Options<z.input<S>, TData>,
) {
  const [message, setMessage] = useState<FormMessage | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The generic schema is narrower than what zodResolver can infer from; the cast restates it.
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: defaultValues as never,
    values: values as never,
    // The summary focuses the first field in the order the form shows them.
    shouldFocusError: false,
  });

  /** Shows every error in a summary and moves the focus to the first field; false when there were none. */
  const summarize = (errors: { name: string; message: string }[], element: HTMLFormElement | null, lead?: string): boolean => {
    const items = orderByForm(errors, element);
    if (items.length === 0) return false;
    setMessage({ tone: "error", text: createElement(ErrorSummary, { items, bare: true, lead }) });
    items.find((i) => i.control)?.control?.focus();
    return true;
  };

  const onSubmit = (event?: FormEvent<HTMLFormElement>) => {
    // Read now: React clears currentTarget once the handler has returned, before the action answers.
    const element = event?.currentTarget ?? null;
    return form.handleSubmit(
      async (values) => {
        setMessage(null);
        let result: ActionResult<TData>;
        try {
          result = await action(values);
        } catch (error) {
          // Next's redirect after a successful save arrives as a thrown value the framework handles.
          if ((error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT")) throw error;
          setMessage({ tone: "error", text: "We could not save that. Please try again." });
          return;
        }
        if (!result.ok) {
          const fieldErrors: { name: string; message: string }[] = [];
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
            if (!messages?.[0]) continue;
            form.setError(field as FieldPath<z.input<S>>, { message: messages[0] });
            fieldErrors.push({ name: field, message: messages[0] });
          }
          // A reason of the action's own (a published summary's rules) stands above the list; the generic
          // "Some fields need attention" says nothing the list does not.
          const lead = result.message === ERRORS.invalid_input.message ? undefined : result.message;
          if (!summarize(fieldErrors, element, lead)) setMessage({ tone: "error", text: result.message });
          return;
        }
        if (result.message) setMessage({ tone: "success", text: result.message });
        onSuccess?.(result.data, result.message);
      },
      (errors) => {
        summarize(flattenFieldErrors(errors as FieldErrors<FieldValues>), element);
      },
    )(event);
  };

  return { form, message, onSubmit, errors: form.formState.errors, pending: form.formState.isSubmitting };
}
