import "server-only";
import { getSummary, listEventPhotos } from "@/db/queries/summaries";
import { PLACEHOLDER } from "@/lib/summary-draft";

/** Why a summary cannot be published yet, in words staff can act on; empty when it can. */
export async function publishProblems(eventId: string): Promise<string[]> {
  const [summary, photos] = await Promise.all([getSummary(eventId), listEventPhotos(eventId)]);
  return summaryProblems(summary, photos);
}

/** The same, for a summary and photos already read. */
export function summaryProblems(summary: { title: string; body: string } | undefined, photos: { altText: string | null }[]): string[] {
  const problems: string[] = [];
  if (!summary?.title.trim()) problems.push("The summary has no title.");
  if (!summary?.body.trim()) problems.push("The summary has no text.");
  const placeholders = Object.values(PLACEHOLDER).filter((p) => summary?.body.includes(p));
  if (placeholders.length) problems.push(`The text still has placeholders to replace: ${placeholders.join(", ")}.`);
  const missingAlt = photos.filter((p) => !p.altText?.trim()).length;
  if (missingAlt) problems.push(`${missingAlt} photo${missingAlt === 1 ? " has" : "s have"} no description (alt text) for people who cannot see it.`);
  return problems;
}
