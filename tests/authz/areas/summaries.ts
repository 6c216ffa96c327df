import { eq } from "drizzle-orm";
import { db } from "@/db";
import { events, media, summaries, summaryReferences, summaryRevisions } from "@/db/schema";
import { type Expectation, type Fixtures, PUBLIC, route } from "../helpers";

/** A scheduled event with a summary, a revision, a reference and a photo; `f.scratch` is the event. */
async function scratchSummary(f: Fixtures) {
  const startsAt = new Date("2025-02-03T14:00:00Z");
  const [event] = await db
    .insert(events)
    .values({ slug: `summary-event-${f.n}`, title: `Summary event ${f.n}`, timeZone: "Europe/Zurich", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), status: "scheduled" })
    .returning({ id: events.id });
  const [summary] = await db.insert(summaries).values({ eventId: event!.id, title: "A title", body: "Some text." }).returning({ id: summaries.id });
  await db.insert(summaryRevisions).values({ summaryId: summary!.id, title: "Older", body: "Older text." });
  await db.insert(summaryReferences).values({ summaryId: summary!.id, title: "Reference", sortOrder: 0 });
  await db.insert(media).values({
    storageKey: `${f.n}`.padStart(64, "0") + ".jpg",
    mimeType: "image/jpeg",
    width: 10,
    height: 10,
    bytes: 100,
    altText: "A photo",
    eventId: event!.id,
  });
  f.scratch = event!.id;
}

async function summaryState(f: Fixtures) {
  const [summary] = await db.select().from(summaries).where(eq(summaries.eventId, f.scratch!));
  return {
    summary,
    revisions: summary ? (await db.select({ id: summaryRevisions.id }).from(summaryRevisions).where(eq(summaryRevisions.summaryId, summary.id))).length : 0,
    references: summary ? await db.select({ title: summaryReferences.title, translations: summaryReferences.translations }).from(summaryReferences).where(eq(summaryReferences.summaryId, summary.id)) : [],
    photos: await db.select().from(media).where(eq(media.eventId, f.scratch!)),
  };
}

async function firstPhoto(f: Fixtures) {
  const [photo] = await db.select({ id: media.id }).from(media).where(eq(media.eventId, f.scratch!));
  return photo!.id;
}

async function firstReference(f: Fixtures) {
  const [summary] = await db.select({ id: summaries.id }).from(summaries).where(eq(summaries.eventId, f.scratch!));
  const [reference] = await db.select({ id: summaryReferences.id }).from(summaryReferences).where(eq(summaryReferences.summaryId, summary!.id));
  return reference!.id;
}

async function firstRevision(f: Fixtures) {
  const [summary] = await db.select({ id: summaries.id }).from(summaries).where(eq(summaries.eventId, f.scratch!));
  const [revision] = await db.select({ id: summaryRevisions.id }).from(summaryRevisions).where(eq(summaryRevisions.summaryId, summary!.id));
  return revision!.id;
}

const FILE = "app/(staff)/admin/events/[id]/summary/actions.ts";
const staffSummaryAction = (input: (f: Fixtures) => unknown | Promise<unknown>): Expectation => ({
  prepare: scratchSummary,
  call: async (f, mod, name) => (mod[name] as (i: unknown) => Promise<unknown>)(await input(f)),
  state: summaryState,
});

export const summariesArea: Record<string, Expectation> = {
  [`${FILE}#generateSummary`]: staffSummaryAction((f) => ({ eventId: f.scratch, overwrite: true })),
  [`${FILE}#saveSummary`]: staffSummaryAction((f) => ({ eventId: f.scratch, title: "New title", lede: "", body: "New text.", attendanceCount: 12, attendanceWording: "" })),
  [`${FILE}#restoreSummaryRevision`]: staffSummaryAction(async (f) => ({ eventId: f.scratch, revisionId: await firstRevision(f) })),
  [`${FILE}#saveReferences`]: staffSummaryAction((f) => ({ eventId: f.scratch, references: [{ title: "Changed", text: "", url: "https://example.org" }] })),
  [`${FILE}#saveReferenceTranslations`]: staffSummaryAction(async (f) => ({ eventId: f.scratch, language: "ja", references: [{ referenceId: await firstReference(f), title: "参考", text: "" }] })),
  [`${FILE}#updatePhotoDetails`]: staffSummaryAction(async (f) => ({ eventId: f.scratch, id: await firstPhoto(f), caption: "Changed", altText: "Changed" })),
  [`${FILE}#removePhoto`]: staffSummaryAction(async (f) => ({ eventId: f.scratch, id: await firstPhoto(f) })),
  [`${FILE}#orderPhotos`]: staffSummaryAction(async (f) => ({ eventId: f.scratch, ids: [await firstPhoto(f)] })),
  [`${FILE}#publishSummary`]: staffSummaryAction((f) => ({ eventId: f.scratch })),
  [`${FILE}#unpublishSummary`]: staffSummaryAction((f) => ({ eventId: f.scratch })),

  "app/feed.xml/route.ts#GET": { who: PUBLIC, call: route("GET", "/feed.xml") },
};
