import type { Language } from "@/lib/i18n/languages";
import { langAttribute, type LocalizedText } from "@/lib/i18n/localize";

/**
 * A record's text on a page in `pageLanguage`: as it is, or, when it fell back to another language's
 * version, in a span marked with that language, so that a screen reader pronounces it right.
 */
export function Localized({ text, pageLanguage }: { text: LocalizedText | null; pageLanguage: Language }) {
  if (!text) return null;
  const lang = langAttribute(text, pageLanguage);
  return lang ? <span lang={lang}>{text.text}</span> : <>{text.text}</>;
}
