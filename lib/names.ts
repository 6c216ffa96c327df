/**
 * How people's names are written in programmes, invitations and summaries.
 *
 * Names written family name first follow the diplomatic convention of putting
 * the family name in capitals ("KAMIKAWA Yoko"), so readers can tell which part
 * is which without knowing the naming tradition.
 */

export const NAME_ORDERS = ["given_family", "family_given"] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export type PersonName = {
  honorific?: string | null;
  givenName: string;
  familyName: string;
  nameOrder: NameOrder;
};

/** Suggestions for the honorific field; people may type anything else. */
export const HONORIFICS = [
  "Ms.",
  "Mr.",
  "Mx.",
  "Dr.",
  "Prof.",
  "Ambassador",
  "H.E.",
  "Hon.",
  "Rev.",
  "Sir",
  "Dame",
] as const;

/** A name part with its whitespace collapsed and trimmed; blank for null. */
export const tidy = (value: string | null | undefined): string =>
  (value ?? "").replace(/\s+/gu, " ").trim();

// Chinese, Japanese and Korean names are written without a space between
// family and given name.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function joinNameParts(first: string, second: string): string {
  if (!first || !second) return first || second;
  const seamless = CJK.test(first.slice(-1)) && CJK.test(second.charAt(0));
  return seamless ? `${first}${second}` : `${first} ${second}`;
}

const withHonorific = (honorific: string, rest: string): string =>
  [honorific, rest].filter(Boolean).join(" ");

/** The name without honorific: "KAMIKAWA Yoko", "Sima Bahous". */
export function plainName(p: PersonName): string {
  const given = tidy(p.givenName);
  const family = tidy(p.familyName);
  if (p.nameOrder === "family_given") {
    // A fixed locale keeps Latin names stable (no Turkish dotted İ); scripts
    // without case, such as kanji, pass through unchanged.
    return joinNameParts(family.toLocaleUpperCase("en"), given);
  }
  return joinNameParts(given, family);
}

/** The name as first written: "Ms. KAMIKAWA Yoko", "Ambassador Mitsuko Shino". */
export function displayName(p: PersonName): string {
  return withHonorific(tidy(p.honorific), plainName(p));
}

/**
 * How a later sentence refers to the person: "Minister Kamikawa" with a title,
 * "Ms. Bahous" with only an honorific. With neither, a bare family name would
 * read as curt, so the plain full name is used.
 */
export function shortReference(p: PersonName, title?: string): string {
  const family = tidy(p.familyName);
  const prefix = tidy(title) || tidy(p.honorific);
  if (!prefix || !family) return plainName(p);
  return `${prefix} ${family}`;
}

/** Lower-case "family given", for ordering lists of people by family name. */
export function sortKey(p: PersonName): string {
  return [tidy(p.familyName), tidy(p.givenName)].filter(Boolean).join(" ").toLocaleLowerCase("en");
}

/** "Ms. Sima Bahous, Executive Director of UN Women" */
export function withPosition(p: PersonName, position?: string | null): string {
  const name = displayName(p);
  const role = tidy(position);
  return role ? `${name}, ${role}` : name;
}

// British English, as in the reference texts: no comma before the final "and".
const listFormat = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** "a", "a and b", "a, b and c"; blank items are skipped. */
export function joinList(items: readonly string[]): string {
  return listFormat.format(items.map(tidy).filter(Boolean));
}

// ---------------------------------------------------------------------------
// Meetings of a series

const ORDINAL_WORDS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
] as const;

const ordinalRules = new Intl.PluralRules("en-US", { type: "ordinal" });
const ORDINAL_SUFFIXES: Partial<Record<Intl.LDMLPluralRule, string>> = {
  one: "st",
  two: "nd",
  few: "rd",
};

/** "first" … "twentieth", then "21st", "22nd", "111th" (style guides spell out only small numbers). */
export function ordinalWord(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Not a positive integer: ${n}`);
  const word = ORDINAL_WORDS[n - 1];
  if (word !== undefined) return word;
  return `${n}${ORDINAL_SUFFIXES[ordinalRules.select(n)] ?? "th"}`;
}

/** "the fourth meeting", "the 21st meeting" */
export function seriesMeetingPhrase(n: number): string {
  return `the ${ordinalWord(n)} meeting`;
}

/** "WPS + Innovation — fourth meeting" */
export function seriesLine(name: string | null, number: number | null): string | null {
  if (!name) return null;
  return number ? `${name} — ${ordinalWord(number)} meeting` : name;
}

/** "Fourth meeting", "21st meeting" */
export function meetingLabel(number: number): string {
  const word = ordinalWord(number);
  return `${word.charAt(0).toUpperCase()}${word.slice(1)} meeting`;
}
