"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

type Failure = Extract<ActionResult<never>, { ok: false }>;

type Options<TData> = {
  /** The sentence shown on success when the action gives none. */
  done?: string;
  onSuccess?: (data: TData, message?: string) => void;
  /** Called with the refusal after `error` is set (a page that may be out of date, a step to show). */
  onFailure?: (result: Failure) => void;
  /** Called after either answer (not after a throw): where the page must be refreshed by hand whatever the outcome. */
  onSettled?: () => void;
  /**
   * The sentence shown when the action throws (the connection dropped, the server failed). Without it,
   * the error goes on to the route's error boundary, as any unexpected failure does.
   */
  failed?: string;
};

/**
 * Runs a Server Action from a button: `pending` while it runs, the refusal's sentence as `error` (and its
 * `fieldErrors`, where it lists reasons), the success's sentence as `message`. An action that revalidates
 * sends the page's fresh render with its answer, so the page is up to date when it resolves: nothing here
 * refreshes it again. Where an action does not revalidate the page, the caller refreshes in a callback.
 */
export function useActionButton<TArgs extends unknown[], TData>(
  action: (...args: TArgs) => Promise<ActionResult<TData>>,
  { done, onSuccess, onFailure, onSettled, failed }: Options<TData> = {},
) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Failure["fieldErrors"]>(undefined);
  const [message, setMessage] = useState<string | null>(null);

  const clear = () => {
    setError(null);
    setFieldErrors(undefined);
    setMessage(null);
  };

  const run = (...args: TArgs) =>
    startTransition(async () => {
      clear();
      let result: ActionResult<TData>;
      try {
        result = await action(...args);
      } catch (thrown) {
        // Next's redirect (and a signed-out visitor sent to sign in) arrives as a thrown value it handles.
        if (failed === undefined || (thrown as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT")) throw thrown;
        setError(failed);
        return;
      }
      if (!result.ok) {
        setError(result.message);
        setFieldErrors(result.fieldErrors);
        onFailure?.(result);
      } else {
        setMessage(result.message ?? done ?? null);
        onSuccess?.(result.data, result.message);
      }
      onSettled?.();
    });

  return { run, pending, error, fieldErrors, message, clear };
}
