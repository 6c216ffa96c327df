import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { events, registrations, series, settings, venues } from "@/db/schema";
import { askedQuestionsJson, questionsFromJson } from "./event-questions";
import { calendarColumns } from "./public";
import { holdsToken, waitlistPositionSql } from "./registrations";
import { DEFAULT_SETTINGS } from "./settings";
import { eventHeadingColumns, isPublicEvent } from "./util";

// What the public's registration pages read: the seats of an event, the event to register for, and a
// registration by its manage link. A draft is never found here.

/** What the public registration section needs: seats, categories, questions, how many hold a seat, whether registrations are reviewed. */
export async function getRegistrationAvailability(eventId: string) {
  const [row] = await db
    .select({
      capacity: events.capacity,
      categories: events.registrationCategories,
      requiresApproval: events.requiresApproval,
      questions: askedQuestionsJson,
      // Named through the table: in a one-table query a bare column would resolve inside the subquery.
      confirmed: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events}.id and r.status = 'confirmed')`,
    })
    .from(events)
    .where(eq(events.id, eventId));
  return row && { ...row, questions: questionsFromJson(row.questions) };
}

/**
 * A public event by its address, for a registration: its questions and when it last changed, read
 * together (a later change to the questions makes the event newer than `updatedAt`), and, in the same
 * statement, the details its emails describe it by (`details`, as `getEventCalendarSource` reads them)
 * and the settings they need. A draft is as absent as an unknown address.
 */
export async function findPublicEventBySlug(slug: string) {
  const [row] = await db
    .select({
      ...calendarColumns,
      categories: events.registrationCategories,
      questionsReadAt: events.updatedAt,
      questions: askedQuestionsJson,
      settings: { organizationName: settings.organizationName, homeTimeZone: settings.homeTimeZone, homeTimeZoneLabel: settings.homeTimeZoneLabel, defaultLanguage: settings.defaultLanguage },
    })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .leftJoin(settings, eq(settings.id, 1))
    .where(and(eq(events.slug, slug), isPublicEvent));
  if (!row) return undefined;
  const { categories, questionsReadAt, questions, settings: found, ...details } = row;
  return {
    id: row.id,
    slug: row.slug,
    categories,
    updatedAt: questionsReadAt,
    questions: questionsFromJson(questions),
    details,
    settings: found ?? DEFAULT_SETTINGS,
  };
}

/** The registration a manage link points at, with the event it belongs to (never a draft's). */
export async function getManagedRegistration(tokenHash: string) {
  const [row] = await db
    .select({
      registration: registrations,
      waitlistPosition: waitlistPositionSql,
      event: {
        ...eventHeadingColumns,
        translations: events.translations,
      },
      venue: { name: venues.name, address: venues.address, city: venues.city, country: venues.country, translations: venues.translations },
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(holdsToken(tokenHash), isPublicEvent));
  return row;
}
