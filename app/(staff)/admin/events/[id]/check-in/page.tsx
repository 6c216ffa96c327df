import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckInBoard } from "@/components/check-in-board";
import { DoorPapers } from "@/components/door-papers";
import { EventAdminHeader } from "@/components/event-admin-header";
import { getEventForAdmin } from "@/db/queries/events";
import { MAX_QUERY_LENGTH } from "@/db/queries/search";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { eventClock, homeClock } from "@/lib/time";
import { isUuid } from "@/lib/validations/common";
import { doorAnswer } from "./door";

export const metadata: Metadata = { title: "Check-in" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckInPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRole("staff", `/admin/events/${id}/check-in`);
  const found = isUuid(id) ? await getEventForAdmin(id) : undefined;
  if (!found) notFound();
  const { event, seriesName, venueName, venueCity } = found;
  // Before the board's script runs, the search box is a plain form that comes back here with ?q=.
  const q = (await searchParams).q;
  const query = (typeof q === "string" ? q : "").slice(0, MAX_QUERY_LENGTH);
  const settings = await getSettings();
  const home = homeClock(settings);
  const clock = eventClock(event.timeZone, home);
  const answer = await doorAnswer(event.id, query, clock, true);

  return (
    <div className="space-y-3">
      {/* Compact: at the door the list must start near the top of a tablet's screen. */}
      <EventAdminHeader event={{ ...event, seriesName, venueName, venueCity }} home={{ zone: home.zone, label: settings.homeTimeZoneLabel }} current="check-in" compact />
      <CheckInBoard eventId={event.id} clock={clock} initial={answer} />
      <DoorPapers eventId={event.id} />
    </div>
  );
}
