import "server-only";
import { revalidatePath, unstable_cache, updateTag } from "next/cache";
import { cache } from "react";
import { LANGUAGES } from "@/lib/i18n/languages";

/**
 * How the public pages are cached, and what marks them stale.
 *
 * The home, event, summary, topic and series pages and the feeds are rendered once and then served from
 * Next.js's route cache (ISR) until one of two things happens:
 *   - a staff action changes what they show: it calls `publicChanged(...)`, which expires the cache tags
 *     of every page that shows the change, and the next request renders those pages afresh (blocking,
 *     so nobody is served the old copy from this server);
 *   - their time runs out (`revalidate` of each route): for what changes with the clock alone, such as an
 *     event moving from "upcoming" to "past" or registration opening. The next request after that is still
 *     served the old copy while a fresh one is rendered in the background.
 * Seats left on an event page come from the second: the page's `revalidate` is a few seconds, so a
 * registration never renders the page itself (the public registration action marks nothing).
 *
 * A page is tagged by calling `tagPage(...)` while it renders: the tags are recorded on its cache entry.
 */

/** The cache tags of the public pages. Ids, not slugs: every staff action knows the id of what it changed. */
export const PUBLIC_TAGS = {
  /** Every public page: the layout shows the organization's name and logo, pages use its time zone. */
  site: "public",
  /** Pages listing events, summaries or topics across the site: home, the feeds, the calendars. */
  lists: "public:lists",
  /** Every event page and event summary (names of topics, series, venues and people shown on them). */
  events: "public:events",
  /** Every topic page (each lists its series and its events). */
  topics: "public:topics",
  /** Every series page (each names its topic and lists its meetings). */
  series: "public:series",
  /** Pages cached as "not found" (an address that may come to exist once staff publish or create it). */
  missing: "public:missing",
  event: (id: string) => `public:event:${id}`,
  topic: (id: string) => `public:topic:${id}`,
  oneSeries: (id: string) => `public:series:${id}`,
} as const;

/** The tags each kind of public page carries (every one also carries `site`, added by the layout). */
export const PAGE_TAGS = {
  /** Home, /feed.xml and /calendar.ics. */
  lists: (): string[] => [PUBLIC_TAGS.site, PUBLIC_TAGS.lists],
  /** An event page, its summary and its calendar file. */
  event: (id: string): string[] => [PUBLIC_TAGS.site, PUBLIC_TAGS.events, PUBLIC_TAGS.event(id)],
  /** A topic page, its feed and its calendar. */
  topic: (id: string): string[] => [PUBLIC_TAGS.site, PUBLIC_TAGS.topics, PUBLIC_TAGS.topic(id)],
  /** A series page and its calendar. */
  series: (id: string): string[] => [PUBLIC_TAGS.site, PUBLIC_TAGS.series, PUBLIC_TAGS.oneSeries(id)],
  /** Any of those addresses while it shows "not found" (an unknown, draft or unpublished address). */
  missing: (): string[] => [PUBLIC_TAGS.site, PUBLIC_TAGS.missing],
};

/** What a staff action changed, in the terms of what the public pages show. */
export type PublicChange =
  /** Organization name, logo, home time zone, press-release label. */
  | { kind: "settings" }
  /** An event's details, status, agenda, participants, summary or registration settings (or its deletion). */
  | { kind: "event"; id: string }
  /** Seats taken or freed, or the capacity, of one event: its page only (the lists do not show seats). */
  | { kind: "seats"; id: string }
  /** A topic's name, description or address, or a new or deleted topic (no id). */
  | { kind: "topic"; id?: string }
  /** A series' name, description, topic or address, or a new or deleted series (no id). */
  | { kind: "series"; id?: string }
  /** A venue's name or address (shown on event pages and event cards). */
  | { kind: "venue" }
  /** A person's public profile (name, photo, position shown beside the events they speak at). */
  | { kind: "person" };

/** The tags that a change marks stale: every public page that shows what changed carries at least one. */
export function publicTagsFor(change: PublicChange): string[] {
  const T = PUBLIC_TAGS;
  switch (change.kind) {
    case "settings":
      return [T.site];
    case "event":
      // The event's own pages, every list that may show it, and its address if it was cached as missing.
      return [T.event(change.id), T.lists, T.topics, T.series, T.missing];
    case "seats":
      return [T.event(change.id)];
    case "topic":
      // Home lists the topics; event and series pages name theirs.
      return [...(change.id ? [T.topic(change.id)] : []), T.lists, T.events, T.series, T.missing];
    case "series":
      // Topic pages list their series; event pages and cards name theirs.
      return [...(change.id ? [T.oneSeries(change.id)] : []), T.lists, T.events, T.topics, T.missing];
    case "venue":
      return [T.lists, T.events, T.topics, T.series];
    case "person":
      return [T.events];
  }
}

/** Every tag the changes mark, once each. */
export function publicTagsForAll(changes: PublicChange[]): string[] {
  return [...new Set(changes.flatMap(publicTagsFor))];
}

/**
 * Marks stale, at once, every public page showing what a staff action changed: the next request renders
 * it afresh. For Server Actions only (Next.js's `updateTag`); the action's own response then also carries
 * a fresh render of the page it was called from, as with `revalidatePath`.
 */
export function publicChanged(...changes: PublicChange[]): void {
  for (const tag of publicTagsForAll(changes)) updateTag(tag);
}

/** True while `next build` prerenders: there is no database then (db/index.ts refuses to open one). */
export function prerenderingAtBuild(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/**
 * Records cache tags on the page or route handler being rendered, so that `publicChanged` marks its
 * cached copy stale. Next.js collects the tags of every `unstable_cache` call made during a render onto
 * the route's cache entry; this one caches nothing but that.
 */
export async function tagPage(tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].sort();
  await unstable_cache(async () => true, ["public-page-tags", ...unique], { tags: unique })();
}

/**
 * A page's reader of what its address shows (an event, topic or series by slug): read once per render,
 * since the metadata and the page both need it, and the page tagged with what it found, or as missing.
 */
export function taggedLoader<T extends { id: string }>(read: (slug: string) => Promise<T | null | undefined>, tags: (id: string) => string[]) {
  return cache(async (slug: string): Promise<T | null | undefined> => {
    const found = await read(slug);
    await tagPage(found ? tags(found.id) : PAGE_TAGS.missing());
    return found;
  });
}

/**
 * The event page's registration card changed its kind: the last seat was taken, so the form now
 * offers the waitlist. Only then, not for every registration: marking the page stale in a Server
 * Action makes the action's answer carry a fresh render of the page, and in a rush that is one render
 * per registration. The number of seats left follows the page's own revalidation period.
 */
export function registrationAvailabilityChanged(slug: string): void {
  revalidatePath(`/events/${slug}`);
  // The same page in the other languages (an address in a language not enabled is simply not cached).
  for (const language of LANGUAGES) revalidatePath(`/${language}/events/${slug}`);
}
