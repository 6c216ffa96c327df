import "server-only";
import { revalidatePath } from "next/cache";

/**
 * Marks the public pages that show an event as out of date, so that the next request renders them
 * afresh: the event page and its summary, the home page, the summaries feed and the sitemap. Topic and series pages
 * are rendered per request and need nothing.
 */
export function publicEventChanged(slug: string): void {
  revalidatePath(`/events/${slug}`);
  revalidatePath(`/events/${slug}/summary`);
  revalidatePath("/");
  revalidatePath("/feed.xml");
  revalidatePath("/sitemap.xml");
}
