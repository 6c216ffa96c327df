import { z } from "zod";
import { isValidTimeZone } from "@/lib/time";
import { LANGUAGES } from "@/lib/i18n/languages";
import { requiredText, whenFieldsValid } from "./common";
import { integerField } from "./event";
import { ACCEPTED_IMAGE_TYPES, UPLOAD_MESSAGES } from "./upload";

export const settingsSchema = z.object({
  organizationName: requiredText(120, "Enter the organization's name, as it heads the public pages."),
  homeTimeZone: z
    .string("Choose the organization's home time zone, like Asia/Tokyo.")
    .trim()
    .min(1, "Choose the organization's home time zone, like Asia/Tokyo.")
    .max(100, "Choose a time zone from the list, like Asia/Tokyo.")
    .refine(isValidTimeZone, "That is not a time zone we know. Choose one from the list, like Asia/Tokyo."),
  homeTimeZoneLabel: requiredText(12, "Enter the short name of the home time, like JST.").refine(
    (v) => !/\s/.test(v),
    "Write the short name as one word, like JST.",
  ),
  releaseLabel: requiredText(40, "Enter the label above published summaries, like Press release."),
});
export type SettingsInput = z.input<typeof settingsSchema>;

export const RETENTION_MONTHS = { min: 1, max: 240, default: 24 } as const;

/** How long registrations keep their personal data after their event (lib/registration/retention.ts). */
export const retentionSchema = z.object({
  registrationRetentionMonths: integerField({
    min: RETENTION_MONTHS.min,
    max: RETENTION_MONTHS.max,
    required: true,
    message: `Enter a whole number of months from ${RETENTION_MONTHS.min} to ${RETENTION_MONTHS.max}, like ${RETENTION_MONTHS.default}.`,
  }),
});
export type RetentionInput = z.input<typeof retentionSchema>;

/**
 * A logo travels in the Server Action's request, whose body Next.js caps at 1 MB; a logo is far
 * smaller than a photo, so the limit is stated here, checked in the browser and again on the server.
 */
export const MAX_LOGO_BYTES = 1_000_000;

export const LOGO_MESSAGES = {
  missing: "Choose a logo to upload: a JPEG, PNG or WebP image.",
  tooLarge: "This logo is larger than 1 MB. Save it at a smaller size (a few hundred pixels is plenty) and try again.",
  notImage: UPLOAD_MESSAGES.notImage,
} as const;

export const logoSchema = z.object({
  logo: z
    .instanceof(File, { message: LOGO_MESSAGES.missing })
    .refine((f) => f.size > 0, LOGO_MESSAGES.missing)
    .refine((f) => f.size <= MAX_LOGO_BYTES, LOGO_MESSAGES.tooLarge)
    // The browser's type only saves a pointless upload; the server judges the bytes themselves.
    .refine((f) => f.type === "" || (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(f.type), LOGO_MESSAGES.notImage),
});

const LANGUAGE_CHOICE = "Choose a language from the list.";

/** Which languages the organization publishes in, and the one every record is first written in. */
export const languagesSchema = z
  .object({
    defaultLanguage: z.enum(LANGUAGES, LANGUAGE_CHOICE),
    // Checkboxes: none ticked arrives as nothing (or false), one as a single value.
    enabledLanguages: z.preprocess(
      (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(LANGUAGES, LANGUAGE_CHOICE)).min(1, "Enable at least one language."),
    ),
  })
  .refine((v) => v.enabledLanguages.includes(v.defaultLanguage), {
    path: ["defaultLanguage"],
    message: "The default language must be enabled. Tick it under Enabled languages, or choose another default.",
    when: whenFieldsValid("defaultLanguage", "enabledLanguages"),
  })
  // Stored in the order the languages are offered, whatever order they were ticked in.
  .transform((v) => ({ ...v, enabledLanguages: LANGUAGES.filter((l) => v.enabledLanguages.includes(l)) }));
export type LanguagesInput = z.input<typeof languagesSchema>;
