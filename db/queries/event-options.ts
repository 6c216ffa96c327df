import "server-only";
import { asc, eq, max } from "drizzle-orm";
import { db } from "@/db";
import { events, people, series, venues } from "@/db/schema";
import { getSettings, translationLanguages } from "./settings";
import { topicOptions } from "./topics";
import { personTitleColumns } from "./util";

/** Series for the event form, each with the number its next meeting would take. */
export async function seriesPickerOptions() {
  const rows = await db
    .select({ id: series.id, name: series.name, topicId: series.topicId, highest: max(events.seriesNumber) })
    .from(series)
    .leftJoin(events, eq(events.seriesId, series.id))
    .groupBy(series.id)
    .orderBy(asc(series.name));
  return rows.map(({ highest, ...s }) => ({ ...s, nextNumber: (highest ?? 0) + 1 }));
}
export type SeriesPickerOption = Awaited<ReturnType<typeof seriesPickerOptions>>[number];

/** Venues for the event form, each with the time zone an event there defaults to. */
export async function venuePickerOptions() {
  return db
    .select({ id: venues.id, name: venues.name, city: venues.city, timeZone: venues.timeZone })
    .from(venues)
    .orderBy(asc(venues.name), asc(venues.city));
}
export type VenuePickerOption = Awaited<ReturnType<typeof venuePickerOptions>>[number];

/** People for the participant picker, by family name, with the position a new participant starts with. */
export async function personPickerOptions() {
  return db
    .select({
      id: people.id,
      ...personTitleColumns,
    })
    .from(people)
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id));
}
export type PersonPickerOption = Awaited<ReturnType<typeof personPickerOptions>>[number];

/** Every IANA zone the runtime knows, for the time zone field's suggestions. */
function knownTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}

/** Everything the event form offers to choose from, and the home zone its time preview shows. */
export async function eventFormOptions() {
  const [topics, series, venues, settings] = await Promise.all([topicOptions(), seriesPickerOptions(), venuePickerOptions(), getSettings()]);
  return {
    topics,
    series,
    venues,
    timeZones: knownTimeZones(),
    home: { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel },
    languages: translationLanguages(settings),
  };
}
