import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cache } from "react";
import { db, type Executor } from "@/db";
import { eventParticipants, events, media, type Person, people, type ProfileRevision, profileRevisions, users, venues } from "@/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { eventWithVenueColumns, isAnnouncedParticipant, isPublicEvent, personTitleColumns } from "./util";

type RevisionStatus = ProfileRevision["status"];

/** The fields a revision carries and approval copies onto the person. */
export type RevisionFields = Pick<
  ProfileRevision,
  "honorific" | "givenName" | "familyName" | "nameOrder" | "position" | "organization" | "bio" | "portraitId"
>;

export const revisionFields = (r: RevisionFields): RevisionFields => ({
  honorific: r.honorific,
  givenName: r.givenName,
  familyName: r.familyName,
  nameOrder: r.nameOrder,
  position: r.position,
  organization: r.organization,
  bio: r.bio,
  portraitId: r.portraitId,
});

/**
 * The person's version in `language`, in the shape a revision proposes: the own columns for the default
 * language, else the translation (a missing name as "", other missing fields as null). The name order
 * and the photo are the same in every language.
 */
export function versionOf(person: Person, language: Language, defaultLanguage: Language): RevisionFields {
  if (language === defaultLanguage) return revisionFields(person);
  const t = person.translations[language] ?? {};
  return {
    honorific: t.honorific ?? null,
    givenName: t.givenName ?? "",
    familyName: t.familyName ?? "",
    nameOrder: person.nameOrder,
    position: t.position ?? null,
    organization: t.organization ?? null,
    bio: t.bio ?? null,
    portraitId: person.portraitId,
  };
}

/** The person linked to an account, if any. */
export async function getOwnPerson(userId: string, executor: Executor = db): Promise<Person | undefined> {
  const [row] = await executor.select().from(people).where(eq(people.userId, userId));
  return row;
}

/**
 * The person `personId` if, and only if, it belongs to `userId`: ownership is part of the query.
 * Locked until the transaction ends, so two saves (or a save and a review) take turns.
 */
export async function lockOwnPerson(personId: string, userId: string, executor: Executor): Promise<Person | undefined> {
  const [row] = await executor
    .select()
    .from(people)
    .where(and(eq(people.id, personId), eq(people.userId, userId)))
    .for("update");
  return row;
}

/** A person, locked until the transaction ends. */
export async function lockPerson(personId: string, executor: Executor): Promise<Person | undefined> {
  const [row] = await executor.select().from(people).where(eq(people.id, personId)).for("update");
  return row;
}

/** The one revision of the person's version in `language` that waits for review, if any. */
export async function getPendingRevision(personId: string, language: Language, executor: Executor = db): Promise<ProfileRevision | undefined> {
  const [row] = await executor
    .select()
    .from(profileRevisions)
    .where(and(eq(profileRevisions.personId, personId), eq(profileRevisions.language, language), eq(profileRevisions.status, "pending")));
  return row;
}

/**
 * Records a proposed revision with the person's fields as they are now (its base), so that approval
 * later tells what the panelist changed from what staff changed since. Call it with the person
 * locked, as a panelist's save does.
 */
export async function insertRevision(values: typeof profileRevisions.$inferInsert, executor: Executor): Promise<ProfileRevision> {
  const [person] = await executor.select().from(people).where(eq(people.id, values.personId));
  const base = values.base ?? (person ? revisionFields(person) : null);
  const [row] = await executor.insert(profileRevisions).values({ ...values, base }).returning();
  return row!;
}

/** Ends a pending revision without a review (the panelist withdrew or replaced it). */
export async function closePendingRevision(id: string, executor: Executor): Promise<boolean> {
  const rows = await executor
    .update(profileRevisions)
    .set({ status: "withdrawn" })
    .where(and(eq(profileRevisions.id, id), eq(profileRevisions.status, "pending")))
    .returning({ id: profileRevisions.id });
  return rows.length > 0;
}

