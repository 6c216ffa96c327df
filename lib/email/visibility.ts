import type { OutboxMessage, Role } from "@/db/schema";

/**
 * Some links in a message are credentials of its recipient:
 * - a sign-in link (sign-in emails and invitations) signs whoever opens it in as the recipient;
 * - a manage link (`/registrations/<token>`, in every registration email) lets whoever holds it see,
 *   cancel or re-time the recipient's registration, in the registrant's name rather than their own;
 * - an unsubscribe link (`/unsubscribe/<token>`, in the emails sent after an event) stops the
 *   recipient's after-event emails.
 *
 * Staff manage registrations and invitations through their own pages, where what they do is theirs
 * and is audited; they never need to act as the recipient, so they see these links redacted. Admins
 * see them only while no mail server is configured: then the outbox is the mailbox (the demo, a first
 * installation) and an admin passes the link on. An admin can already create accounts and change
 * roles, so reading a link gives them nothing more. Once SMTP delivers mail, the recipient has the
 * link in their inbox and nobody reads it here.
 */
export type SecretLinkKind = "sign_in" | "manage" | "unsubscribe";

const SECRET_PATHS: { kind: SecretLinkKind; pattern: RegExp }[] = [
  { kind: "sign_in", pattern: /^\/api\/auth\/callback\// },
  { kind: "manage", pattern: /^\/registrations\/[^/]+/ },
  { kind: "unsubscribe", pattern: /^\/(api\/)?unsubscribe\/[^/]+/ },
];

/** Which credential a link is, if it is one; decided by its path, whatever the message's kind. */
export function secretLinkKind(href: string): SecretLinkKind | null {
  let path: string;
  try {
    path = new URL(href).pathname;
  } catch {
    return null;
  }
  return SECRET_PATHS.find((s) => s.pattern.test(path))?.kind ?? null;
}

/** Whether this viewer may read the credentials in messages (see above). */
export function canReadSecretLinks(viewerRole: Role, smtpConfigured: boolean): boolean {
  return viewerRole === "admin" && !smtpConfigured;
}

const PLACEHOLDER: Record<SecretLinkKind, string> = {
  sign_in: "[sign-in link hidden]",
  manage: "[personal manage link hidden]",
  unsubscribe: "[personal unsubscribe link hidden]",
};

export const HIDDEN_LINK_EXPLANATION: Record<SecretLinkKind, string> = {
  sign_in: "A sign-in link signs whoever opens it in as the recipient.",
  manage: "A manage link lets whoever opens it change or cancel the recipient's registration in their name.",
  unsubscribe: "An unsubscribe link lets whoever opens it stop the recipient's emails after events.",
};

/** The http(s) links in a plain-text message, in order, without repeats. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

export type VisibleMessage = {
  /** The body as this viewer may read it; null once it was removed after the retention period. */
  text: string | null;
  /** The links this viewer may follow. */
  links: string[];
  /** The kinds of credential taken out of the body for this viewer. */
  hidden: SecretLinkKind[];
};

/** A message's body as `viewerRole` may read it: credentials replaced by a placeholder saying what they were. */
export function visibleMessage(message: Pick<OutboxMessage, "text" | "redactedAt">, viewerRole: Role, smtpConfigured: boolean): VisibleMessage {
  if (message.redactedAt) return { text: null, links: [], hidden: [] };
  const all = linksIn(message.text);
  if (canReadSecretLinks(viewerRole, smtpConfigured)) return { text: message.text, links: all, hidden: [] };
  const hidden = new Set<SecretLinkKind>();
  const text = message.text.replace(/https?:\/\/[^\s<>"]+/g, (href) => {
    const kind = secretLinkKind(href);
    if (!kind) return href;
    hidden.add(kind);
    return PLACEHOLDER[kind];
  });
  return { text, links: all.filter((href) => !secretLinkKind(href)), hidden: [...hidden] };
}

/** What a removed body is replaced with in the database: nothing of the original survives. */
export const REDACTED_TEXT = "[The text of this message was removed after the retention period.]";

/** What the body of a message about a registration whose personal data was removed is replaced with. */
export const REGISTRATION_REMOVED_TEXT = "[The text of this message was removed with the personal data of its registration.]";

/** Why a message about such a registration that had not been sent never will be. */
export const REGISTRATION_REMOVED_WITHDRAWN = "Not sent: the personal data of its registration was removed, its recipient with it.";
