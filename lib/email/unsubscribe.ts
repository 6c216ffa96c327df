import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * Unsubscribe links for the emails sent after an event. The token is the address itself with a MAC
 * over it (HMAC-SHA256 keyed with the app's secret): nothing is stored until someone uses it, any
 * number of emails to one address share it, and nobody can make one for an address they do not read.
 * The address in it is only base64url, not hidden: the link goes to that address alone.
 * A new AUTH_SECRET makes the links already sent stop working.
 */

/** The kinds of message that carry the link and the List-Unsubscribe header. */
export const UNSUBSCRIBABLE_KINDS: ReadonlySet<string> = new Set(["thank_you"]);

// Keeps this MAC apart from anything else the same secret signs.
const PURPOSE = "symposia:unsubscribe:v1\0";
const MAC_LENGTH = 43;
const MAX_ADDRESS = 254;

function mac(address: string, secret: string): string {
  return createHmac("sha256", secret).update(PURPOSE + address).digest("base64url");
}

/** The token for an address, normalized as registrations store it (trimmed, lower case). */
export function unsubscribeToken(emailNormalized: string, secret = authSecret()): string {
  return `${Buffer.from(emailNormalized, "utf8").toString("base64url")}.${mac(emailNormalized, secret)}`;
}

/** The address a token was made for, or null for anything not made with this secret. */
export function verifyUnsubscribeToken(token: string, secret = authSecret()): string | null {
  if (typeof token !== "string" || token.length > 400) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const address = Buffer.from(match[1]!, "base64url").toString("utf8");
  // Only what unsubscribeToken writes: base64url has more than one spelling of some inputs.
  if (!address || address.length > MAX_ADDRESS || Buffer.from(address, "utf8").toString("base64url") !== match[1]) return null;
  const expected = Buffer.from(mac(address, secret));
  const given = Buffer.from(match[2]!);
  if (given.length !== MAC_LENGTH || !timingSafeEqual(expected, given)) return null;
  return address;
}

/** The page where a person confirms (a button: a mail scanner that opens the link changes nothing). */
export function unsubscribePageUrl(baseUrl: string, emailNormalized: string, secret?: string): string {
  return `${baseUrl}/unsubscribe/${unsubscribeToken(emailNormalized, secret)}`;
}

/** Where a mail client posts a one-click unsubscribe (RFC 8058); opened in a browser, it leads to the page. */
export function oneClickUnsubscribeUrl(baseUrl: string, emailNormalized: string, secret?: string): string {
  return `${baseUrl}/api/unsubscribe/${unsubscribeToken(emailNormalized, secret)}`;
}

/** The List-Unsubscribe headers of a message of `kind` to `to`, or none for a kind that carries no link. */
export function unsubscribeHeaders(kind: string, to: string, baseUrl: string, secret?: string): Record<string, string> | undefined {
  if (!UNSUBSCRIBABLE_KINDS.has(kind)) return undefined;
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(baseUrl, to.trim().toLowerCase(), secret)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