/** Withdraws a pending revision of the account's own person; undefined when there is none such. */
export async function withdrawOwnRevision(id: string, userId: string, executor: Executor) {
  const own = executor.select({ id: people.id }).from(people).where(eq(people.userId, userId));
  const [row] = await executor
    .update(profileRevisions)
    .set({ status: "withdrawn" })
    .where(and(eq(profileRevisions.id, id), eq(profileRevisions.status, "pending"), inArray(profileRevisions.personId, own)))
    .returning();
  return row;
}

// Where the public sees a person: an event that is not a draft, in a part that is announced
// (accepted, or listed without an invitation), and not as a guest in the audience.
const publicParticipation = and(isPublicEvent, isAnnouncedParticipant);

/** Whether a revision (in any state) is of the account's own person. */
export async function isOwnRevision(id: string, userId: string, executor: Executor): Promise<boolean> {
  const [row] = await executor
    .select({ id: profileRevisions.id })
    .from(profileRevisions)
    .innerJoin(people, eq(people.id, profileRevisions.personId))
    .where(and(eq(profileRevisions.id, id), eq(people.userId, userId)));
  return Boolean(row);
}

const newPortrait = alias(media, "new_portrait");
const oldPortrait = alias(media, "old_portrait");

const portraitColumns = (m: typeof oldPortrait | typeof newPortrait) => ({ id: m.id, key: m.storageKey, alt: m.altText, width: m.width, height: m.height });

/**
 * What a panelist's own page shows: their public profile, what waits for review in the default language
 * (`pending`) and in each other one (`pendingTranslations`), the last decision.
 */
export async function getOwnProfileView(userId: string, defaultLanguage: Language) {
  const [found] = await db
    .select({ person: people, portrait: portraitColumns(oldPortrait) })
    .from(people)
    .leftJoin(oldPortrait, eq(oldPortrait.id, people.portraitId))
    .where(eq(people.userId, userId));
  if (!found) return undefined;
  const personId = found.person.id;
  const [pendings, [lastDecision], isPublic] = await Promise.all([
    db
      .select({ revision: profileRevisions, portrait: portraitColumns(newPortrait) })
      .from(profileRevisions)
      .leftJoin(newPortrait, eq(newPortrait.id, profileRevisions.portraitId))
      .where(and(eq(profileRevisions.personId, personId), eq(profileRevisions.status, "pending"))),
    db
      .select({ status: profileRevisions.status, note: profileRevisions.reviewNote, reviewedAt: profileRevisions.reviewedAt })
      .from(profileRevisions)
      .where(and(eq(profileRevisions.personId, personId), inArray(profileRevisions.status, ["approved", "rejected"])))
      .orderBy(desc(profileRevisions.reviewedAt), desc(profileRevisions.createdAt))
      .limit(1),
    isProfilePublic(personId),
  ]);
  const pending = pendings.find((p) => p.revision.language === defaultLanguage);
  const pendingTranslations = Object.fromEntries(
    pendings.filter((p) => p.revision.language !== defaultLanguage).map((p) => [p.revision.language, p.revision]),
  ) as Partial<Record<Language, ProfileRevision>>;
  return { ...found, pending, pendingTranslations, lastDecision, isPublic };
}

/** Revisions waiting for review, oldest first, each beside the person as the public sees them now. */
export async function listPendingRevisions() {
  return db
    .select({
      revision: profileRevisions,
      person: people,
      oldPortrait: portraitColumns(oldPortrait),
      newPortrait: portraitColumns(newPortrait),
      authorEmail: users.email,
    })
    .from(profileRevisions)
    .innerJoin(people, eq(people.id, profileRevisions.personId))
    .leftJoin(oldPortrait, eq(oldPortrait.id, people.portraitId))
    .leftJoin(newPortrait, eq(newPortrait.id, profileRevisions.portraitId))
    .leftJoin(users, eq(users.id, profileRevisions.authorId))
    .where(eq(profileRevisions.status, "pending"))
    .orderBy(asc(profileRevisions.createdAt), asc(profileRevisions.id));
}
export type PendingRevisionRow = Awaited<ReturnType<typeof listPendingRevisions>>[number];

