import "server-only";
import { db, type Executor } from "@/db";
import { getSummary, listEventPhotos } from "@/db/queries/summaries";
import { PLACEHOLDER } from "@/lib/summary-draft";

type SummaryText = { title: string; body: string };
type PhotoText = { altText: string | null };

// What the draft generator writes for staff to replace: its named placeholders, and the stand-ins it
// uses when the agenda names no speaker.
const DRAFT_MARKERS = [...Object.values(PLACEHOLDER), "[the speaker]", "[the host]"];

/** A photo the public may see: it has a description for people who cannot see it. */
export function isPublishablePhoto(photo: PhotoText): boolean {
  return Boolean(photo.altText?.trim());
}

/** What is wrong with a summary's text for the public to read, by field; empty when nothing is. */
export function textProblemsByField(summary: SummaryText | undefined): { title?: string; body?: string } {
  const out: { title?: string; body?: string } = {};
  if (!summary?.title.trim()) out.title = "The summary has no title.";
  const body = summary?.body ?? "";
  if (!body.trim()) out.body = "The summary has no text.";
  else {
    const markers = DRAFT_MARKERS.filter((p) => body.includes(p));
    if (markers.length) out.body = `The text still has placeholders to replace: ${markers.join(", ")}.`;
  }
  return out;
}

/** The same, as a list of sentences. */
export function textProblems(summary: SummaryText | undefined): string[] {
  const { title, body } = textProblemsByField(summary);
  return [title, body].filter((p): p is string => Boolean(p));
}

export function photoProblems(photos: PhotoText[]): string[] {
  const missingAlt = photos.filter((p) => !isPublishablePhoto(p)).length;
  return missingAlt ? [`${missingAlt} photo${missingAlt === 1 ? " has" : "s have"} no description (alt text) for people who cannot see it.`] : [];
}

/** Why a summary cannot be published yet, in words staff can act on; empty when it can. */
export function summaryProblems(summary: SummaryText | undefined, photos: PhotoText[]): string[] {
  return [...textProblems(summary), ...photoProblems(photos)];
}

/**
 * The same, read from the database. Inside a transaction that holds the summary's lock
 * (`lockSummary`), nobody can change the text between this check and what the transaction does next.
 */
export async function publishProblems(eventId: string, executor: Executor = db): Promise<string[]> {
  const summary = await getSummary(eventId, executor);
  const photos = await listEventPhotos(eventId, executor);
  return summaryProblems(summary, photos);
}
