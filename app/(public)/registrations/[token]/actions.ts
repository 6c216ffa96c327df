"use server";

// Outside lib/action's wrapper: the caller is anonymous, and holding the secret link is the whole authorization.

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formInput } from "@/lib/form-input";
import { cancelRegistration } from "@/lib/registration/seats";
import { hashManageToken } from "@/lib/registration/tokens";
import { requestInfo } from "@/lib/request-info";
import { manageTokenSchema } from "@/lib/validations/registration";

/**
 * "Cancel my registration", from the secret link: whoever holds the link may cancel, nobody else can
 * name the registration. A plain form post, so it works without JavaScript; the page shows the outcome.
 */
export async function cancelMyRegistration(input: unknown): Promise<void> {
  const parsed = manageTokenSchema.safeParse(formInput(input));
  if (!parsed.success) notFound();
  const { token } = parsed.data;
  const result = await cancelRegistration({ tokenHash: hashManageToken(token) }, { kind: "public", client: await requestInfo() });
  if (result.outcome === "refused" && result.reason === "missing") notFound();
  if (result.outcome === "cancelled") revalidatePath("/events/[slug]", "page");
  redirect(`/registrations/${token}?${result.outcome === "cancelled" ? "cancelled=1" : `refused=${result.reason}`}`);
}
