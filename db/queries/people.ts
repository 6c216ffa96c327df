import "server-only";
import { and, asc, count, countDistinct, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { eventParticipants, events, type Person, people, profileRevisions } from "@/db/schema";
import { personDocument } from "@/db/search-documents";
import { staffSearch } from "./search";
import { containsPattern, countWhere, isPublicEvent, paged, personTitleColumns } from "./util";

export async function countPendingRevisions(): Promise<number> {
  return countWhere(profileRevisions, eq(profileRevisions.status, "pending"));
}

// Lists read like a programme: by family name, then given name.
const byFamilyName = [asc(sql`lower(${people.familyName})`), asc(sql`lower(${people.givenName})`)];

function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = containsPattern(q);
  return staffSearch(personDocument(people), q, [
    ilike(people.givenName, pattern),
    ilike(people.familyName, pattern),
    // A whole name as typed, in either order: "Sima Bahous", "Kamikawa Yoko".
    ilike(sql`${people.givenName} || ' ' || ${people.familyName}`, pattern),
    ilike(sql`${people.familyName} || ' ' || ${people.givenName}`, pattern),
    ilike(people.organization, pattern),
    ilike(people.email, pattern),
  ]);
}

export async function listPeoplePage({ q, page, pageSize }: { q?: string; page: number; pageSize: number }) {
  const condition = searchCondition(q);
  return paged(
    db
      .select({
        id: people.id,
        slug: people.slug,
        ...personTitleColumns,
        hasAccount: sql<boolean>`${people.userId} is not null`,
      })
      .from(people)
      .where(condition)
      .orderBy(...byFamilyName)
      .$dynamic(),
    db.select({ n: count() }).from(people).where(condition),
    page,
    pageSize,
  );
}

export async function getPerson(id: string, executor: Executor = db): Promise<Person | undefined> {
  const [row] = await executor.select().from(people).where(eq(people.id, id));
  return row;
}

/**
 * The person, locked until the transaction ends: someone being added to an event concurrently waits,
 * so a usage count taken after this holds until the delete commits.
 */
export async function lockPerson(id: string, executor: Executor): Promise<Person | undefined> {
  const [row] = await executor.select().from(people).where(eq(people.id, id)).for("update");
  return row;
}

/** Options for pickers: everyone by family name, with what a form needs to write their name and title. */
export async function peopleOptions() {
  return db
    .select({ id: people.id, ...personTitleColumns })
    .from(people)
    .orderBy(...byFamilyName);
}

/** How many events a person takes part in (in any role); they can be deleted only at none. */
export async function personUsage(id: string, executor: Executor = db) {
  const [row] = await executor
    .select({ n: countDistinct(eventParticipants.eventId) })
    .from(eventParticipants)
    .where(eq(eventParticipants.personId, id));
  return { events: row?.n ?? 0 };
}

/** A person is public once they take part in an event that is not a draft: from then on their URL stays. */
export async function isPersonPublic(id: string, executor: Executor = db): Promise<boolean> {
  const [row] = await executor
    .select({ n: count() })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(eq(eventParticipants.personId, id), isPublicEvent));
  return (row?.n ?? 0) > 0;
}

/** The events a person takes part in, latest first, with their role at each. */
export async function listPersonEvents(id: string) {
  return db
    .select({
      eventId: events.id,
      title: events.title,
      status: events.status,
      startsAt: events.startsAt,
      timeZone: events.timeZone,
      role: eventParticipants.role,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(eq(eventParticipants.personId, id))
    .orderBy(desc(events.startsAt), asc(eventParticipants.sortOrder));
}

export async function hasPendingRevision(personId: string): Promise<boolean> {
  return (await countWhere(profileRevisions, and(eq(profileRevisions.personId, personId), eq(profileRevisions.status, "pending")))) > 0;
}

export async function isPersonSlugTaken(slug: string, executor: Executor = db): Promise<boolean> {
  return (await countWhere(people, eq(people.slug, slug), executor)) > 0;
}

export async function insertPerson(values: typeof people.$inferInsert, executor: Executor = db) {
  const [row] = await executor.insert(people).values(values).returning();
  return row!;
}

export async function updatePersonRow(id: string, values: Partial<typeof people.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(people).set(values).where(eq(people.id, id)).returning();
  return row;
}

export async function deletePersonRow(id: string, executor: Executor = db) {
  const rows = await executor.delete(people).where(eq(people.id, id)).returning({ id: people.id });
  return rows.length > 0;
}
