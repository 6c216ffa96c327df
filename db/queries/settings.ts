import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/db";
import { settings, type Settings } from "@/db/schema";

const FALLBACK: Settings = {
  id: 1,
  organizationName: "Symposia",
  homeTimeZone: "UTC",
  homeTimeZoneLabel: "UTC",
  updatedAt: new Date(0),
};

/** The site settings, read once per request; a fresh install without a row gets neutral defaults. */
export const getSettings = cache(async (): Promise<Settings> => {
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  return row ?? FALLBACK;
});

export async function getOrganizationName(): Promise<string> {
  return (await getSettings()).organizationName;
}
