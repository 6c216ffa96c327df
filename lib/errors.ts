import { z } from "zod";

/** Expected failures that several places answer with, each a sentence a user can act on. */
export const ERRORS = {
  invalid_input: { message: "Some fields need attention." },
  rate_limited: { message: "Too many attempts. Please wait a few minutes and try again." },
} as const;

/** The result every Server Action returns for expected outcomes. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

export function fail(message: string, fieldErrors?: Record<string, string[] | undefined>): ActionResult<never> {
  return { ok: false, message, fieldErrors };
}

/** A refusal shown beside the fields it is about. */
export function invalidFields(fieldErrors: Record<string, string[] | undefined>): ActionResult<never> {
  return fail(ERRORS.invalid_input.message, fieldErrors);
}

/** The failure for input that did not pass its schema, with each field's first messages. */
export function invalid(error: z.ZodError): ActionResult<never> {
  return invalidFields(z.flattenError(error).fieldErrors as Record<string, string[] | undefined>);
}

export type Violation = { kind: "unique" | "foreign_key"; constraint: string | undefined };

const VIOLATION_CODES: Record<string, Violation["kind"]> = { "23505": "unique", "23503": "foreign_key" };

/** The unique or foreign-key constraint a Postgres error broke, whichever driver raised it. */
export function constraintViolation(error: unknown): Violation | null {
  const e = ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint_name?: string; constraint?: string } | null;
  const kind = e?.code ? VIOLATION_CODES[e.code] : undefined;
  if (!kind) return null;
  return { kind, constraint: e!.constraint_name ?? e!.constraint };
}
