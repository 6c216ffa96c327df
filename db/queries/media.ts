import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { events, type Media, media, people, settings, summaries, users } from "@/db/schema";
import { isPublicEvent } from "./util";

export async function insertMedia(values: typeof media.$inferInsert, executor: Executor = db): Promise<Media> {
  const [row] = await executor.insert(media).values(values).returning();
  return row!;
}

/**
 * The bytes stored for the account's uploads. Locks the account until the transaction ends, so that
 * uploads in parallel (from several app instances too) count one after the other against the quota.
 */
export async function lockStoredBytesOf(userId: string, executor: Executor): Promise<number> {
  await executor.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
  return storedBytesOf(userId, executor);
}

/** The bytes stored for the account's uploads, without a lock: a quick check before the work. */
export async function storedBytesOf(userId: string, executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ bytes: sql<string>`coalesce(sum(${media.bytes}), 0)` })
    .from(media)
    .where(eq(media.uploadedById, userId));
  return Number(row?.bytes ?? 0);
}

export async function getMedia(id: string, executor: Executor = db): Promise<Media | undefined> {
  const [row] = await executor.select().from(media).where(eq(media.id, id));
  return row;
}

/**
 * The photo has a description (alt text) that is not blank: the rule an event photo meets before the
 * public sees it, on the page, in link previews and at its address.
 */
export const hasDescription = sql<boolean>`coalesce(btrim(${media.altText}) <> '', false)`;

const portraitOf = alias(people, "portrait_of");
const owner = alias(people, "owner");

/**
 * Who may see the file stored under `key`. One file can back several media rows (the same photo
 * uploaded twice, or a copy with other alt text), so it is public when any of them is:
 * - a portrait approved onto a person (`people.portrait_id`), or
 * - a photo of an event that is not a draft, on its published summary, with alt text (a photo
 *   needs a description before it is published), or
 * - the organization's logo (settings), which heads every public page.
 * Otherwise only staff, the uploader and the person it portrays may see it.
 */
export async function mediaAccess(key: string) {
  const rows = await db
    .select({
      mimeType: media.mimeType,
      uploadedById: media.uploadedById,
      ownerUserId: owner.userId,
      approvedPortrait: sql<boolean>`${portraitOf.id} is not null`,
      publishedEventPhoto: sql<boolean>`coalesce(${isPublicEvent} and ${summaries.status} = 'published' and ${hasDescription}, false)`,
      organizationLogo: sql<boolean>`${settings.id} is not null`,
    })
    .from(media)
    .leftJoin(portraitOf, eq(portraitOf.portraitId, media.id))
    .leftJoin(owner, eq(owner.id, media.personId))
    .leftJoin(events, eq(events.id, media.eventId))
    .leftJoin(summaries, eq(summaries.eventId, media.eventId))
    .leftJoin(settings, eq(settings.logoId, media.id))
    .where(eq(media.storageKey, key));
  if (rows.length === 0) return undefined;
  return {
    mimeType: rows[0]!.mimeType,
    isPublic: rows.some((r) => r.approvedPortrait || r.publishedEventPhoto || r.organizationLogo),
    viewerIds: new Set(rows.flatMap((r) => [r.uploadedById, r.ownerUserId]).filter((id): id is string => Boolean(id))),
  };
}

/** A person's portrait as the public sees it: the approved one, with its alt text. */
export async function approvedPortrait(personId: string, executor: Executor = db) {
  const [row] = await executor
    .select({ id: media.id, key: media.storageKey, alt: media.altText, width: media.width, height: media.height })
    .from(people)
    .innerJoin(media, eq(media.id, people.portraitId))
    .where(eq(people.id, personId));
  return row;
}

/**
 * A media row the person may put on their profile: uploaded for them (by them or by staff), or the
 * portrait already approved for them. Someone else's photo is never one of these.
 */
export async function portraitChoice(mediaId: string, personId: string, executor: Executor) {
  const [row] = await executor
    .select()
    .from(media)
    .where(and(eq(media.id, mediaId), eq(media.personId, personId)));
  if (row) return row;
  const [current] = await executor
    .select({ m: media })
    .from(people)
    .innerJoin(media, eq(media.id, people.portraitId))
    .where(and(eq(people.id, personId), eq(people.portraitId, mediaId)));
  return current?.m;
}

/** Whether any person shows this media row publicly. */
export async function isApprovedPortrait(mediaId: string, executor: Executor): Promise<boolean> {
  const [row] = await executor.select({ id: people.id }).from(people).where(eq(people.portraitId, mediaId)).limit(1);
  return Boolean(row);
}

export async function setMediaAltText(id: string, altText: string | null, executor: Executor): Promise<void> {
  await executor.update(media).set({ altText }).where(eq(media.id, id));
}
