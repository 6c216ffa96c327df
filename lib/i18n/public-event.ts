import type { PublicEvent } from "@/db/queries/public";
import type { Language, Translations } from "./languages";
import { inLanguage } from "./localize";

/** Each shown text's language, by field: the page marks with `lang` those that differ from its own. */
export type LangOf<F extends string> = Partial<Record<F, Language>>;

/**
 * `fields` of `record` replaced by their version in `language`, each falling back to the default
 * language's (the record's own column) on its own, with `langOf` naming the language each came out in.
 */
function written<R extends { translations: Translations<F> } & { [K in F]: string | null }, F extends string>(
  record: R,
  fields: readonly F[],
  language: Language,
  defaultLanguage: Language,
): Omit<R, "translations"> & { langOf: LangOf<F> } {
  const rest: Partial<R> = { ...record };
  delete rest.translations;
  const texts = inLanguage(record, fields, language, defaultLanguage);
  const out = { ...rest, langOf: texts.langOf } as Omit<R, "translations"> & { langOf: LangOf<F> };
  for (const field of fields) (out as Record<F, string | null>)[field] = texts[field] ?? record[field];
  return out;
}

const PERSON_FIELDS = ["honorific", "givenName", "familyName"] as const;

function speakerIn<S extends PublicEvent["speakers"][number] | PublicEvent["agenda"][number]["speakers"][number]>(s: S, language: Language, defaultLanguage: Language) {
  return {
    ...written(s, ["positionAtEvent"], language, defaultLanguage),
    person: written(s.person, PERSON_FIELDS, language, defaultLanguage),
  };
}

/**
 * The event of `getPublicEvent` written in `language`: its title and description, its topic, series
 * and venue, the agenda's segments and the speakers' names and positions, each text its translation or,
 * where it has none, the default language's version, with `langOf` saying which.
 */
export function publicEventIn(event: PublicEvent, language: Language, defaultLanguage: Language) {
  return {
    ...written(event, ["title", "description"], language, defaultLanguage),
    topic: event.topic && written(event.topic, ["name"], language, defaultLanguage),
    series: event.series && written(event.series, ["name"], language, defaultLanguage),
    venue: event.venue && written(event.venue, ["name", "address", "city", "country"], language, defaultLanguage),
    speakers: event.speakers.map((s) => ({ ...speakerIn(s, language, defaultLanguage), portrait: s.portrait })),
    agenda: event.agenda.map((item) => ({
      ...written(item, ["title", "description"], language, defaultLanguage),
      speakers: item.speakers.map((s) => speakerIn(s, language, defaultLanguage)),
    })),
  };
}

export type LocalizedPublicEvent = ReturnType<typeof publicEventIn>;
export type LocalizedSpeaker = LocalizedPublicEvent["speakers"][number];
