import "server-only";
import { enqueueEmail } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import type { EmailMessage } from "@/lib/email/message";
import { escapeHtml } from "@/lib/html";
import { kickOutbox } from "@/lib/email/sender";
import type { Language } from "@/lib/i18n/languages";

/** The sign-in link email, in the account's language. */
export function signInEmail(to: string, url: string, minutes: number, organization: string, language: Language): EmailMessage {
  if (language === "ja") {
    return {
      to,
      kind: "sign_in_link",
      subject: `${organization}へのサインイン用リンク`,
      text: [
        `以下のリンクから${organization}にサインインしてください。`,
        "",
        url,
        "",
        `このリンクは1回限り有効で、${minutes}分後に失効します。`,
        "お心当たりのない場合は、このメールを破棄してください。",
      ].join("\n"),
      html: [
        `<!doctype html>\n<html lang="ja"><body>`,
        `<p>以下のリンクから${escapeHtml(organization)}にサインインしてください。</p>`,
        `<p><a href="${escapeHtml(url)}">サインイン</a></p>`,
        `<p>このリンクは1回限り有効で、${minutes}分後に失効します。お心当たりのない場合は、このメールを破棄してください。</p>`,
        `</body></html>`,
      ].join("\n"),
    };
  }
  return {
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
  };
}

/**
 * Writes the sign-in link email to the outbox (the provider's delivery hook), in `language`: the
 * account's (users.language), or the organization's default when it has chosen none.
 */
export async function sendSignInLink(to: string, url: string, expires: Date, language: Language | null = null): Promise<void> {
  const settings = await getSettings();
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  await enqueueEmail(signInEmail(to, url, minutes, settings.organizationName, language ?? settings.defaultLanguage));
  kickOutbox();
}
