import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getEventForAdmin } from "@/db/queries/events";
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
