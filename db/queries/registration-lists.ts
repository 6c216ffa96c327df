import "server-only";
import { and, asc, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { events, type QuestionKind, type RegistrationStatus, registrationStatusEnum, registrations } from "@/db/schema";
import { registrationDocument } from "@/db/search-documents";
import type { RegistrationFilter, RegistrationSort } from "@/lib/validations/registration";
import { registrationSearch } from "./search";

/**
 * Staff views of an event's registrations that must stay fast on an event of 100,000: the list (keyset
 * pages), its counts, the CSV export (keyset batches), the door's search and the hourly chart. Each order
 * and filter is served by an index of `registrations` (db/schema.ts); bench/data/ measures them on a
 * million rows.
 */

export type RegistrationListFilter = {
  q?: string;
  status?: RegistrationFilter;
  /** Registrations whose answer to one question matches. */
  answer?: AnswerFilter;
  sort: RegistrationSort;
};

/**
 * An answer to look for: with no `value`, anyone who answered the question; else, for a text, answers
 * holding the words; for a choice, answers with that choice (whatever its capitals); for yes or no, "yes"
 * or "no".
 */
export type AnswerFilter = { questionId: string; kind: QuestionKind; value?: string };

const document = registrationDocument(registrations);

/** The filter's status condition. */
function statusCondition(status: RegistrationFilter | undefined): SQL | undefined {
  if (status === "checked_in") return and(eq(registrations.status, "confirmed"), isNotNull(registrations.checkedInAt));
  return status ? eq(registrations.status, status) : undefined;
}

/** The list's answer filter from its address: the question must be one of the event's (`questions`). */
export function answerFilter(questions: readonly { id: string; kind: QuestionKind }[], questionId: string | undefined, value: string | undefined): AnswerFilter | undefined {
  const question = questionId ? questions.find((q) => q.id === questionId) : undefined;
  return question && { questionId: question.id, kind: question.kind, value };
}

const YES = new Set(["yes", "y", "true"]);
const NO = new Set(["no", "n", "false"]);

/** The answer filter's condition. */
function answerCondition(filter: AnswerFilter | undefined): SQL | undefined {
  if (!filter) return undefined;
  const answer = sql`${registrations.answers} -> ${filter.questionId}::text`;
  const value = filter.value?.trim();
  if (!value) return sql`${answer} is not null`;
  switch (filter.kind) {
    case "short_text":
    case "long_text":
      return sql`${registrations.answers} ->> ${filter.questionId}::text ilike ${`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
    case "single_choice":
      return sql`lower(${registrations.answers} ->> ${filter.questionId}::text) = lower(${value}::text)`;
    case "multiple_choice":
      return sql`exists (select 1 from jsonb_array_elements_text(case when jsonb_typeof(${answer}) = 'array' then ${answer} else '[]'::jsonb end) chosen where lower(chosen) = lower(${value}::text))`;
    case "yes_no": {
      const said = value.toLowerCase();
      return YES.has(said) ? sql`${answer} = 'true'::jsonb` : NO.has(said) ? sql`${answer} = 'false'::jsonb` : sql`false`;
    }
  }
}

// ---------------------------------------------------------------------------
// Keyset order: each sort is a list of columns read in one direction, ending with the id, so that
// every row has one place and a page starts strictly after (or before) the row a cursor names.

type KeyPart = { value: SQL; cast: string };
type Order = { direction: "asc" | "desc"; key: KeyPart[] };

// Timestamps go into a cursor as PostgreSQL writes them (microseconds and offset): a JavaScript Date
// would round them to milliseconds and skip or repeat rows that differ by less.
const idPart: KeyPart = { value: sql`${registrations.id}`, cast: "uuid" };
const createdPart: KeyPart = { value: sql`${registrations.createdAt}`, cast: "timestamptz" };
const ORDERS: Record<RegistrationSort, Order> = {
  created_desc: { direction: "desc", key: [createdPart, idPart] },
  created_asc: { direction: "asc", key: [createdPart, idPart] },
  name_asc: { direction: "asc", key: [{ value: sql`lower(${registrations.name})`, cast: "text" }, idPart] },
  name_desc: { direction: "desc", key: [{ value: sql`lower(${registrations.name})`, cast: "text" }, idPart] },
  // Confirmed, then the waitlist first come first served, then cancelled: the enum's own order.
  // Only waitlisted rows carry waitlisted_at; the others tie on 'infinity' and follow their creation.
  status: {
    direction: "asc",
    key: [
      { value: sql`${registrations.status}`, cast: "registration_status" },
      { value: sql`coalesce(${registrations.waitlistedAt}, 'infinity'::timestamptz)`, cast: "timestamptz" },
      createdPart,
      idPart,
    ],
  },
};

const keyText = (order: Order) => sql<string[]>`array[${sql.join(
  order.key.map((p) => sql`${p.value}::text`),
  sql`, `,
)}]`;

/** Rows strictly after (`"after"`) or before (`"before"`) the key `values` in the order. */
function beyond(order: Order, values: string[], side: "after" | "before"): SQL {
  const left = sql.join(
    order.key.map((p) => p.value),
    sql`, `,
  );
  const right = sql.join(
    order.key.map((p, i) => sql`cast(${values[i]} as ${sql.raw(p.cast)})`),
    sql`, `,
  );
  const forward = (order.direction === "asc") === (side === "after");
  return sql`(${left}) ${sql.raw(forward ? ">" : "<")} (${right})`;
}

function orderBy(order: Order, reversed = false): SQL[] {
  const up = (order.direction === "asc") !== reversed;
  return order.key.map((p) => (up ? asc(p.value) : desc(p.value)));
}

/** A cursor names one row's place in one sort: opaque in the URL, checked when read back. */
type Cursor = { sort: RegistrationSort; key: string[] };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, ...cursor.key])).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::\d{2})?)$/;
/** PostgreSQL's "2026-03-08 06:30:00.000002+00" as JavaScript reads it: "2026-03-08T06:30:00.000+00:00". */
const isoOf = (v: string) =>
  v
    .replace(" ", "T")
    .replace(/(\.\d{3})\d+/, "$1")
    .replace(/([+-]\d{2})$/, "$1:00");
