import type { Role } from "@/db/schema";

/**
 * Sign-in links are credentials: a staff member who could read an admin's link could sign in as that
 * admin. Their bodies are shown only to admins, and only while the outbox is the mailbox (no SMTP);
 * once SMTP delivers mail, nobody reads them here.
 */
export function canReadBody(kind: string, viewerRole: Role, smtpConfigured: boolean): boolean {
  if (kind !== "sign_in_link") return true;
  return viewerRole === "admin" && !smtpConfigured;
}

/** The http(s) links in a plain-text message, in order, without repeats. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}
