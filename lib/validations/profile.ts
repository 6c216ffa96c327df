import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";
import { whenFieldsValid } from "./common";
import { NAME_ORDERS } from "./person";

const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** One line of text: names and titles are printed in headings, lists and email subjects. */
const singleLine = (max: number, label: string) =>
  z
    .string(`${label} must be text.`)
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .refine((v) => !LINE_BREAK.test(v), `${label} must fit on one line.`);

const optionalLine = (max: number, label: string) =>
  singleLine(max, label)
    .optional()
    .nullable()
    .transform((v) => v || null);

/** A bio: paragraphs of plain text. */
const optionalBio = z
  .string()
  .trim()
  .max(5000, "The bio is too long (at most 5,000 characters).")
  .optional()
  .nullable()
  .transform((v) => v || null);

/**
 * A panelist's own profile, as they propose it for review. Only these fields exist: anything else
 * sent along (a role, an account, a status) is dropped by the parse.
 */
export const profileSchema = z
  .object({
    personId: z.uuid("That profile does not exist."),
    honorific: optionalLine(40, "The honorific"),
    // Someone known by a single name has it as their family name.
    givenName: singleLine(100, "The given name"),
    familyName: singleLine(100, "The family name").pipe(z.string().min(1, "Enter your family name (if you use one name only, that name).")),
    nameOrder: z.enum(NAME_ORDERS, "Choose how your name is written."),
    position: optionalLine(300, "The position"),
    organization: optionalLine(300, "The organization"),
    bio: optionalBio,
    portraitId: z
      .union([z.uuid("Upload the photo again."), z.literal("")])
      .optional()
      .nullable()
      .transform((v) => v || null),
    portraitAlt: optionalLine(300, "The photo description"),
  })
  .superRefine(
    (v, ctx) => {
      if (v.portraitId && !v.portraitAlt) {
        ctx.addIssue({ code: "custom", path: ["portraitAlt"], message: "Describe the photo for people who cannot see it, such as “Portrait of Sima Bahous”." });
      }
    },
    { when: whenFieldsValid("portraitId", "portraitAlt") },
  );
export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileValues = z.output<typeof profileSchema>;

/** A profile as the form's fields hold it (text, "" for nothing), with the photo it shows, if any. */
export function profileFormInput(
  personId: string,
  p: { honorific: string | null; givenName: string; familyName: string; nameOrder: ProfileInput["nameOrder"]; position: string | null; organization: string | null; bio: string | null },
  portrait: { id: string; alt: string | null } | null,
) {
  return {
    personId,
    honorific: p.honorific ?? "",
    givenName: p.givenName,
    familyName: p.familyName,
    nameOrder: p.nameOrder,
    position: p.position ?? "",
    organization: p.organization ?? "",
    bio: p.bio ?? "",
    portraitId: portrait?.id ?? "",
    portraitAlt: portrait?.alt ?? "",
  } satisfies ProfileInput;
}

/** The fields a revision proposes, in the order the review shows them. */
export const PROFILE_FIELDS = ["honorific", "givenName", "familyName", "nameOrder", "position", "organization", "bio"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  honorific: "Honorific",
  givenName: "Given name",
  familyName: "Family name",
  nameOrder: "Name order",
  position: "Position",
  organization: "Organization",
  bio: "Bio",
};

/** The fields a profile has in each language: the name as written in it, the titles and the bio. */
export const TRANSLATED_PROFILE_FIELDS = ["honorific", "givenName", "familyName", "position", "organization", "bio"] as const;
export type TranslatedProfileField = (typeof TRANSLATED_PROFILE_FIELDS)[number];

/**
 * The panelist's profile in another language than the default, proposed for review. Every field may
 * stay empty: the default language's version then shows in its place.
 */
export const profileTranslationSchema = z.object({
  personId: z.uuid("That profile does not exist."),
  language: z.enum(LANGUAGES, "Choose a language."),
  honorific: optionalLine(40, "The honorific"),
  givenName: optionalLine(100, "The given name"),
  familyName: optionalLine(100, "The family name"),
  position: optionalLine(300, "The position"),
  organization: optionalLine(300, "The organization"),
  bio: optionalBio,
});
export type ProfileTranslationInput = z.input<typeof profileTranslationSchema>;

/** The language of the emails sent to the account; empty: the organization's default. */
export const emailLanguageSchema = z.object({
  language: z
    .union([z.enum(LANGUAGES), z.literal("")], "Choose a language.")
    .optional()
    .nullable()
    .transform((v) => v || null),
});
export type EmailLanguageInput = z.input<typeof emailLanguageSchema>;

export const revisionIdSchema = z.object({ id: z.uuid("That change does not exist.") });

export const rejectRevisionSchema = z.object({
  id: z.uuid("That change does not exist."),
  note: z
    .string("Say why, so the panelist can put it right.")
    .trim()
    .min(1, "Say why, so the panelist can put it right.")
    .max(2000, "Keep the note under 2,000 characters."),
});
export type RejectRevisionInput = z.input<typeof rejectRevisionSchema>;

export const approveRevisionSchema = z.object({
  id: z.uuid("That change does not exist."),
  note: z
    .string()
    .trim()
    .max(2000, "Keep the note under 2,000 characters.")
    .optional()
    .nullable()
    .transform((v) => v || null),
});
