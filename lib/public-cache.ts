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

/**
 * The event page's registration card changed its kind: the last seat was taken, so the form now
 * offers the waitlist. Only then, not for every registration: marking the page stale in a Server
 * Action makes the action's answer carry a fresh render of the page, and in a rush that is one render
 * per registration. The number of seats left follows the page's own revalidation period.
 */
export function registrationAvailabilityChanged(slug: string): void {
  revalidatePath(`/events/${slug}`);
}
