import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { db, type Executor } from "@/db";
import { media, settings, type Settings } from "@/db/schema";
import { type Language, LANGUAGES } from "@/lib/i18n/languages";

export const DEFAULT_RELEASE_LABEL = "Press release";

/** What a fresh install without a settings row goes by. */
export const DEFAULT_SETTINGS: Settings = {
  id: 1,
  organizationName: "Symposia",
  homeTimeZone: "UTC",
  homeTimeZoneLabel: "UTC",
  releaseLabel: DEFAULT_RELEASE_LABEL,
  logoId: null,
  registrationRetentionMonths: 24,
  defaultLanguage: "en",
  enabledLanguages: ["en"],
  updatedAt: new Date(0),
};

/** The site settings, read once per request; a fresh install without a row gets neutral defaults. */
export const getSettings = cache(async (): Promise<Settings> => {
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  return row ?? DEFAULT_SETTINGS;
});

/**
 * The languages a record takes a version in beside the default's (the record's own columns): the
 * enabled ones other than the default, in the order they are offered. Empty when only one is enabled.
 */
export async function getTranslationLanguages(): Promise<Language[]> {
  return translationLanguages(await getSettings());
}

export function translationLanguages({ defaultLanguage, enabledLanguages }: Pick<Settings, "defaultLanguage" | "enabledLanguages">): Language[] {
  return LANGUAGES.filter((l) => l !== defaultLanguage && enabledLanguages.includes(l));
}

export async function getOrganizationName(): Promise<string> {
  return (await getSettings()).organizationName;
}

export type OrganizationLogo = { key: string; width: number; height: number; altText: string };

/** What heads the public pages: the organization's name and its logo, if one was uploaded. */
export const getOrganization = cache(async (): Promise<{ name: string; releaseLabel: string; logo: OrganizationLogo | null }> => {
  const [row] = await db
    .select({ name: settings.organizationName, releaseLabel: settings.releaseLabel, key: media.storageKey, width: media.width, height: media.height })
    .from(settings)
    .leftJoin(media, eq(media.id, settings.logoId))
    .where(eq(settings.id, 1));
  if (!row) return { name: DEFAULT_SETTINGS.organizationName, releaseLabel: DEFAULT_SETTINGS.releaseLabel, logo: null };
  const logo = row.key && row.width && row.height ? { key: row.key, width: row.width, height: row.height, altText: `${row.name} logo` } : null;
  return { name: row.name, releaseLabel: row.releaseLabel, logo };
});

export type SettingsValues = Pick<Settings, "organizationName" | "homeTimeZone" | "homeTimeZoneLabel" | "releaseLabel">;

/** The one settings row, locked for the change: created with the values when a fresh install has none. */
export async function lockSettings(executor: Executor): Promise<Settings | undefined> {
  const [row] = await executor.select().from(settings).where(eq(settings.id, 1)).for("update");
  return row;
}

export async function saveSettingsRow(values: SettingsValues, executor: Executor): Promise<Settings> {
  const [row] = await executor
    .insert(settings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: settings.id, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** How many months after their event registrations keep their personal data. */
export async function setRetentionMonths(months: number, executor: Executor): Promise<void> {
  await executor.update(settings).set({ registrationRetentionMonths: months, updatedAt: new Date() }).where(eq(settings.id, 1));
}

export async function setLanguages(values: Pick<Settings, "defaultLanguage" | "enabledLanguages">, executor: Executor): Promise<void> {
  await executor.update(settings).set({ ...values, updatedAt: new Date() }).where(eq(settings.id, 1));
}

export async function setLogoId(logoId: string | null, executor: Executor): Promise<void> {
  await executor.update(settings).set({ logoId, updatedAt: new Date() }).where(eq(settings.id, 1));
}

/** The language of every record's own columns, and the languages records take versions in. */
export async function getLanguageSettings(): Promise<Pick<Settings, "defaultLanguage" | "enabledLanguages">> {
  const { defaultLanguage, enabledLanguages } = await getSettings();
  return { defaultLanguage, enabledLanguages };
}
