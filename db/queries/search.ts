import "server-only";
import { and, desc, eq, exists, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { eventDocument, FOLD_FROM, FOLD_TO, personDocument, registrationEventWord, summaryDocument, topicDocument } from "@/db/search-documents";
import { eventParticipants, events, people, summaries, topics } from "@/db/schema";
import { displayName } from "@/lib/names";
import { hasPublicEvent, isAnnouncedParticipant, isPublicEvent, personTitleColumns } from "./util";

/**
 * Full-text search, for the public search page and the staff lists' filters. Input goes to
 * `websearch_to_tsquery`, which accepts anything a person types (quotes, "or", a leading "-") and
 * never fails on syntax, so nothing typed is ever read as query syntax of our own.
 */

/** Longest query we read: anything longer is a paste, not a search. */
export const MAX_QUERY_LENGTH = 200;
/** The public page lists at most this many results in all (ten pages). */
export const MAX_RESULTS = 200;

// ts_headline marks matches with these; the page splits on them and renders <mark> elements itself,
// so no markup ever comes from the database. They are control characters, removed from the query and
// never part of readable text.
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

/** The query as searched: trimmed, one space between words, no control characters, not too long. */
export function normalizeQuery(q: string | null | undefined): string {
  return (q ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/**
 * The query under both configurations the documents are indexed with (see `db/search-documents.ts`):
 * English stems match the text and 'simple' words match names the English stemmer would mangle.
 */
function tsQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('english'::regconfig, ${q}) || websearch_to_tsquery('simple'::regconfig, ${q}))`;
}

/** Whether `document` (one of `db/search-documents.ts`) matches the words of `q`; served by its GIN index. */
export function matchesWords(document: SQL, q: string): SQL {
  return sql`${document} @@ ${tsQuery(q)}`;
}

/**
 * The staff lists' filter: whole words anywhere in the record's text (full-text search), or, so that
 * a part of a word typed in a list's filter still finds the row, the list's own substring matches.
 */
export function staffSearch(document: SQL, q: string | undefined, substring: (SQL | undefined)[]): SQL | undefined {
  const query = normalizeQuery(q);
  if (!query) return undefined;
  return or(matchesWords(document, query), ...substring);
}

/**
 * The registrations' search (staff list, door) within one event: every word typed begins a word of
 * the registration (`registrationDocument`), so "gar jo" finds "José García" and "ana.g" finds
 * ana.garcia@example.org. A check-in code may be typed with or without its dash, whole or its first
 * letters. Only letters and digits reach to_tsquery, each followed by ":*", so nothing typed is read as
 * query syntax. A whole address typed finds that address only (`email`: the normalized address
 * column). The query is folded by the same lower() and translate() as the document, so both sides
 * agree under any locale. Undefined when nothing searchable was typed.
 */
export function registrationSearch(document: SQL, eventId: string, q: string | undefined, email: AnyPgColumn): SQL | undefined {
  const query = normalizeQuery(q);
  // The words before the @ find a whole address in the index: those of a common domain would each
  // match half the table.
  const wholeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(query) ? query.toLowerCase() : undefined;
  const words = (wholeEmail ? wholeEmail.split("@")[0]! : query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return undefined;
  const all = words.map((w) => `${w}:*`).join(" & ");
  const code = words.join("");
  const typed = words.length > 1 && code.length >= 4 && code.length <= 8 && /^[0-9a-z]+$/i.test(code) ? `(${all}) | ${code}:*` : all;
  const text = `${registrationEventWord(eventId)} & (${typed})`;
  const match = sql`${document} @@ to_tsquery('simple'::regconfig, translate(lower(${text}), ${sql.raw(`'${FOLD_FROM}'`)}, ${sql.raw(`'${FOLD_TO}'`)}))`;
  return and(match, wholeEmail ? eq(email, wholeEmail) : undefined);
}

export type SearchKind = "event" | "summary" | "person" | "topic";

/** A highlighted piece of text: plain strings, and the matched words in `{ mark }`. */
export type Highlighted = (string | { mark: string })[];

export type SearchHit = {
  kind: SearchKind;
  href: string;
  title: Highlighted;
  excerpt: Highlighted;
  rank: number;
  /** When the event (of an event or summary) took place, in its zone. */
  when: { startsAt: Date; timeZone: string } | null;
  /** A line of context: the topic of an event, the event of a summary, a person's position. */
  context: string | null;
};

/** `total` counts every match; `pageCount` pages only the best MAX_RESULTS of them. */
export type SearchResults = { query: string; hits: SearchHit[]; total: number; page: number; pageCount: number; pageSize: number };

// Markdown's punctuation reads as noise in an excerpt; links keep their words.
function plainExcerpt(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>|]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits ts_headline's output at the sentinels into text and marked words. */
export function splitHighlight(text: string): Highlighted {
  const parts: Highlighted = [];
  let rest = text;
  while (rest) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) break;
    const end = rest.indexOf(MARK_END, start + 1);
    if (end === -1) break;
    if (start > 0) parts.push(rest.slice(0, start));
    const marked = rest.slice(start + 1, end);
    if (marked) parts.push({ mark: marked });
    rest = rest.slice(end + 1);
  }
  const tail = rest.replace(/[\u0001\u0002]/g, "");
  if (tail) parts.push(tail);
  return parts;
}

const headline = (text: SQL, q: string, options = HEADLINE_OPTIONS) =>
  sql<string>`ts_headline('english'::regconfig, ${text}, ${tsQuery(q)}, ${options})`;
// Normalization 1 divides by the document's length (logarithmically), so a long summary that mentions
// a word once does not outrank the event whose title is that word.
const rank = (document: SQL, q: string) => sql<number>`ts_rank(${document}, ${tsQuery(q)}, 1)`.mapWith(Number);
const totalCount = sql<number>`count(*) over ()`.mapWith(Number);

// The public rules of db/queries/util.ts: an event is public unless a draft; a summary when published
// for a public event; a person while announced in a public event; a topic once it has a public event.

function searchEvents(q: string, limit: number) {
  const document = eventDocument(events);
  const score = rank(document, q);
  return db
    .select({
      slug: events.slug,
      title: headline(sql`${events.title}`, q, TITLE_OPTIONS),
      excerpt: headline(sql`coalesce(${events.description}, '')`, q),
      startsAt: events.startsAt,
      timeZone: events.timeZone,
      status: events.status,
      topicName: topics.name,
      rank: score,
      total: totalCount,
    })
    .from(events)
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(and(isPublicEvent, matchesWords(document, q)))
    .orderBy(desc(score), events.startsAt)
    .limit(limit);
}

function searchSummaries(q: string, limit: number) {
  const document = summaryDocument(summaries);
  const score = rank(document, q);
  return db
    .select({
      slug: events.slug,
      eventTitle: events.title,
      title: headline(sql`${summaries.title}`, q, TITLE_OPTIONS),
      excerpt: headline(sql`coalesce(${summaries.lede}, '') || ' ' || ${summaries.body}`, q),
      startsAt: events.startsAt,
      timeZone: events.timeZone,
      rank: score,
      total: totalCount,
    })
    .from(summaries)
    .innerJoin(events, eq(events.id, summaries.eventId))
    .where(and(eq(summaries.status, "published"), isPublicEvent, matchesWords(document, q)))
    .orderBy(desc(score), events.startsAt)
    .limit(limit);
}

function searchPeople(q: string, limit: number) {
  const document = personDocument(people);
  const score = rank(document, q);
  const announced = db
    .select({ one: sql`1` })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(
      and(
        eq(eventParticipants.personId, people.id),
        isPublicEvent,
        isAnnouncedParticipant,
      ),
    );
  return db
    .select({
      slug: people.slug,
      ...personTitleColumns,
      excerpt: headline(sql`concat_ws(' · ', ${people.position}, ${people.organization}, ${people.bio})`, q),
      rank: score,
      total: totalCount,
    })
    .from(people)
    .where(and(exists(announced), matchesWords(document, q)))
    .orderBy(desc(score), people.familyName)
    .limit(limit);
}

function searchTopics(q: string, limit: number) {
  const document = topicDocument(topics);
  const score = rank(document, q);
  return db
    .select({
      slug: topics.slug,
      title: headline(sql`${topics.name}`, q, TITLE_OPTIONS),
      excerpt: headline(sql`coalesce(${topics.description}, '')`, q),
      rank: score,
      total: totalCount,
    })
    .from(topics)
    .where(and(hasPublicEvent(eq(events.topicId, topics.id)), matchesWords(document, q)))
    .orderBy(desc(score), topics.name)
    .limit(limit);
}

const KIND_ORDER: Record<SearchKind, number> = { topic: 0, event: 1, summary: 2, person: 3 };

/**
 * Public things whose words match `q`, best first, `pageSize` at a time: events, published
 * summaries, people's public profiles and topics. An empty query finds nothing.
 */
export async function searchPublic(input: string | null | undefined, { page = 1, pageSize = 20 } = {}): Promise<SearchResults> {
  const query = normalizeQuery(input);
  const maxPage = Math.ceil(MAX_RESULTS / pageSize);
  const current = Math.min(Math.max(1, Math.floor(page) || 1), maxPage);
  if (!query) return { query, hits: [], total: 0, page: 1, pageCount: 0, pageSize };

  // Each kind's best `limit` are enough to fill the page once all kinds are merged by rank.
  const limit = Math.min(current * pageSize, MAX_RESULTS);
  const [eventRows, summaryRows, personRows, topicRows] = await Promise.all([
    searchEvents(query, limit),
    searchSummaries(query, limit),
    searchPeople(query, limit),
    searchTopics(query, limit),
  ]);

  const hits: SearchHit[] = [
    ...eventRows.map((r) => ({
      kind: "event" as const,
      href: `/events/${r.slug}`,
      title: splitHighlight(r.title),
      excerpt: splitHighlight(r.excerpt),
      rank: r.rank,
      when: { startsAt: r.startsAt, timeZone: r.timeZone },
      context: [r.topicName, r.status === "cancelled" ? "Cancelled" : null].filter(Boolean).join(" · ") || null,
    })),
    ...summaryRows.map((r) => ({
      kind: "summary" as const,
      href: `/events/${r.slug}/summary`,
      title: splitHighlight(r.title || r.eventTitle),
      excerpt: splitHighlight(plainExcerpt(r.excerpt)),
      rank: r.rank,
      when: { startsAt: r.startsAt, timeZone: r.timeZone },
      context: r.eventTitle,
    })),
    ...personRows.map((r) => ({
      kind: "person" as const,
      href: `/people/${r.slug}`,
      title: [displayName(r)],
      excerpt: splitHighlight(r.excerpt),
      rank: r.rank,
      when: null,
      context: null,
    })),
    ...topicRows.map((r) => ({
      kind: "topic" as const,
      href: `/topics/${r.slug}`,
      title: splitHighlight(r.title),
      excerpt: splitHighlight(r.excerpt),
      rank: r.rank,
      when: null,
      context: null,
    })),
  ].sort((a, b) => b.rank - a.rank || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.href.localeCompare(b.href));

  // Every match counts in the total; only the best MAX_RESULTS can be paged to.
  const total = [eventRows, summaryRows, personRows, topicRows].reduce((sum, rows) => sum + (rows[0]?.total ?? 0), 0);
  const start = (current - 1) * pageSize;
  const pageCount = Math.ceil(Math.min(total, MAX_RESULTS) / pageSize);
  return { query, hits: hits.slice(start, start + pageSize), total, page: current, pageCount, pageSize };
}
