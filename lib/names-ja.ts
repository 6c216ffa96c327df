/**
 * How people's names and meetings of a series are written in Japanese texts,
 * the counterpart of lib/names.ts: "上川陽子外務大臣", later "上川大臣";
 * "「WPS＋イノベーション」に関する第4回会合". Functions keep the English names,
 * so a page picks its language by the module it imports.
 */

import { tidy, type PersonName } from "./names";

// A name written in kanji or kana is family name first, whatever order its
// romanised form takes; so is one written in hangul.
const FAMILY_FIRST_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Hangul}]/u;
// Foreign names are transcribed in katakana, their parts joined by a middle dot
// (アントニオ・グテーレス); ー and ・ belong to the script by extension.
const KATAKANA_ONLY = /^[\p{Script_Extensions=Katakana}\s]+$/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The name without honorific: "上川陽子" (family then given, no space) for a
 * name in kanji or kana, "アントニオ・グテーレス" for one in katakana, in the
 * person's own order. A name in Latin script keeps its own order and its space
 * ("Antonio Guterres", "Kamikawa Yoko"), without the capitals that mark the
 * family name in English texts.
 */
export function plainName(p: PersonName): string {
  const given = tidy(p.givenName);
  const family = tidy(p.familyName);
  if (!given || !family) return given || family;
  if (FAMILY_FIRST_SCRIPT.test(given) || FAMILY_FIRST_SCRIPT.test(family)) return `${family}${given}`;
  const [first, second] = p.nameOrder === "family_given" ? [family, given] : [given, family];
  if (KATAKANA_ONLY.test(given) && KATAKANA_ONLY.test(family)) return `${first}・${second}`;
  return `${first} ${second}`;
}

// A title of office has a Japanese counterpart; a form of address (Ms., Mr.,
// Mx., Hon., Rev., Sir, Dame…) becomes 氏, the courtesy suffix of press texts.
const OFFICE_TITLES: Readonly<Record<string, string>> = {
  ambassador: "大使",
  dr: "博士",
  prof: "教授",
  "h.e": "閣下",
};

/**
 * The honorific as it follows a name in Japanese: as written when it is in
 * Japanese ("大使", "氏"), otherwise the counterpart of the English one, "氏" by default.
 */
export function honorificSuffix(honorific: string | null | undefined): string {
  const value = tidy(honorific);
  if (!value || !LATIN.test(value)) return value;
  return OFFICE_TITLES[value.toLowerCase().replace(/\.$/u, "")] ?? "氏";
}

/** The name as first written: "上川陽子氏", "Sima Bahous氏", "志野光子大使"; the bare name without honorific. */
export function displayName(p: PersonName): string {
  return `${plainName(p)}${honorificSuffix(p.honorific)}`;
}

/**
 * How a later sentence refers to the person: family name and title, "上川大臣",
 * or family name and honorific, "バホス氏". With neither, the plain full name,
 * as in English.
 */
export function shortReference(p: PersonName, title?: string): string {
  const family = tidy(p.familyName);
  const suffix = tidy(title) || honorificSuffix(p.honorific);
  if (!suffix || !family) return plainName(p);
  return `${family}${suffix}`;
}

/**
 * "上川陽子外務大臣": the position follows the name without a space and takes
 * the place of the honorific, as a press release writes either one, not both.
 */
export function withPosition(p: PersonName, position?: string | null): string {
  const role = tidy(position);
  return role ? `${plainName(p)}${role}` : displayName(p);
}

/**
 * "A及びB", "A、B及びC": the enumeration comma and, before the last item, 及び
 * as official texts write it, or と in plainer prose. Blank items are skipped.
 */
export function joinList(items: readonly string[], conjunction: "及び" | "と" = "及び"): string {
  const kept = items.map(tidy).filter(Boolean);
  const last = kept.pop();
  if (last === undefined) return "";
  return kept.length === 0 ? last : `${kept.join("、")}${conjunction}${last}`;
}

// ---------------------------------------------------------------------------
// Meetings of a series

/** "第4回", "第21回" */
export function ordinalWord(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Not a positive integer: ${n}`);
  return `第${n}回`;
}

/** "第4回会合" */
export function seriesMeetingPhrase(n: number): string {
  return `${ordinalWord(n)}会合`;
}

/** "「WPS＋イノベーション」に関する第4回会合"; the name alone without a number. */
export function seriesLine(name: string | null, number: number | null): string | null {
  if (!name) return null;
  return number ? `「${name}」に関する${seriesMeetingPhrase(number)}` : name;
}

/** "第4回会合": Japanese has no capital to add, so this is the phrase itself. */
export function meetingLabel(number: number): string {
  return seriesMeetingPhrase(number);
}
