import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  agendaItemParticipants,
  agendaItems,
  eventParticipants,
  events,
  media,
  people,
  series,
  settings as settingsTable,
  type Summary,
  summaries,
  summaryReferences,
  summaryRevisions,
  venues,
} from "@/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { withTranslation } from "@/lib/i18n/localize";
import type { DraftInput } from "@/lib/summary-draft";
import { hasDescription } from "./media";
import { countCheckedIn } from "./check-in";
import { personNameColumns } from "./util";

export async function getSummary(eventId: string, executor: Executor = db): Promise<Summary | undefined> {
  const [row] = await executor.select().from(summaries).where(eq(summaries.eventId, eventId));
  return row;
}

/** The event's summary row, made empty on first use; locked for the rest of the transaction. */
export async function lockSummary(eventId: string, tx: Executor): Promise<Summary> {
  await tx.insert(summaries).values({ eventId }).onConflictDoNothing({ target: summaries.eventId });
  const [row] = await tx.select().from(summaries).where(eq(summaries.eventId, eventId)).for("update");
  return row!;
}

/** The event's summary row locked for the rest of the transaction, or undefined when it has none yet. */
export async function lockExistingSummary(eventId: string, tx: Executor): Promise<Summary | undefined> {
  const [row] = await tx.select().from(summaries).where(eq(summaries.eventId, eventId)).for("update");
  return row;
}

export async function updateSummaryRow(id: string, values: Partial<typeof summaries.$inferInsert>, executor: Executor = db) {
  const [row] = await executor.update(summaries).set(values).where(eq(summaries.id, id)).returning();
  return row!;
}

export async function insertSummaryRevision(values: typeof summaryRevisions.$inferInsert, executor: Executor = db) {
  const [row] = await executor.insert(summaryRevisions).values(values).returning({ id: summaryRevisions.id });
  return row!.id;
}

/** The revisions of one language's version: `null` for the default language's (the summary's own columns). */
export async function listSummaryRevisions(summaryId: string, limit = 50, language: Language | null = null) {
  return db
    .select({ id: summaryRevisions.id, title: summaryRevisions.title, createdAt: summaryRevisions.createdAt, body: summaryRevisions.body })
    .from(summaryRevisions)
    .where(and(eq(summaryRevisions.summaryId, summaryId), language ? eq(summaryRevisions.language, language) : isNull(summaryRevisions.language)))
    .orderBy(desc(summaryRevisions.createdAt), desc(summaryRevisions.id))
    .limit(limit);
}

export async function getSummaryRevision(summaryId: string, revisionId: string, executor: Executor = db) {
  const [row] = await executor
    .select()
    .from(summaryRevisions)
    .where(and(eq(summaryRevisions.id, revisionId), eq(summaryRevisions.summaryId, summaryId)));
  return row;
}

export async function listReferences(summaryId: string, executor: Executor = db) {
  return executor
    .select({ id: summaryReferences.id, title: summaryReferences.title, text: summaryReferences.text, url: summaryReferences.url, translations: summaryReferences.translations })
    .from(summaryReferences)
    .where(eq(summaryReferences.summaryId, summaryId))
    .orderBy(asc(summaryReferences.sortOrder), asc(summaryReferences.id));
}

/**
 * Replaces the reference list with the given one, in its order. A reference that names the one it
 * was (`referenceId`) keeps that one's translations: editing the list in the default language does not
 * lose the other languages' versions.
 */
export async function replaceReferences(
  summaryId: string,
  references: { title: string; text: string | null; url: string | null; referenceId?: string | null }[],
  tx: Executor,
) {
  const before = await tx.select({ id: summaryReferences.id, translations: summaryReferences.translations }).from(summaryReferences).where(eq(summaryReferences.summaryId, summaryId));
  const kept = new Map(before.map((r) => [r.id, r.translations]));
  await tx.delete(summaryReferences).where(eq(summaryReferences.summaryId, summaryId));
  if (references.length) {
    await tx.insert(summaryReferences).values(
      references.map(({ referenceId, ...r }, i) => ({ ...r, summaryId, sortOrder: i, translations: (referenceId && kept.get(referenceId)) || {} })),
    );
  }
}

/** Sets the references' versions in `language` (title and text); the list itself is the default language's. */
export async function setReferenceTranslations(summaryId: string, language: Language, items: { referenceId: string; title: string | null; text: string | null }[], tx: Executor) {
  const current = await listReferences(summaryId, tx);
  for (const item of items) {
    const reference = current.find((r) => r.id === item.referenceId);
    if (!reference) continue;
    await tx
      .update(summaryReferences)
      .set({ translations: withTranslation(reference.translations, language, { title: item.title, text: item.text }) })
      .where(and(eq(summaryReferences.id, reference.id), eq(summaryReferences.summaryId, summaryId)));
  }
}

const photoColumns = {
  id: media.id,
  storageKey: media.storageKey,
  width: media.width,
  height: media.height,
  caption: media.caption,
  altText: media.altText,
  translations: media.translations,
  sortOrder: media.sortOrder,
};

/** Every photo of the event, in order, as staff manage them. */
export async function listEventPhotos(eventId: string, executor: Executor = db) {
  return executor
    .select(photoColumns)
    .from(media)
    .where(eq(media.eventId, eventId))
    .orderBy(asc(media.sortOrder), asc(media.createdAt), asc(media.id));
}