const STATUSES: readonly RegistrationStatus[] = registrationStatusEnum.enumValues;

/** The cursor's key for `sort`, or undefined when it is missing, malformed or made for another sort. */
export function decodeCursor(text: string | undefined, sort: RegistrationSort): string[] | undefined {
  if (!text || text.length > 2000) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const order = ORDERS[sort];
  if (!Array.isArray(parsed) || parsed[0] !== sort || parsed.length !== order.key.length + 1) return undefined;
  const key = parsed.slice(1);
  const valid = order.key.every((part, i) => {
    const v: unknown = key[i];
    if (typeof v !== "string" || v.length > 1000) return false;
    if (part.cast === "uuid") return UUID.test(v);
    if (part.cast === "timestamptz") return v === "infinity" || (TIMESTAMP.test(v) && !Number.isNaN(Date.parse(isoOf(v))));
    if (part.cast === "registration_status") return (STATUSES as readonly string[]).includes(v);
    return true;
  });
  return valid ? (key as string[]) : undefined;
}

// ---------------------------------------------------------------------------
// The list

/**
 * A waitlisted row's place in the waitlist (1 = next), as in registrations.ts but written on the
 * expression of the queue index, so that each is a short index-only count.
 */
const waitlistPosition = sql<number | null>`case when ${registrations}.status = 'waitlisted' then (
  select count(*)::int from ${registrations} w
  where w.event_id = ${registrations}.event_id and w.status = 'waitlisted'
    and (coalesce(w.waitlisted_at, 'infinity'::timestamptz), w.created_at, w.id)
     <= (coalesce(${registrations}.waitlisted_at, 'infinity'::timestamptz), ${registrations}.created_at, ${registrations}.id)
) end`;

/** The address, or nothing once the registration's personal data was removed (it then holds a placeholder). */
const shownEmail = sql<string>`case when ${registrations.anonymizedAt} is null then ${registrations.email} else '' end`;

const listColumns = {
  id: registrations.id,
  name: registrations.name,
  email: shownEmail,
  organization: registrations.organization,
  category: registrations.category,
  status: registrations.status,
  checkInCode: registrations.checkInCode,
  createdAt: registrations.createdAt,
  confirmedAt: registrations.confirmedAt,
  cancelledAt: registrations.cancelledAt,
  checkedInAt: registrations.checkedInAt,
  consentAt: registrations.consentAt,
  answers: registrations.answers,
  anonymizedAt: registrations.anonymizedAt,
  waitlistPosition,
};

/**
 * Where a list reads its rows, and the condition on them. Without a search: the event's rows of the
 * table, walked in the order's index. With one: the rows the search index finds, planned on their own,
 * then ordered. The index finds only the event's rows (its documents hold the event's word), so the
 * event's own condition waits outside, where it cannot draw the planner into also reading the
 * event's 100,000 index entries; and left to itself, the planner would rather walk the order's index
 * and compute each row's document in turn, a hundred times slower. A subquery with a LIMIT is never
 * merged into the outer query; this one is too large to bind. It is named as the table, so the
 * columns read the same either way.
 */
const NO_LIMIT = 2_147_483_647;

