"use server";

// Outside lib/action's wrapper: the caller is anonymous, and the signed link is the whole authorization.

import { notFound, redirect } from "next/navigation";
import { addUnsubscribe } from "@/db/queries/unsubscribes";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { formInput } from "@/lib/form-input";
import { unsubscribeSchema } from "@/lib/validations/after-event";

/**
 * "Unsubscribe", the button on the page the email links to: a post, so that a mail scanner that
 * opens the link changes nothing. A plain form, so it works without JavaScript.
 */
export async function confirmUnsubscribe(input: unknown): Promise<void> {
  const parsed = unsubscribeSchema.safeParse(formInput(input));
  const address = parsed.success ? verifyUnsubscribeToken(parsed.data.token) : null;
  if (!parsed.success || !address) notFound();
  await addUnsubscribe(address);
  redirect(`/unsubscribe/${parsed.data.token}?done=1`);
}
