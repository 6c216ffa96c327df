"use server";

// Outside lib/action's wrapper: the caller is anonymous, and holding the secret link is the whole authorization.

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getLanguageSettings } from "@/db/queries/settings";
import { formInput } from "@/lib/form-input";
import { postedLanguagePath } from "@/lib/i18n/form-path";
import { eraseOwnRegistration } from "@/lib/registration/erase";
import { cancelRegistration } from "@/lib/registration/seats";
import { hashManageToken } from "@/lib/registration/tokens";
import { requestInfo } from "@/lib/request-info";
import { eraseRegistrationSchema, manageTokenSchema } from "@/lib/validations/registration";

/**
 * "Cancel my registration", from the secret link: whoever holds the link may cancel, nobody else can
 * name the registration. A plain form post, so it works without JavaScript; the page shows the outcome.
 */
export async function cancelMyRegistration(input: unknown): Promise<void> {
  const values = formInput(input);
  const parsed = manageTokenSchema.safeParse(values);
  if (!parsed.success) notFound();
  const { token } = parsed.data;
  const result = await cancelRegistration({ tokenHash: hashManageToken(token) }, { kind: "public", client: await requestInfo() });
  if (result.outcome === "refused" && result.reason === "missing") notFound();
  if (result.outcome === "cancelled") revalidatePath("/events/[slug]", "page");
  const page = postedLanguagePath(`/registrations/${token}`, langOf(values), await getLanguageSettings());
  redirect(`${page}?${result.outcome === "cancelled" ? "cancelled=1" : `refused=${result.reason}`}`);
}

/**
 * "Delete my registration data", from the secret link, with its confirming box ticked: an upcoming
 * registration is cancelled (its seat goes to the waitlist), then its personal data is removed and
 * every link to it stops working. A plain form post; the outcome is its own page, since this one is gone.
 */
export async function eraseMyRegistration(input: unknown): Promise<void> {
  const values = formInput(input);
  const parsed = eraseRegistrationSchema.safeParse(values);
  if (!parsed.success) {
    const link = manageTokenSchema.safeParse(values);
    if (!link.success) notFound();
    redirect(`${postedLanguagePath(`/registrations/${link.data.token}`, langOf(values), await getLanguageSettings())}?erase=unconfirmed#erase-heading`);
  }
  const result = await eraseOwnRegistration(hashManageToken(parsed.data.token));
  if (result.outcome === "missing") notFound();
  if (result.cancelled) revalidatePath("/events/[slug]", "page");
  redirect(`${postedLanguagePath("/registrations/deleted", langOf(values), await getLanguageSettings())}${result.cancelled ? "?cancelled=1" : ""}`);
}

/** The hidden `lang` of the manage page's forms: the language of the page the visitor goes back to. */
function langOf(values: unknown): unknown {
  return values && typeof values === "object" ? (values as Record<string, unknown>).lang : undefined;
}
