import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";
import { optionalText } from "./common";

const eventId = z.uuid("That event does not exist.");
const photoId = z.uuid("That photo does not exist.");
// Fields the editor keeps for itself: their messages only meet a form from an older page.
const RELOAD = "Reload the page and try again.";
/** The version a form edits: left out, the default language's (the summary's own columns). */
const language = z.enum(LANGUAGES, RELOAD).optional();

export const summarySchema = z.object({
  eventId,
  language,
  title: z.string("Give the summary a title.").trim().max(300, "Keep the title under 300 characters."),
  lede: optionalText(1000, "The lede"),
  body: z.string("Write the summary text.").max(100_000, "The text is too long (at most 100,000 characters)."),
  attendanceCount: z
    .union(
      [z.literal(""), z.null(), z.coerce.number("Use a whole number.").int("Use a whole number.").min(0, "Use a number of 0 or more.").max(1_000_000, "Use a number up to 1,000,000.")],
      "Enter the number of people, or leave it empty.",
    )
    .optional()
    .transform((v) => (v === "" || v == null ? null : v)),
  attendanceWording: optionalText(200, "The attendance wording"),
  /** The version the editor started from, so that one person's save cannot silently undo another's. */
  baseUpdatedAt: z.string(RELOAD).max(40, RELOAD).optional(),
});
export type SummaryInput = z.input<typeof summarySchema>;

const safeUrl = z
  .string()
  .trim()
  .max(2000, "That address is too long.")
  .optional()
  .nullable()
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "Use a full web address starting with https:// or http://.");

export const referenceSchema = z.object({
  title: z.string("Give the reference a title.").trim().min(1, "Give the reference a title.").max(300, "Keep the title under 300 characters."),
  text: optionalText(5000, "The text"),
  url: safeUrl,
});

export const referencesSchema = z.object({
  eventId,
  // Each reference the list had names itself, so that its versions in other languages stay with it.
  references: z.array(referenceSchema.extend({ referenceId: z.uuid(RELOAD).optional().nullable() }), RELOAD).max(30, "At most 30 references."),
});

/** The references in another language than the default: their titles and texts only (the list is the default's). */
export const referenceTranslationsSchema = z.object({
  eventId,
  language: z.enum(LANGUAGES, RELOAD),
  references: z
    .array(
      z.object({
        referenceId: z.uuid(RELOAD),
        title: optionalText(300, "The title"),
        text: optionalText(5000, "The text"),
      }),
      RELOAD,
    )
    .max(30, "At most 30 references."),
});
export type ReferenceTranslationsInput = z.input<typeof referenceTranslationsSchema>;
export type ReferencesInput = z.input<typeof referencesSchema>;

export const photoDetailsSchema = z.object({
  eventId,
  id: photoId,
  language,
  caption: optionalText(500, "The caption"),
  altText: optionalText(500, "The description"),
});
export type PhotoDetailsInput = z.input<typeof photoDetailsSchema>;

export const photoOrderSchema = z.object({ eventId, ids: z.array(photoId, RELOAD).max(200, "Too many photos to order at once.") });
export const photoIdSchema = z.object({ eventId, id: photoId });
export const generateDraftSchema = z.object({ eventId, language, overwrite: z.boolean(RELOAD).default(false) });
export const restoreRevisionSchema = z.object({ eventId, language, revisionId: z.uuid("That revision does not exist.") });
export const eventIdSchema = z.object({ eventId });
export const publishSchema = z.object({ eventId, language });
