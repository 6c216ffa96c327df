import { z } from "zod";
import { translationsOf } from "./translations";
import { NAME_ORDERS } from "@/lib/names";
import { optionalText, requiredText, slugField } from "./common";

export { NAME_ORDERS };
export const NAME_ORDER_LABELS = {
  given_family: "Given name first (Sima Bahous)",
  family_given: "Family name first (KAMIKAWA Yoko)",
} as const;

export const personSchema = z.object({
  honorific: optionalText(40, "The honorific"),
  // Someone known by a single name has it as their family name, so the given name may stay empty.
  givenName: z.string("Enter the given name, or leave it empty.").trim().max(100, "Keep it under 100 characters."),
  familyName: requiredText(100, "Enter the family name (for someone known by one name, that name)."),
  nameOrder: z.enum(NAME_ORDERS, "Choose how the name is written."),
  position: optionalText(300, "The position"),
  organization: optionalText(300, "The organization"),
  bio: optionalText(5000, "The bio"),
  email: z
    .string()
    .trim()
    .max(254, "That address is too long.")
    .nullish()
    .transform((v) => v || null)
    .pipe(z.email("Enter a valid email address, like name@example.org.").nullable())
    .transform((v) => v?.toLowerCase() ?? null),
  slug: slugField,
  // The person in the other enabled languages; each field may stay empty (the default language's then shows).
  translations: translationsOf({
    honorific: optionalText(40, "The honorific"),
    givenName: optionalText(100, "The given name"),
    familyName: optionalText(100, "The family name"),
    position: optionalText(300, "The position"),
    organization: optionalText(300, "The organization"),
    bio: optionalText(5000, "The bio"),
  })
    .optional()
    .transform((v) => v ?? {}),
});
export type PersonInput = z.input<typeof personSchema>;

export const updatePersonSchema = personSchema.extend({ id: z.uuid("That person does not exist.") });
