import { type PersonName, sortKey } from "@/lib/names";

/**
 * A registration holds one name as the person typed it, not given and family names apart, so the door's
 * list reads the family name from it: a word written in capitals is the family name, whatever its place
 * ("KAMIKAWA Yoko", the diplomatic convention); a name written without spaces (Chinese, Japanese, Korean)
 * starts with it and is ordered whole; otherwise it is the last word, after suffixes such as "Jr." or "III".
 */
const SUFFIX = /^(?:jr\.?|sr\.?|[ivx]{2,4}|phd|md)$/i;
const CAPITALS = /^\p{Lu}[\p{Lu}'’-]+$/u;

export function registrantName(name: string): PersonName {
  const words = name.replace(/\s+/gu, " ").trim().split(" ").filter(Boolean);
  const body = words.length > 1 && SUFFIX.test(words.at(-1)!) ? words.slice(0, -1) : words;
  if (body.length <= 1) return { givenName: "", familyName: body[0] ?? "", nameOrder: "given_family" };
  const capital = body.findIndex((w) => CAPITALS.test(w) && !SUFFIX.test(w));
  const at = capital >= 0 ? capital : body.length - 1;
  const given = body.filter((_, i) => i !== at).join(" ");
  return { givenName: given, familyName: body[at]!, nameOrder: capital === 0 ? "family_given" : "given_family" };
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The people ordered by family name, then given name, accents and case aside (lib/names.ts `sortKey`). */
export function byFamilyName<T extends { name: string }>(people: readonly T[]): T[] {
  const keyed = people.map((p) => ({ p, key: sortKey(registrantName(p.name)) }));
  keyed.sort((a, b) => collator.compare(a.key, b.key) || collator.compare(a.p.name, b.p.name));
  return keyed.map((k) => k.p);
}