/**
 * The event's photos the public may see, in order: those with a description. A photo added after
 * publishing, or still waiting for its description, stays off the page (and out of link previews)
 * instead of showing as a broken image, since its address answers only to staff.
 */
export async function listPublicEventPhotos(eventId: string, executor: Executor = db) {
  return executor
    .select(photoColumns)
    .from(media)
    .where(and(eq(media.eventId, eventId), hasDescription))
    .orderBy(asc(media.sortOrder), asc(media.createdAt), asc(media.id));
}

export async function updateEventPhoto(
  eventId: string,
  id: string,
  values: { caption: string | null; altText: string | null } | { translations: (typeof media.$inferSelect)["translations"] },
  executor: Executor = db,
) {
  const rows = await executor
    .update(media)
    .set(values)
    .where(and(eq(media.id, id), eq(media.eventId, eventId)))
    .returning({ id: media.id });
  return rows.length > 0;
}

/** Sets a photo's caption and description in `language`, not the default; false when it is not the event's. */
export async function updateEventPhotoTranslation(eventId: string, id: string, language: Language, values: { caption: string | null; altText: string | null }, tx: Executor) {
  const [photo] = await tx.select({ translations: media.translations }).from(media).where(and(eq(media.id, id), eq(media.eventId, eventId))).for("update");
  if (!photo) return false;
  return updateEventPhoto(eventId, id, { translations: withTranslation(photo.translations, language, values) }, tx);
}

export async function deleteEventPhoto(eventId: string, id: string, executor: Executor = db) {
  const rows = await executor.delete(media).where(and(eq(media.id, id), eq(media.eventId, eventId))).returning({ id: media.id });
  return rows.length > 0;
}

/** Sets the photos' order to the given one; ids of other events' photos are ignored. */
export async function orderEventPhotos(eventId: string, ids: string[], tx: Executor) {
  for (const [i, id] of ids.entries()) {
    await tx.update(media).set({ sortOrder: i }).where(and(eq(media.id, id), eq(media.eventId, eventId)));
  }
}

/** Everything the draft generator needs, read from the event's own records. */
export async function draftInputForEvent(eventId: string, executor: Executor = db): Promise<DraftInput | undefined> {
  const [event] = await executor
    .select({
      id: events.id,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timeZone: events.timeZone,
      seriesName: series.name,
      seriesNumber: events.seriesNumber,
      venueName: venues.name,
      venueCity: venues.city,
      venueCountry: venues.country,
      translations: events.translations,
      seriesTranslations: series.translations,
      venueTranslations: venues.translations,
    })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.id, eventId));
  if (!event) return undefined;

  const [[settings], participants, agenda, attendance] = await Promise.all([
    executor.select().from(settingsTable).where(eq(settingsTable.id, 1)),
    executor
      .select({
        id: eventParticipants.id,
        role: eventParticipants.role,
        positionAtEvent: eventParticipants.positionAtEvent,
        translations: eventParticipants.translations,
        ...personNameColumns,
        position: people.position,
        personTranslations: people.translations,
      })
      .from(eventParticipants)
      .innerJoin(people, eq(people.id, eventParticipants.personId))
      .where(and(eq(eventParticipants.eventId, eventId), ne(eventParticipants.invitationStatus, "declined")))
      .orderBy(asc(eventParticipants.sortOrder)),
    executor
      .select({ id: agendaItems.id, kind: agendaItems.kind, title: agendaItems.title })
      .from(agendaItems)
      .where(eq(agendaItems.eventId, eventId))
      .orderBy(asc(agendaItems.sortOrder)),
    countCheckedIn(eventId, executor),
  ]);
  const links = agenda.length
    ? await executor
        .select({ agendaItemId: agendaItemParticipants.agendaItemId, participantId: agendaItemParticipants.participantId })
        .from(agendaItemParticipants)
        .where(inArray(agendaItemParticipants.agendaItemId, agenda.map((a) => a.id)))
        .orderBy(asc(agendaItemParticipants.sortOrder))
    : [];

  return {
    event: {
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      seriesName: event.seriesName,
      seriesNumber: event.seriesNumber,
      venue: event.venueName
        ? { name: event.venueName, city: event.venueCity, country: event.venueCountry, translations: event.venueTranslations ?? {} }
        : null,
      translations: event.translations,
      seriesTranslations: event.seriesTranslations ?? {},
    },
    home: { timeZone: settings?.homeTimeZone ?? "UTC", label: settings?.homeTimeZoneLabel ?? "UTC" },
    participants: participants.map((p) => ({
      id: p.id,
      role: p.role,
      positionAtEvent: p.positionAtEvent,
      translations: p.translations,
      person: {
        honorific: p.honorific,
        givenName: p.givenName,
        familyName: p.familyName,
        nameOrder: p.nameOrder,
        position: p.position,
        translations: p.personTranslations,
      },
    })),
    agenda: agenda.map((a) => ({
      kind: a.kind,
      title: a.title,
      participantIds: links.filter((l) => l.agendaItemId === a.id).map((l) => l.participantId),
    })),
    attendance: attendance || null,
    defaultLanguage: settings?.defaultLanguage ?? "en",
  };
}

