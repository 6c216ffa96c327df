import "server-only";
import { and, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { cache } from "react";
import { db, type Executor } from "@/db";
import {
  agendaItemParticipants,
  agendaItems,
  eventParticipants,
  events,
  media,
  people,
  series,
  topics,
  venues,
} from "@/db/schema";
import { eventHeadingColumns, hasPublicEvent, isAnnouncedParticipant, isPublicEvent, personNameColumns } from "./util";



const personColumns = {
  slug: people.slug,
  ...personNameColumns,
};

/** What a list of public events shows of each: the public pages' lists and the archive. */
export const eventListColumns = {
  ...eventHeadingColumns,
  seriesNumber: events.seriesNumber,
  seriesName: series.name,
  seriesSlug: series.slug,
  topicName: topics.name,
  topicSlug: topics.slug,
  venueName: venues.name,
  venueCity: venues.city,
  // Each page shows them in its language (components/event-card.tsx `cardInLanguage`).
  translations: events.translations,
  seriesTranslations: series.translations,
  topicTranslations: topics.translations,
  venueTranslations: venues.translations,
};

export type PublicEventListItem = Awaited<ReturnType<typeof listEvents>>[number];

function listEvents(where: SQL | undefined, order: "upcoming" | "past", limit: number) {
  return db
    .select(eventListColumns)
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(where)
    .orderBy(order === "upcoming" ? asc(events.startsAt) : desc(events.startsAt), asc(events.slug))
    .limit(limit);
}

/** Events that have not ended, soonest first, and those that have, most recent first. */
async function upcomingAndPast(scope: SQL, now: Date) {
  const [upcoming, past] = await Promise.all([
    listEvents(and(scope, isPublicEvent, gte(events.endsAt, now)), "upcoming", 200),
    listEvents(and(scope, isPublicEvent, lt(events.endsAt, now)), "past", 200),
  ]);
  return { upcoming, past };
}

/** A speaker's name, with its other-language versions: the public event page writes it in the page's language. */
const speakerPersonColumns = { ...personColumns, translations: people.translations };

/**
 * An event as the public page shows it, or undefined for a draft or an unknown address. Four
 * queries whatever the size of the programme: the event, its speakers, its agenda, and the speakers
 * of every agenda item at once. Each record comes with its `translations`, for `publicEventIn` to
 * write the page in another enabled language.
 */
export const getPublicEvent = cache(async (slug: string) => {
  const [event] = await db
    .select({
      ...eventHeadingColumns,
      capacity: events.capacity,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
      description: events.description,
      seriesNumber: events.seriesNumber,
      updatedAt: events.updatedAt,
      translations: events.translations,
      topic: { slug: topics.slug, name: topics.name, translations: topics.translations },
      series: { slug: series.slug, name: series.name, translations: series.translations },
      venue: { name: venues.name, address: venues.address, city: venues.city, country: venues.country, translations: venues.translations },
    })
    .from(events)
    .leftJoin(topics, eq(topics.id, events.topicId))
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(events.slug, slug), isPublicEvent));
  if (!event) return undefined;

  const [speakers, items, itemSpeakers] = await Promise.all([
    db
      .select({
        id: eventParticipants.id,
        role: eventParticipants.role,
        positionAtEvent: eventParticipants.positionAtEvent,
        translations: eventParticipants.translations,
        person: speakerPersonColumns,
        // The approved portrait only: a photo waiting for review lives on the revision, not here.
        portrait: { key: media.storageKey, alt: media.altText, width: media.width, height: media.height },
      })
      .from(eventParticipants)
      .innerJoin(people, eq(people.id, eventParticipants.personId))
      .leftJoin(media, eq(media.id, people.portraitId))
      .where(and(eq(eventParticipants.eventId, event.id), isAnnouncedParticipant))
      .orderBy(asc(eventParticipants.sortOrder), asc(eventParticipants.createdAt)),
    db
      .select({
        id: agendaItems.id,
        kind: agendaItems.kind,
        title: agendaItems.title,
        startsAt: agendaItems.startsAt,
        durationMinutes: agendaItems.durationMinutes,
        description: agendaItems.description,
        translations: agendaItems.translations,
      })
      .from(agendaItems)
      .where(eq(agendaItems.eventId, event.id))
      .orderBy(asc(agendaItems.sortOrder), asc(agendaItems.startsAt), asc(agendaItems.createdAt)),
    db
      .select({
        agendaItemId: agendaItemParticipants.agendaItemId,
        id: eventParticipants.id,
        role: eventParticipants.role,
        positionAtEvent: eventParticipants.positionAtEvent,
        translations: eventParticipants.translations,
        person: speakerPersonColumns,
      })
      .from(agendaItemParticipants)
      .innerJoin(eventParticipants, eq(eventParticipants.id, agendaItemParticipants.participantId))
      .innerJoin(people, eq(people.id, eventParticipants.personId))
      .where(and(eq(eventParticipants.eventId, event.id), isAnnouncedParticipant))
      .orderBy(asc(agendaItemParticipants.sortOrder), asc(eventParticipants.sortOrder)),
  ]);

  const byItem = new Map<string, Omit<(typeof itemSpeakers)[number], "agendaItemId">[]>();
  for (const { agendaItemId, ...speaker } of itemSpeakers) {
    const list = byItem.get(agendaItemId) ?? [];
    list.push(speaker);
    byItem.set(agendaItemId, list);
  }
  const agenda = items.map((item) => ({ ...item, speakers: byItem.get(item.id) ?? [] }));
  return { ...event, speakers, agenda };
});

