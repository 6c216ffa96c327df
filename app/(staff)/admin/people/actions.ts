"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { deletePersonRow, insertPerson, isPersonPublic, isPersonSlugTaken, lockPerson, personUsage, updatePersonRow } from "@/db/queries/people";
import { getLanguageSettings } from "@/db/queries/settings";
import type { Person } from "@/db/schema";
import { action } from "@/lib/action";
import type { Language } from "@/lib/i18n/languages";
import { withTranslation } from "@/lib/i18n/localize";
import { type ActionResult, invalidFields } from "@/lib/errors";
import { displayName, plainName } from "@/lib/names";
import { addressFixed, createRecord, deleteUnused, keepAddress, updateRecord } from "@/lib/records";
import { slugify } from "@/lib/slug";
import { idSchema } from "@/lib/validations/common";
import { personSchema, updatePersonSchema } from "@/lib/validations/person";
import { publicChanged } from "@/lib/public-cache";

/** The audit log records that the private email changed, never the address itself. */
function withoutEmail(changes: Record<string, unknown>): Record<string, unknown> {
  return "email" in changes ? { ...changes, email: "changed" } : changes;
}

const slugOf = (input: z.output<typeof personSchema>) => input.slug ?? slugify(plainName(input));

/** The enabled languages other than the default: the form shows the person in each. */
async function otherLanguages(): Promise<Language[]> {
  const { defaultLanguage, enabledLanguages } = await getLanguageSettings();
  return enabledLanguages.filter((language) => language !== defaultLanguage);
}

/** The translations with the form's version in each of `languages`; a language the form did not show keeps its own. */
const mergeTranslations = (languages: Language[], form: z.output<typeof personSchema>["translations"], current: Person["translations"]) =>
  languages.reduce((next, language) => withTranslation(next, language, form[language] ?? {}), current);

// Namesakes are common, so a taken address comes with a free one to use instead.
async function slugTaken(slug: string): Promise<ActionResult<never>> {
  let suggestion: string | undefined;
  for (let n = 2; n < 50 && !suggestion; n++) {
    const candidate = `${slug.slice(0, 76)}-${n}`;
    if (!(await isPersonSlugTaken(candidate))) suggestion = candidate;
  }
  const message = suggestion
    ? `Another person already uses this address. Choose another, such as ${suggestion}.`
    : "Another person already uses this address. Choose another.";
  return invalidFields({ slug: [message] });
}

export const createPerson = action(
  { role: "staff", schema: personSchema, conflicts: { unique: (input) => slugTaken(slugOf(input)) } },
  async (context): Promise<ActionResult<{ id: string }>> => {
    const values = { ...context.input, slug: slugOf(context.input), translations: mergeTranslations(await otherLanguages(), context.input.translations, {}) };
    const audited = values.email ? withoutEmail(values) : { ...values, email: null };
    const result = await createRecord(context, "person", values, { insert: insertPerson, audited });
    if (!result.ok) return result;
    revalidatePath("/admin/people");
    redirect(`/admin/people/${result.data.id}?saved=1`);
  },
);

/** Staff edits apply at once (a panelist's own edits go through review instead). */
export const updatePerson = action(
  // Without a new address the person keeps their own, which no other holds.
  { role: "staff", schema: updatePersonSchema, conflicts: { unique: async ({ slug }) => (slug ? slugTaken(slug) : null) } },
  async (context) => {
    const { id, translations, ...rest } = context.input;
    const languages = await otherLanguages();
    const result = await updateRecord(context, "person", id, {
      // Read under a lock: the translations are merged into what the person holds at the moment of writing.
      read: lockPerson,
      values: (before) => ({
        ...keepAddress(rest)(before),
        translations: mergeTranslations(languages, translations, before.translations),
      }),
      check: addressFixed(isPersonPublic, "This person appears on a public event, so the address of their page can no longer change."),
      write: updatePersonRow,
      audited: withoutEmail,
    });
    revalidatePath("/admin/people");
    // Event pages show the people speaking (someone on no event cannot be deleted, so only an edit matters).
    if (result.ok) publicChanged({ kind: "person" });
    return result;
  },
);

export const deletePerson = action({ role: "staff", schema: idSchema }, async (context) => {
  const { id } = context.input;
  const result = await deleteUnused(context, "person", id, {
    lock: lockPerson,
    inUse: async (person, tx) => {
      const { events } = await personUsage(id, tx);
      if (!events) return null;
      return `${displayName(person)} takes part in ${events === 1 ? "1 event. Remove them from that event first." : `${events} events. Remove them from those events first.`}`;
    },
    remove: deletePersonRow,
    audited: (person) => ({ name: displayName(person), slug: person.slug }),
  });
  revalidatePath("/admin/people");
  return result;
});
