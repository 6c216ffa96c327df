import { z } from "zod";
import { optionalText } from "./common";

const eventId = z.uuid("That event does not exist.");

export const summarySchema = z.object({
  eventId,
  title: z.string().trim().max(300, "Keep the title under 300 characters."),
  lede: optionalText(1000, "The lede"),
  body: z.string().max(100_000, "The text is too long (at most 100,000 characters)."),
  attendanceCount: z
    .union([z.literal(""), z.null(), z.coerce.number().int("Use a whole number.").min(0, "Use a number of 0 or more.").max(1_000_000)])
    .optional()
    .transform((v) => (v === "" || v == null ? null : v)),
  attendanceWording: optionalText(200, "The attendance wording"),
  /** The version the editor started from, so that one person's save cannot silently undo another's. */
  baseUpdatedAt: z.string().max(40).optional(),
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
  title: z.string().trim().min(1, "Give the reference a title.").max(300, "Keep the title under 300 characters."),
  text: optionalText(5000, "The text"),
  url: safeUrl,
});

export const referencesSchema = z.object({
  eventId,
  references: z.array(referenceSchema).max(30, "At most 30 references."),
});
export type ReferencesInput = z.input<typeof referencesSchema>;

export const photoDetailsSchema = z.object({
  eventId,
  id: z.uuid(),
  caption: optionalText(500, "The caption"),
  altText: optionalText(500, "The description"),
});
export type PhotoDetailsInput = z.input<typeof photoDetailsSchema>;

export const photoOrderSchema = z.object({ eventId, ids: z.array(z.uuid()).max(200) });
export const photoIdSchema = z.object({ eventId, id: z.uuid() });
export const generateDraftSchema = z.object({ eventId, overwrite: z.boolean().default(false) });
export const restoreRevisionSchema = z.object({ eventId, revisionId: z.uuid() });
export const eventIdSchema = z.object({ eventId });