export type PublicEvent = NonNullable<Awaited<ReturnType<typeof getPublicEvent>>>;
export type PublicSpeaker = PublicEvent["speakers"][number];
export type PublicAgendaItem = PublicEvent["agenda"][number];

/** A topic with its series and its public events, or undefined. */
export async function getPublicTopic(slug: string, now = new Date()) {
  const [topic] = await db
    .select({ id: topics.id, slug: topics.slug, name: topics.name, description: topics.description, translations: topics.translations })
    .from(topics)
    .where(eq(topics.slug, slug));
  if (!topic) return undefined;
  const [topicSeries, { upcoming, past }] = await Promise.all([
    db
      .select({
        slug: series.slug,
        name: series.name,
        description: series.description,
        translations: series.translations,
        hasPublicEvent: sql<boolean>`${hasPublicEvent(eq(events.seriesId, series.id))}`,
      })
      .from(series)
      .where(eq(series.topicId, topic.id))
      .orderBy(asc(series.name)),
    upcomingAndPast(eq(events.topicId, topic.id), now),
  ]);
  // A topic with no public event yet is not published: nothing of it is shown.
  if (upcoming.length + past.length === 0) return undefined;
  return { ...topic, series: topicSeries.filter((s) => s.hasPublicEvent), upcoming, past };
}

/** A series with its topic and its public meetings, or undefined. */
export async function getPublicSeries(slug: string, now = new Date()) {
  const [row] = await db
    .select({
      id: series.id,
      slug: series.slug,
      name: series.name,
      description: series.description,
      translations: series.translations,
      topic: { slug: topics.slug, name: topics.name, translations: topics.translations },
    })
    .from(series)
    .leftJoin(topics, eq(topics.id, series.topicId))
    .where(eq(series.slug, slug));
  if (!row) return undefined;
  const { upcoming, past } = await upcomingAndPast(eq(events.seriesId, row.id), now);
  if (upcoming.length + past.length === 0) return undefined;
  return { ...row, upcoming, past };
}

export const calendarColumns = {
  ...eventHeadingColumns,
  // The entry shows the venue's address and the series' name too: editing either is a new version of
  // it. Moving to another venue touches the event itself, so this never goes back in time.
  updatedAt: sql<Date>`greatest(${events.updatedAt}, ${venues.updatedAt}, ${series.updatedAt})`.mapWith(events.updatedAt),
  description: events.description,
  seriesName: series.name,
  seriesNumber: events.seriesNumber,
  venue: { name: venues.name, address: venues.address, city: venues.city, country: venues.country, translations: venues.translations },
  // The title and the venue in other languages, for an email in the language of the person it goes to.
  translations: events.translations,
  // Which first email a registration gets (lib/registration/seats.ts): read with updatedAt, so that a
  // change of it since shows as a later updatedAt.
  requiresApproval: events.requiresApproval,
};

/**
 * Events with the fields a calendar entry or an email describes them by, drafts included: callers add
 * their own condition (the public ones leave drafts out).
 */
export function selectCalendarSources(executor: Executor = db) {
  return executor
    .select(calendarColumns)
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(venues, eq(venues.id, events.venueId));
}

/** Any event's calendar fields by its id, a draft's too: for the emails of a change to its registrations. */
export async function getEventCalendarSource(eventId: string, executor: Executor = db) {
  const [row] = await selectCalendarSources(executor).where(eq(events.id, eventId));
  return row;
}

/** An event as a calendar entry or an email describes it. */
export type EventCalendarSource = NonNullable<Awaited<ReturnType<typeof getEventCalendarSource>>>;

/** One public event's calendar fields, or undefined for a draft or an unknown address. */
export async function getCalendarEvent(slug: string) {
  const [row] = await selectCalendarSources().where(and(eq(events.slug, slug), isPublicEvent));
  return row;
}

/** Public events that end after `since`, in order, for the subscribable calendar. */
export async function listCalendarEvents(since: Date, limit = 1000) {
  return selectCalendarSources()
    .where(and(isPublicEvent, gte(events.endsAt, since)))
    .orderBy(asc(events.startsAt), asc(events.slug))
    .limit(limit);
}
