import type { NextRequest } from "next/server";
import { getSettings } from "@/db/queries/settings";
import { MAX_QUERY_LENGTH } from "@/db/queries/search";
import { eventClock, homeClock } from "@/lib/time";
import { staffEventRoute } from "../../event-route";
import { doorAnswer } from "../door";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "Not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * The door's search as the board types it: the people with a seat whose words begin with the words
 * typed, the registration a whole code names, and with ?counts=1 the counts. Staff only; to anyone else, nothing here.
 */
export const GET = staffEventRoute<NextRequest>(async ({ event, request }) => {
  const query = (request.nextUrl.searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const settings = await getSettings();
  const withCounts = request.nextUrl.searchParams.get("counts") === "1";
  const answer = await doorAnswer(event.id, query, eventClock(event.timeZone, homeClock(settings)), withCounts);
  // Personal data: no shared cache may keep it.
  return Response.json(answer, { headers: { "Cache-Control": "private, no-store" } });
}, notFound);