function source(eventId: string, { q, status, answer }: Omit<RegistrationListFilter, "sort">): { from: typeof registrations; where: SQL } {
  const ofEvent = eq(registrations.eventId, eventId);
  const search = registrationSearch(document, eventId, q, registrations.emailNormalized);
  if (!search) return { from: registrations, where: and(ofEvent, statusCondition(status), answerCondition(answer))! };
  const matches = db.select().from(registrations).where(and(search, statusCondition(status), answerCondition(answer))).limit(NO_LIMIT).as("registrations");
  return { from: matches as unknown as typeof registrations, where: ofEvent };
}

async function fetchRows(
  eventId: string,
  filter: RegistrationListFilter,
  { after, before, limit }: { after?: string[]; before?: string[]; limit: number },
  executor: Executor = db,
) {
  const order = ORDERS[filter.sort];
  const { from, where } = source(eventId, filter);
  const rows = await executor
    .select({ ...listColumns, key: keyText(order) })
    .from(from)
    .where(
      and(
        where,
        after ? beyond(order, after, "after") : undefined,
        before ? beyond(order, before, "before") : undefined,
      ),
    )
    .orderBy(...orderBy(order, Boolean(before)))
    .limit(limit);
  return before ? rows.reverse() : rows;
}

const withoutKey = <T extends { key: string[] }>(row: T): Omit<T, "key"> => {
  const { key, ...rest } = row;
  void key;
  return rest;
};

async function anyBeyond(eventId: string, filter: RegistrationListFilter, key: string[], side: "after" | "before"): Promise<boolean> {
  const { from, where } = source(eventId, filter);
  const order = ORDERS[filter.sort];
  // Ordered, so that the nearest row comes from the order's index rather than a walk of the table.
  const [row] = await db
    .select({ one: sql`1` })
    .from(from)
    .where(and(where, beyond(order, key, side)))
    .orderBy(...orderBy(order, side === "before"))
    .limit(1);
  return Boolean(row);
}

export type RegistrationListRow = Omit<Awaited<ReturnType<typeof fetchRows>>[number], "key">;
export type RegistrationPage = {
  rows: RegistrationListRow[];
  /** Cursors for the neighbouring pages, null at either end. */
  next: string | null;
  previous: string | null;
};

/**
 * One page of the staff list: the first, or the one just after `after` or just before `before` (cursors
 * from an earlier page). A page before the first row falls back to the first page.
 */
export async function listRegistrationsPage(
  eventId: string,
  filter: RegistrationListFilter & { after?: string; before?: string; pageSize: number },
): Promise<RegistrationPage> {
  const after = decodeCursor(filter.after, filter.sort);
  const before = after ? undefined : decodeCursor(filter.before, filter.sort);
  const limit = filter.pageSize + 1;
  let rows = await fetchRows(eventId, filter, { after, before, limit });
  let hasNext: boolean;
  let hasPrevious: boolean;
  if (before) {
    hasPrevious = rows.length === limit;
    if (hasPrevious) rows = rows.slice(1);
    else if (rows.length < filter.pageSize) return listRegistrationsPage(eventId, { ...filter, before: undefined });
    hasNext = rows.length > 0 && (await anyBeyond(eventId, filter, rows.at(-1)!.key, "after"));
  } else {
    hasNext = rows.length === limit;
    if (hasNext) rows = rows.slice(0, filter.pageSize);
    hasPrevious = Boolean(after) && rows.length > 0 && (await anyBeyond(eventId, filter, rows[0]!.key, "before"));
    if (after && rows.length === 0) return listRegistrationsPage(eventId, { ...filter, after: undefined });
  }
  const cursor = (row: (typeof rows)[number]) => encodeCursor({ sort: filter.sort, key: row.key });
  return {
    rows: rows.map(withoutKey),
    next: hasNext ? cursor(rows.at(-1)!) : null,
    previous: hasPrevious ? cursor(rows[0]!) : null,
  };
}

/**
 * How many registrations a search finds, counted up to `cap` and no further: past it the answer is
 * "more than cap", which costs no more than the cap. Without a search the counts say it exactly.
 */
export async function countMatches(eventId: string, filter: Omit<RegistrationListFilter, "sort">, cap: number): Promise<{ n: number; more: boolean }> {
  const { from, where } = source(eventId, filter);
  const matches = db
    .select({ one: sql`1` })
    .from(from)
    .where(where)
    .limit(cap + 1)
    .as("m");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matches);
  const n = row?.n ?? 0;
  return n > cap ? { n: cap, more: true } : { n, more: false };
}

/** Every registration the filter finds, in the list's order, `batchSize` at a time: for the CSV export. */
export async function* registrationBatches(eventId: string, filter: RegistrationListFilter, batchSize = 1000): AsyncGenerator<RegistrationListRow[]> {
  let after: string[] | undefined;
  for (;;) {
    const rows = await fetchRows(eventId, filter, { after, limit: batchSize });
    if (rows.length === 0) return;
    yield rows.map(withoutKey);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.key;
  }
}

