"use server";

// Outside lib/action's wrapper: the caller is anonymous, and the signed link is the whole authorization.

import { notFound, redirect } from "next/navigation";
import { getLanguageSettings } from "@/db/queries/settings";
import { addUnsubscribe } from "@/db/queries/unsubscribes";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { formInput } from "@/lib/form-input";
import { postedLanguagePath } from "@/lib/i18n/form-path";
import { unsubscribeSchema } from "@/lib/validations/after-event";

/**
 * "Unsubscribe", the button on the page the email links to: a post, so that a mail scanner that
 * opens the link changes nothing. A plain form, so it works without JavaScript.
 */
export async function confirmUnsubscribe(input: unknown): Promise<void> {
  const values = formInput(input);
  const parsed = unsubscribeSchema.safeParse(values);
  const address = parsed.success ? verifyUnsubscribeToken(parsed.data.token) : null;
  if (!parsed.success || !address) notFound();
  await addUnsubscribe(address);
  const lang = values && typeof values === "object" ? (values as Record<string, unknown>).lang : undefined;
  redirect(`${postedLanguagePath(`/unsubscribe/${parsed.data.token}`, lang, await getLanguageSettings())}?done=1`);
}
