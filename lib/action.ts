import "server-only";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { type CurrentUser, requireRole } from "@/lib/auth";
import { type ActionResult, constraintViolation, fail, invalid, invalidFields } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { type RequestInfo, requestInfo } from "@/lib/request-info";

/**
 * What a broken constraint means to the user: a sentence, errors beside fields, or an answer worked
 * out from the input (null when it is not this action's to explain).
 */
type Refusal<I> = string | Record<string, string[]> | ((input: I) => Promise<ActionResult<never> | null>);

/** Keyed by constraint name, or by "unique" / "foreign_key" for any other constraint of that kind. */
export type Conflicts<I> = Record<string, Refusal<I>>;

export type Caller = { user: CurrentUser; client: RequestInfo };
export type ActionContext<I> = Caller & { input: I };

type Declared = { role: Role };
/** The action, carrying the role it was declared with (the authorization inventory reads it). */
type Declaring<F> = F & { readonly role: Role };
/** What a successful answer carries (a refusal's `never` aside). */
type DataOf<R> = R extends { ok: true; data: infer D } ? D : never;
type Parsed<S extends z.ZodType> = Declared & { schema: S; conflicts?: Conflicts<z.output<S>> };

/**
 * A Server Action: the caller must hold `role` (anyone else sees "not found", a signed-out caller is
 * sent to sign in), the input must pass the form's own schema, and a unique or foreign-key violation
 * the database raises becomes the answer `conflicts` gives for it.
 */
export function action<S extends z.ZodType, R extends ActionResult<unknown>>(
  options: Parsed<S>,
  handler: (context: ActionContext<z.output<S>>) => Promise<R>,
): Declaring<(input: unknown) => Promise<ActionResult<DataOf<R>>>>;
/** Without a schema, for an action whose arguments are not one form's input; they pass through as they are. */
export function action<A extends unknown[], R>(options: Declared, handler: (caller: Caller, ...args: A) => Promise<R>): Declaring<(...args: A) => Promise<R>>;
export function action(options: Declared & Partial<Parsed<z.ZodType>>, handler: (...args: never[]) => Promise<unknown>) {
  const handle = handler as (context: Caller & { input?: unknown }, ...args: unknown[]) => Promise<unknown>;
  const run = async (...args: unknown[]) => {
    const user = await requireRole(options.role);
    const client = await requestInfo();
    if (!options.schema) return handle({ user, client }, ...args);
    const parsed = options.schema.safeParse(formInput(args[0]));
    if (!parsed.success) return invalid(parsed.error);
    try {
      return await handle({ user, client, input: parsed.data });
    } catch (error) {
      // redirect() and notFound() throw as well; they break no constraint, so they pass through unchanged.
      const refused = await refusal(error, options.conflicts, parsed.data);
      if (refused) return refused;
      throw error;
    }
  };
  return Object.assign(run, { role: options.role });
}

async function refusal<I>(error: unknown, conflicts: Conflicts<I> | undefined, input: I): Promise<ActionResult<never> | null> {
  const broken = conflicts && constraintViolation(error);
  if (!broken) return null;
  const answer = (broken.constraint && conflicts[broken.constraint]) || conflicts[broken.kind];
  if (!answer) return null;
  if (typeof answer === "function") return answer(input);
  return typeof answer === "string" ? fail(answer) : invalidFields(answer);
}
