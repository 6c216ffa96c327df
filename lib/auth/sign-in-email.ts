import "server-only";
import { enqueueEmail } from "@/db/queries/outbox";
import { getOrganizationName } from "@/db/queries/settings";
import { escapeHtml } from "@/lib/html";
import { kickOutbox } from "@/lib/email/sender";

/** Writes the sign-in link email to the outbox (the provider's delivery hook). */
export async function sendSignInLink(to: string, url: string, expires: Date): Promise<void> {
  const organization = await getOrganizationName();
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  await enqueueEmail({
    to,
    kind: "sign_in_link",
    subject: `Your sign-in link for ${organization}`,
    text: [
      `Use this link to sign in to ${organization}:`,
      "",
      url,
      "",
      `The link works once and expires in ${minutes} minutes.`,
      "If you did not ask for it, you can ignore this email.",
    ].join("\n"),
    html: [
      `<p>Use this link to sign in to ${escapeHtml(organization)}:</p>`,
      `<p><a href="${escapeHtml(url)}">Sign in</a></p>`,
      `<p>The link works once and expires in ${minutes} minutes. If you did not ask for it, you can ignore this email.</p>`,
    ].join("\n"),
  });
  kickOutbox();
}
