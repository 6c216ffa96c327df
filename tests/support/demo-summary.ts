import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { listEventPhotos } from "@/db/queries/summaries";
import { events, summaries } from "@/db/schema";
import { db } from "./db";

/**
 * Takes the demo's published summary of an event back to where staff start, through the editor's own
 * actions: unpublished, its photos removed, its references and text emptied. Call it acting as staff.
 */
export async function clearDemoSummary(eventId: string): Promise<void> {
  const { removePhoto, saveReferences, saveSummary, unpublishSummary } = await import("@/app/(staff)/admin/events/[id]/summary/actions");
  expect((await unpublishSummary({ eventId })).ok).toBe(true);
  for (const photo of await listEventPhotos(eventId)) expect((await removePhoto({ eventId, id: photo.id })).ok).toBe(true);
  expect((await saveReferences({ eventId, references: [] })).ok).toBe(true);
  const [summary] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
  const emptied = await saveSummary({ eventId, title: "", lede: "", body: "", baseUpdatedAt: summary!.updatedAt.toISOString() });
  expect(emptied.ok).toBe(true);
}

/** Puts `summary`, published on March 20, 2024, in place of the demo's summary of the fourth WPS + Innovation meeting. */
export async function replaceDemoSummary(summary: { title: string; lede?: string; body: string }): Promise<void> {
  const [fourth] = await db.select().from(events).where(eq(events.slug, "wps-innovation-4-from-the-united-nations"));
  await db.delete(summaries).where(eq(summaries.eventId, fourth!.id));
  await db.insert(summaries).values({ eventId: fourth!.id, status: "published", ...summary, publishedAt: new Date("2024-03-20T00:00:00Z") });
}