/** Every registration the filter finds, at once: small events and tests. The export streams batches instead. */
export async function listRegistrationsForExport(eventId: string, filter: RegistrationListFilter): Promise<RegistrationListRow[]> {
  const all: RegistrationListRow[] = [];
  for await (const batch of registrationBatches(eventId, filter)) all.push(...batch);
  return all;
}

// ---------------------------------------------------------------------------
// Counts

export type RegistrationCounts = Record<RegistrationStatus, number> & { checkedIn: number; total: number };

/**
 * Each a count over an index alone (registrations_event_status_idx, registrations_event_checked_in_idx).
 * The event is named through its table: in a one-table query a bare column would resolve inside the subquery.
 */
export async function registrationCounts(eventId: string, executor: Executor = db): Promise<RegistrationCounts> {
  const count = (status: RegistrationStatus, extra: SQL = sql``) =>
    sql<number>`(select count(*)::int from ${registrations} where ${registrations.eventId} = ${events}.id and ${registrations.status} = ${status}${extra})`;
  const [row] = await executor
    .select({
      confirmed: count("confirmed"),
      waitlisted: count("waitlisted"),
      cancelled: count("cancelled"),
      pending: count("pending"),
      declined: count("declined"),
      checkedIn: count("confirmed", sql` and ${registrations.checkedInAt} is not null`),
    })
    .from(events)
    .where(eq(events.id, eventId));
  const counts = row ?? { confirmed: 0, waitlisted: 0, cancelled: 0, pending: 0, declined: 0, checkedIn: 0 };
  return { ...counts, total: counts.confirmed + counts.waitlisted + counts.cancelled + counts.pending + counts.declined };
}

/** How many registrations a status filter finds, from the counts. */
export function countForStatus(counts: RegistrationCounts, status: RegistrationFilter | undefined): number {
  if (!status) return counts.total;
  return status === "checked_in" ? counts.checkedIn : counts[status];
}

// ---------------------------------------------------------------------------
// The door

const checkInColumns = {
  id: registrations.id,
  name: registrations.name,
  email: shownEmail,
  organization: registrations.organization,
  category: registrations.category,
  checkInCode: registrations.checkInCode,
  status: registrations.status,
  checkedInAt: registrations.checkedInAt,
};

export const CHECK_IN_SHOWN = 60;

/**
 * The door's answer to what was typed: up to `limit` people with a seat whose words begin with the
 * words typed, by name (all of them, by name, when nothing was typed), whether there are more, and the
 * registration whose check-in code it is, whatever its status, so that a cancelled or waitlisted code
 * gets a clear answer.
 */
export async function searchForCheckIn(eventId: string, q: string | undefined, limit = CHECK_IN_SHOWN) {
  const code = (q ?? "").replace(/[^0-9a-z]/gi, "").toUpperCase();
  const seated = source(eventId, { q, status: "confirmed" });
  const [people, [byCode]] = await Promise.all([
    db
      .select(checkInColumns)
      .from(seated.from)
      .where(seated.where)
      .orderBy(sql`lower(${registrations.name})`, asc(registrations.id))
      .limit(limit + 1),
    code.length === 8
      ? db
          .select(checkInColumns)
          .from(registrations)
          .where(and(eq(registrations.eventId, eventId), eq(registrations.checkInCode, code)))
      : Promise.resolve([]),
  ]);
  return { people: people.slice(0, limit), more: people.length > limit, byCode: byCode ?? null };
}

/** The door's count: who holds a seat, and how many of them have arrived; two counts over indexes alone. */
export async function doorCounts(eventId: string): Promise<{ seated: number; arrived: number }> {
  const count = (extra: SQL = sql``) =>
    sql<number>`(select count(*)::int from ${registrations} where ${registrations.eventId} = ${events}.id and ${registrations.status} = 'confirmed'${extra})`;
  const [row] = await db
    .select({ seated: count(), arrived: count(sql` and ${registrations.checkedInAt} is not null`) })
    .from(events)
    .where(eq(events.id, eventId));
  return row ?? { seated: 0, arrived: 0 };
}

export type CheckInRow = Awaited<ReturnType<typeof searchForCheckIn>>["people"][number];

/** Registrations made in each hour, on the event's clock: "2026-11-30T14" → n. Cancelled ones count too. */
export async function registrationsPerHour(eventId: string, timeZone: string) {
  const hour = sql<string>`to_char(${registrations.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD"T"HH24')`;
  return db
    .select({ hour, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    // By position: the zone is a parameter, and the same expression with a second parameter would
    // not count as the grouped one.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}
