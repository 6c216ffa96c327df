import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getEventForAdmin } from "@/db/queries/events";
import { requireRole } from "@/lib/auth";
import { isUuid } from "@/lib/validations/common";

/**
 * The event an admin page is about, looked up once per request: the layout (for the header and tabs)
 * and the page share it. An unknown or malformed id is "not found".
 */
export const eventForAdmin = cache(async (id: string) => {
  const found = isUuid(id) ? await getEventForAdmin(id) : undefined;
  if (!found) notFound();
  return found;
});

/**
 * The event a staff page under `/admin/events/[id]` is about (`path` is the rest of the address): anyone
 * but staff is sent to sign in and back here, an unknown or malformed id is "not found".
 */
export async function staffEventPage(params: Promise<{ id: string }>, path?: string) {
  const { id } = await params;
  await requireRole("staff", path ? `/admin/events/${id}/${path}` : `/admin/events/${id}`);
  return { id, ...(await eventForAdmin(id)) };
}
