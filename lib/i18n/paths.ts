import { isLanguage, type Language } from "./languages";

/**
 * Public addresses per language. The default language's pages keep the unprefixed addresses every
 * link, feed and printed QR code already uses; each other enabled language lives under its code
 * (`/ja/events/…`). So changing nothing for a site in one language, and no redirect on the common path.
 */
export function localePath(path: string, language: Language, defaultLanguage: Language): string {
  if (language === defaultLanguage) return path;
  if (path === "/") return `/${language}`;
  return `/${language}${path}`;
}

/** An address without its language prefix, and the language it named (null when it had none). */
export function splitLocalePath(path: string): { path: string; language: Language | null } {
  const match = /^\/([a-z]{2})(?=\/|$|\?|#)(.*)$/.exec(path);
  if (!match || !isLanguage(match[1])) return { path, language: null };
  const rest = match[2] ?? "";
  return { path: rest === "" || rest.startsWith("?") || rest.startsWith("#") ? `/${rest}` : rest, language: match[1] };
}
