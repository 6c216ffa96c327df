import "server-only";
import { and, count, desc, exists, gte, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { PgSelect, PgTable } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { eventParticipants, events, people, venues } from "@/db/schema";

/** A LIKE pattern that finds `q` anywhere, with LIKE's wildcards in `q` taken literally. */
export function containsPattern(q: string): string {
  // PostgreSQL text cannot hold NUL, so a pattern with one would be an error rather than no match.
  return `%${q.replaceAll("\0", "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type Page<T> = { rows: T[]; total: number };
const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;

/**
 * One page of `rows` (a `.$dynamic()` select, ordered) together with how many rows the whole list has,
 * which `counted` reads with the same filter.
 */
export async function paged<Q extends PgSelect>(
  rows: Q,
  counted: PromiseLike<{ n: number }[]>,
  page: number,
  pageSize: number,
): Promise<{ rows: Awaited<Q>; total: number }> {
  const [pageRows, [total]] = await Promise.all([rows.limit(pageSize).offset(offsetOf(page, pageSize)), counted]);
  return { rows: pageRows as Awaited<Q>, total: total?.n ?? 0 };
}

/** How many rows of `table` match `where`. */
export async function countWhere(table: PgTable, where: SQL | undefined, executor: Executor = db): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/**
 * Events in the order lists show them: those not yet over first, soonest first; then those over, most
 * recent first. Callers add their own tiebreak.
 */
export function upcomingThenPast(now: Date): SQL[] {
  const upcoming = gte(events.endsAt, now);
  return [sql`case when ${upcoming} then 0 else 1 end`, sql`case when ${upcoming} then ${events.startsAt} end asc`, desc(events.startsAt)];
}

/** What the public may see of events: every one but drafts (a cancelled event stays, marked cancelled). */
export const isPublicEvent = ne(events.status, "draft");

/**
 * Whether a topic or series has a public event (`belongs` ties an event to it): until it has one, it has
 * no public page, and listing it would publish its name.
 */
export const hasPublicEvent = (belongs: SQL) => exists(db.select({ one: sql`1` }).from(events).where(and(belongs, isPublicEvent)));

// A speaker is announced once they accept, or when staff listed them without sending an invitation;
// a pending or declined invitation is between the office and the invitee, and a guest sits in the audience.
export const isAnnouncedParticipant = and(inArray(eventParticipants.invitationStatus, ["confirmed", "not_invited"]), ne(eventParticipants.role, "guest"))!;

/** A person's name as lib/names.ts writes it. */
export const personNameColumns = {
  honorific: people.honorific,
  givenName: people.givenName,
  familyName: people.familyName,
  nameOrder: people.nameOrder,
};

/** A person's name with their position and organization: how lists and pickers introduce them. */
export const personTitleColumns = { ...personNameColumns, position: people.position, organization: people.organization };

/** What names an event in any list or heading: its address, title, status and times. */
export const eventHeadingColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  status: events.status,
  timeZone: events.timeZone,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
};

/** An event in a list of someone's events: its heading and the venue's name and city (venues left-joined). */
export const eventWithVenueColumns = { ...eventHeadingColumns, venueName: venues.name, venueCity: venues.city };
