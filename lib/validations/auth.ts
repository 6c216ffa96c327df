import { z } from "zod";

export const emailField = z
  .string("Enter your email address.")
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."))
  .transform((v) => v.toLowerCase());

// The page to return to after signing in: a hidden field, so its messages only meet a tampered form.
const nextField = z.string("The page to return to is not valid.").max(500, "The page to return to is not valid.").optional();

export const passwordSignInSchema = z.object({
  email: emailField,
  password: z.string("Enter your password.").min(1, "Enter your password.").max(200, "That password is too long."),
  next: nextField,
});
export type PasswordSignInInput = z.input<typeof passwordSignInSchema>;

export const linkSignInSchema = z.object({
  email: emailField,
  next: nextField,
});
export type LinkSignInInput = z.input<typeof linkSignInSchema>;

// Any origin will do for parsing: only the path of a same-origin result is ever kept.
const PARSE_ORIGIN = "https://symposia.invalid";

/**
 * The same-site path `next` names, or undefined. `next` is parsed as a URL against the site's origin
 * and kept only when it stays there. Browsers drop tabs and line breaks from a URL and read `\` as
 * `/`, so `/\tevil.example` and `/\\evil.example` mean //evil.example: such characters, raw or
 * percent-encoded, are refused outright rather than cleaned.
 */
export function safeNextPath(next: string | undefined | null): string | undefined {
  const path = sameSitePath(next);
  // Never back into sign-in itself or onto a raw endpoint.
  if (!path || /^\/(api|login)(\/|\?|#|$)/.test(path)) return undefined;
  return path;
}

/** `next` as a path on this site (see safeNextPath), without the sign-in pages' own exclusions. */
function sameSitePath(next: string | undefined | null): string | undefined {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 500) return undefined;
  if (hasRedirectTricks(next)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return undefined;
  }
  // Checked once decoded as well, in case something on the way decodes it again.
  if (hasRedirectTricks(decoded)) return undefined;
  let url: URL;
  try {
    url = new URL(next, PARSE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PARSE_ORIGIN || url.username || url.password) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return undefined;
  return path;
}

function hasRedirectTricks(value: string): boolean {
  return /[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith("//") || /^\/\s*\//.test(value);
}

/**
 * The absolute URL of a post-sign-in destination on `origin`: a same-site `url` (a path, or an
 * absolute URL on `origin`) keeps its path; anything else becomes `fallback`.
 */
export function safeRedirectUrl(url: string, origin: string, fallback = "/"): string {
  let candidate: string | undefined;
  if (url.startsWith("/")) candidate = sameSitePath(url);
  else {
    try {
      const parsed = new URL(url);
      if (parsed.origin === origin && !parsed.username && !parsed.password && !hasRedirectTricks(url.slice(parsed.origin.length))) {
        candidate = sameSitePath(`${parsed.pathname}${parsed.search}${parsed.hash}`);
      }
    } catch {
      candidate = undefined;
    }
  }
  return `${origin}${candidate ?? fallback}`;
}
