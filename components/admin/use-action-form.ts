"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type DefaultValues, type FieldPath, type FieldValues, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";

type Options<TOutput, TData> = {
  defaultValues: DefaultValues<TOutput & FieldValues>;
  onSuccess?: (data: TData, message?: string) => void;
};

/**
 * A react-hook-form form validated by the same zod schema its Server Action parses. Field errors the
 * server returns land beside their fields; the overall message is returned for an alert.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, TData>(
  schema: S,
  action: (input: z.output<S>) => Promise<ActionResult<TData>>,
  { defaultValues, onSuccess }: Options<z.input<S>, TData>,
) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The generic schema is narrower than what zodResolver can infer from; the cast restates it.
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: defaultValues as never,
  });

  const onSubmit = form.handleSubmit(async (values) => {
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
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) form.setError(field as FieldPath<z.input<S>>, { message: messages[0] });
      }
      setMessage({ tone: "error", text: result.message });
      return;
    }
    if (result.message) setMessage({ tone: "success", text: result.message });
    onSuccess?.(result.data, result.message);
  });

  return { form, message, onSubmit, errors: form.formState.errors, pending: form.formState.isSubmitting };
}
