import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { auditLog, eventParticipants, events, people, series, type User, users, venues } from "@/db/schema";
import { eventHeadingColumns, eventWithVenueColumns, isPublicEvent } from "./util";

/** The audit action that records who sent an invitation; the answer's notice goes back to them. */
export const INVITE_ACTION = "participant.invite";

/** A participant with everything the invitation email says, locked for the invitation. */
export async function lockParticipantForInvitation(participantId: string, executor: Executor) {
  const [row] = await executor
    .select({ participant: eventParticipants, person: people })
    .from(eventParticipants)
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .where(eq(eventParticipants.id, participantId))
    .for("update", { of: [eventParticipants, people] });
  if (!row) return undefined;
  const [event] = await executor
    .select({
      id: events.id,
      title: events.title,
      translations: events.translations,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      seriesName: series.name,
      seriesNumber: events.seriesNumber,
      venue: { name: venues.name, city: venues.city, country: venues.country },
    })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.id, row.participant.eventId));
  return event ? { ...row, event } : undefined;
}

export async function findUserByEmail(email: string, executor: Executor): Promise<User | undefined> {
  const [row] = await executor.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

/** The person another account is linked to, if any (an account speaks for one person only). */
export async function personLinkedTo(userId: string, executor: Executor) {
  const [row] = await executor.select().from(people).where(eq(people.userId, userId));
  return row;
}

export async function linkPersonToUser(personId: string, userId: string, executor: Executor): Promise<void> {
  await executor.update(people).set({ userId }).where(eq(people.id, personId));
}

export async function markInvited(participantId: string, now: Date, executor: Executor) {
  const [row] = await executor
    .update(eventParticipants)
    .set({ invitationStatus: "invited", invitedAt: now, respondedAt: null, invitationMessage: null })
    .where(eq(eventParticipants.id, participantId))
    .returning();
  return row!;
}

const ownPeople = (userId: string, executor: Executor) => executor.select({ id: people.id }).from(people).where(eq(people.userId, userId));
const publicEvents = (executor: Executor) => executor.select({ id: events.id }).from(events).where(isPublicEvent);

/**
 * An invitation as its invitee sees it. Ownership is part of the query: the participant's person
 * must be linked to `userId`, and the event must not be a draft; anyone else gets nothing.
 */
export async function getOwnInvitation(participantId: string, userId: string) {
  const [row] = await db
    .select({
      id: eventParticipants.id,
      role: eventParticipants.role,
      positionAtEvent: eventParticipants.positionAtEvent,
      invitationStatus: eventParticipants.invitationStatus,
      invitationMessage: eventParticipants.invitationMessage,
      invitedAt: eventParticipants.invitedAt,
      respondedAt: eventParticipants.respondedAt,
      event: {
        ...eventHeadingColumns,
        description: events.description,
        translations: events.translations,
        seriesName: series.name,
        seriesTranslations: series.translations,
        seriesNumber: events.seriesNumber,
      },
      venue: { name: venues.name, address: venues.address, city: venues.city, country: venues.country, translations: venues.translations },
    })
    .from(eventParticipants)
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(eventParticipants.id, participantId), eq(people.userId, userId), isPublicEvent));
  return row;
}
export type OwnInvitation = NonNullable<Awaited<ReturnType<typeof getOwnInvitation>>>;

/**
 * Records the invitee's answer, only on their own invitation to a public event, and only once one
 * was sent. Returns the updated row, or undefined when nothing matched.
 */
export async function answerOwnInvitation(
  participantId: string,
  userId: string,
  answer: { status: "confirmed" | "declined"; message: string | null },
  executor: Executor,
  now = new Date(),
) {
  const [row] = await executor
    .update(eventParticipants)
    .set({ invitationStatus: answer.status, invitationMessage: answer.message, respondedAt: now })
    .where(
      and(
        eq(eventParticipants.id, participantId),
        inArray(eventParticipants.personId, ownPeople(userId, executor)),
        inArray(eventParticipants.eventId, publicEvents(executor)),
        ne(eventParticipants.invitationStatus, "not_invited"),
      ),
    )
    .returning();
  return row;
}

/**
 * Who hears about an answer: the staff member who sent the latest invitation, while they still may
 * sign in as staff; otherwise (they left, or the invitation predates the log) every active staff
 * member and admin, so that an answer is never lost.
 */
export async function invitationNoticeRecipients(participantId: string, executor: Executor): Promise<string[]> {
  const [inviter] = await executor
    .select({ email: users.email, role: users.role, disabledAt: users.disabledAt })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.action, INVITE_ACTION), eq(auditLog.entityType, "event_participant"), eq(auditLog.entityId, participantId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(1);
  if (inviter && !inviter.disabledAt && inviter.role !== "panelist") return [inviter.email];
  const staff = await executor
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.role, ["staff", "admin"]), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  return staff.map((s) => s.email);
}

/** The events of the account's own person that the public may know of, with role and invitation. */
export async function listOwnEvents(userId: string) {
  return db
    .select({
      participantId: eventParticipants.id,
      role: eventParticipants.role,
      positionAtEvent: eventParticipants.positionAtEvent,
      invitationStatus: eventParticipants.invitationStatus,
      event: { ...eventWithVenueColumns, translations: events.translations },
    })
    .from(eventParticipants)
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(people.userId, userId), isPublicEvent))
    .orderBy(asc(events.startsAt), asc(eventParticipants.sortOrder));
}

/** For the participants page: when each invitation went out and was answered, and what was said. */
export async function listInvitationDetails(eventId: string) {
  return db
    .select({
      id: eventParticipants.id,
      invitedAt: eventParticipants.invitedAt,
      respondedAt: eventParticipants.respondedAt,
      invitationMessage: eventParticipants.invitationMessage,
      hasEmail: sql<boolean>`coalesce(${people.email}, '') <> ''`,
    })
    .from(eventParticipants)
    .innerJoin(people, eq(people.id, eventParticipants.personId))
    .where(eq(eventParticipants.eventId, eventId));
}
