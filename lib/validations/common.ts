import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/slug";

export const idSchema = z.object({ id: z.uuid("That record does not exist.") });

/** Optional free text: trimmed, bounded, empty becomes null. */
export const optionalText = (max: number, label = "This") =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .optional()
    .nullable()
    .transform((v) => v || null);

export const requiredText = (max: number, message: string) =>
  z.string(message).trim().min(1, message).max(max, `Keep it under ${max} characters.`);

/** An optional slug: empty means "make one from the name". */
export const slugField = z
  .string("Use lower-case letters, digits and single hyphens, like wps-innovation.")
  .trim()
  .toLowerCase()
  .max(80, "Keep the address under 80 characters.")
  .refine((v) => v === "" || SLUG_PATTERN.test(v), "Use lower-case letters, digits and single hyphens, like wps-innovation.")
  .optional()
  .transform((v) => v || undefined);

/**
 * A filter typed into an address bar: control characters (which no stored text holds, and which
 * PostgreSQL refuses outright in the case of NUL) read as spaces; too long or not text means no filter.
 */
export const filterText = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
    .pipe(z.string().max(max))
    .optional()
    .catch(undefined);

/** Search and page parameters of an admin list. */
export const listParamsSchema = z.object({
  q: filterText(200),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/**
 * For an object's refinement: run it whenever the fields it reads are valid, not only when the whole
 * object is, so that a form shows its cross-field problems with all the others on the first submit.
 */
export const whenFieldsValid =
  (...fields: string[]) =>
  (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

export const isUuid = (value: string) => z.uuid().safeParse(value).success;
