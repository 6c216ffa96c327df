import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * What full-text search reads of each table: one tsvector expression per table, used both by the GIN
 * expression indexes in `schema.ts` and by the queries in `db/queries/search.ts`. PostgreSQL uses such
 * an index only for the very same expression, so both sides must come from here.
 *
 * Names (people, titles of things) go in twice: under 'english', so that a word typed in a query
 * stems like the rest of the text, and under 'simple', because names come from many languages and
 * the English stemmer and stop-word list mangle some of them ("An", "Will", "Jones" → "jone"). Running
 * text (descriptions, bios, summaries) is English, so 'english' stems it: "summary" finds "summaries".
 * Only functions that PostgreSQL 15 has and marks immutable (an index needs that) are used.
 */
type Column = AnyPgColumn | SQL;
type Weight = "A" | "B" | "C" | "D";

const text = (columns: Column[]) =>
  sql.join(
    columns.map((c) => sql`coalesce(${c}, '')`),
    sql` || ' ' || `,
  );
const english = (columns: Column[], weight: Weight) => sql`setweight(to_tsvector('english'::regconfig, ${text(columns)}), '${sql.raw(weight)}')`;
const simple = (columns: Column[], weight: Weight) => sql`setweight(to_tsvector('simple'::regconfig, ${text(columns)}), '${sql.raw(weight)}')`;
const name = (columns: Column[], weight: Weight) => sql`${english(columns, weight)} || ${simple(columns, weight)}`;

export const topicDocument = (t: { name: Column; description: Column }) => sql`(${name([t.name], "A")} || ${english([t.description], "C")})`;

export const seriesDocument = (t: { name: Column; description: Column }) => sql`(${name([t.name], "A")} || ${english([t.description], "C")})`;

export const venueDocument = (t: { name: Column; city: Column; country: Column; address: Column }) =>
  sql`(${name([t.name], "A")} || ${name([t.city, t.country], "B")} || ${english([t.address], "C")})`;

export const eventDocument = (t: { title: Column; description: Column }) => sql`(${name([t.title], "A")} || ${english([t.description], "C")})`;

export const summaryDocument = (t: { title: Column; lede: Column; body: Column }) =>
  sql`(${name([t.title], "A")} || ${english([t.lede], "B")} || ${english([t.body], "C")})`;

export const personDocument = (t: { givenName: Column; familyName: Column; position: Column; organization: Column; bio: Column }) =>
  sql`(${name([t.givenName, t.familyName], "A")} || ${name([t.position, t.organization], "B")} || ${english([t.bio], "C")})`;

// Accented Latin letters, small and capital, and their plain small forms, so that "jose" finds "José"
// in the registrations' search. translate() is immutable, unlike unaccent (an extension that neither
// PGlite nor every server has); capitals are listed because lower() leaves them alone under the C locale.
// A query goes through the same lower() and translate() (db/queries/search.ts), so both sides agree.
export const FOLD_FROM = "áàâäãåāăąçćčďéèêëēėęěğíìîïīįıłľńňñóòôöõøōőŕřśšşßťúùûüūůűųýÿźžżæœÁÀÂÄÃÅĀĂĄÇĆČĎÉÈÊËĒĖĘĚĞÍÌÎÏĪĮŁĽŃŇÑÓÒÔÖÕØŌŐŔŘŚŠŞŤÚÙÛÜŪŮŰŲÝŸŹŽŻÆŒ";
export const FOLD_TO = "aaaaaaaaacccdeeeeeeeegiiiiiiillnnnoooooooorrsssstuuuuuuuuyyzzzaoaaaaaaaaacccdeeeeeeeegiiiiiillnnnoooooooorrssstuuuuuuuuyyzzzao";

/**
 * A registration's words for the staff list and the door: name, the parts of the email address,
 * organization and check-in code, lower-cased and without accents, under 'simple' (names are not
 * English), and one word for its event ("ev" and the id's hex digits). Searched by word prefix
 * (`registrationSearch` in db/queries/search.ts) together with the event's word, so that the index
 * alone narrows a search to one event: a common name's thousands of rows elsewhere are never read.
 */
export const registrationDocument = (t: { eventId: Column; name: Column; email: Column; organization: Column; checkInCode: Column }) =>
  sql`to_tsvector('simple'::regconfig, ${registrationText(t)})`;

const registrationText = (t: { eventId: Column; name: Column; email: Column; organization: Column; checkInCode: Column }) =>
  sql`'ev' || replace(${t.eventId}::text, '-', '') || ' ' || translate(lower(${t.name} || ' ' || regexp_replace(${t.email}, '[^[:alnum:]]+', ' ', 'g') || ' ' || coalesce(${t.organization}, '') || ' ' || ${t.checkInCode}), ${sql.raw(`'${FOLD_FROM}'`)}, ${sql.raw(`'${FOLD_TO}'`)})`;

/** The word `registrationDocument` gives a registration of event `eventId`. */
export const registrationEventWord = (eventId: string) => `ev${eventId.toLowerCase().replace(/[^0-9a-f]/g, "")}`;
