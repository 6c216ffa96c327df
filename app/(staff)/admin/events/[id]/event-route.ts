import "server-only";
import { getEvent } from "@/db/queries/events";
import { type CurrentUser, getCurrentUser, hasRole } from "@/lib/auth";
import { isUuid } from "@/lib/validations/common";

type Event = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** A file that does not exist, as plain text and kept by no cache. */
export const textNotFound = () =>
  new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * A route handler of one event for staff: it authenticates and authorizes on every request, and to anyone
 * but staff, as for an unknown or malformed id, it answers `notFound()` (the event's files do not exist).
 */
export function staffEventRoute<R extends Request>(
  handler: (context: { event: Event; user: CurrentUser; request: R }) => Promise<Response>,
  notFound: () => Response = textNotFound,
) {
  return async (request: R, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const user = await getCurrentUser();
    if (!user || !hasRole(user.role, "staff")) return notFound();
    const { id } = await params;
    const event = isUuid(id) ? await getEvent(id) : undefined;
    if (!event) return notFound();
    return handler({ event, user, request });
  };
}
