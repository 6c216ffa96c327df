import { z } from "zod";

/** Expected failures, each with the HTTP status it maps to and a sentence a user can act on. */
export const ERRORS = {
  unauthenticated: { status: 401, message: "Please sign in to continue." },
  not_found: { status: 404, message: "We could not find that page." },
  invalid_input: { status: 400, message: "Some fields need attention." },
  conflict: { status: 409, message: "Someone else changed this in the meantime. Reload and try again." },
  rate_limited: { status: 429, message: "Too many attempts. Please wait a few minutes and try again." },
  unavailable: { status: 503, message: "The service is not available right now. Please try again shortly." },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERRORS[code].message);
    this.name = "AppError";
    this.code = code;
    this.status = ERRORS[code].status;
  }
}

/** The result every Server Action returns for expected outcomes. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

export function fail(message: string, fieldErrors?: Record<string, string[] | undefined>): ActionResult<never> {
  return { ok: false, message, fieldErrors };
}

/** Postgres unique violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = (error as { cause?: unknown })?.cause ?? error;
  const code = (e as { code?: string })?.code;
  if (code !== "23505") return false;
  if (!constraint) return true;
  const name = (e as { constraint_name?: string; constraint?: string }).constraint_name ??
    (e as { constraint?: string }).constraint;
  return name === constraint;
}

/** The failure for input that did not pass its schema, with each field's first messages. */
export function invalid(error: z.ZodError): ActionResult<never> {
  return fail(ERRORS.invalid_input.message, z.flattenError(error).fieldErrors as Record<string, string[] | undefined>);
}