/**
 * A pending revision and its person, both locked for the review. The person is locked first, as a
 * panelist's save does, so the two never wait on each other in opposite orders.
 */
export async function lockRevisionForReview(id: string, executor: Executor) {
  const [target] = await executor.select({ personId: profileRevisions.personId }).from(profileRevisions).where(eq(profileRevisions.id, id));
  if (!target) return undefined;
  const [person] = await executor.select().from(people).where(eq(people.id, target.personId)).for("update");
  const [revision] = await executor
    .select()
    .from(profileRevisions)
    .where(and(eq(profileRevisions.id, id), eq(profileRevisions.status, "pending")))
    .for("update");
  if (!person || !revision) return undefined;
  return { person, revision };
}

export async function markRevisionReviewed(
  id: string,
  status: Extract<RevisionStatus, "approved" | "rejected">,
  reviewerId: string,
  note: string | null,
  executor: Executor,
): Promise<void> {
  await executor
    .update(profileRevisions)
    .set({ status, reviewerId, reviewNote: note, reviewedAt: new Date() })
    .where(eq(profileRevisions.id, id));
}

/** The language of the account's emails (null: the default), with what it was; locked for the change. */
export async function setOwnEmailLanguage(userId: string, language: Language | null, executor: Executor): Promise<{ before: Language | null } | undefined> {
  const [row] = await executor.select({ language: users.language }).from(users).where(eq(users.id, userId)).for("update");
  if (!row) return undefined;
  await executor.update(users).set({ language }).where(eq(users.id, userId));
  return { before: row.language ?? null };
}

/** The language of the account's emails; null: the organization's default. */
export async function getOwnEmailLanguage(userId: string): Promise<Language | null> {
  const [row] = await db.select({ language: users.language }).from(users).where(eq(users.id, userId));
  return row?.language ?? null;
}

/** The account a person's emails go to: the linked one, while it may sign in. */
export async function personAccountEmail(personId: string, executor: Executor): Promise<string | undefined> {
  const [row] = await executor
    .select({ email: users.email })
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(people.id, personId), sql`${users.disabledAt} is null`));
  return row?.email;
}

/** Whether the person's page is public: they take part in at least one public event. */
export async function isProfilePublic(personId: string, executor: Executor = db): Promise<boolean> {
  const [row] = await executor
    .select({ id: eventParticipants.id })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(eq(eventParticipants.personId, personId), publicParticipation))
    .limit(1);
  return Boolean(row);
}

/**
 * A person's public page: the approved profile (the person row itself; revisions never show here)
 * and their public events, latest first. Undefined for anyone in no public event.
 */
export const getPublicProfile = cache(async (slug: string) => {
  const [found] = await db
    .select({
      id: people.id,
      slug: people.slug,
      ...personTitleColumns,
      bio: people.bio,
      translations: people.translations,
      updatedAt: people.updatedAt,
      portrait: portraitColumns(oldPortrait),
    })
    .from(people)
    .leftJoin(oldPortrait, eq(oldPortrait.id, people.portraitId))
    .where(eq(people.slug, slug));
  if (!found) return undefined;
  const appearances = await db
    .select({
      id: eventParticipants.id,
      role: eventParticipants.role,
      positionAtEvent: eventParticipants.positionAtEvent,
      event: { ...eventWithVenueColumns, translations: events.translations, venueTranslations: venues.translations },
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(eventParticipants.personId, found.id), publicParticipation))
    .orderBy(desc(events.startsAt), asc(eventParticipants.sortOrder));
  if (appearances.length === 0) return undefined;
  return { ...found, appearances };
});
export type PublicProfile = NonNullable<Awaited<ReturnType<typeof getPublicProfile>>>;
