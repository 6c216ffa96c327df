import type { Metadata } from "next";
import { CheckInBoard } from "@/components/check-in-board";
import { DoorPapers } from "@/components/door-papers";
import { MAX_QUERY_LENGTH } from "@/db/queries/search";
import { getSettings } from "@/db/queries/settings";
import { eventClock, homeClock } from "@/lib/time";
import { doorAnswer } from "./door";
import { staffEventPage } from "../event";

export const metadata: Metadata = { title: "Check-in" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckInPage({ params, searchParams }: Props) {
  const { event } = await staffEventPage(params, "check-in");
  // Before the board's script runs, the search box is a plain form that comes back here with ?q=.
  const q = (await searchParams).q;
  const query = (typeof q === "string" ? q : "").slice(0, MAX_QUERY_LENGTH);
  const settings = await getSettings();
  const clock = eventClock(event.timeZone, homeClock(settings));
  const answer = await doorAnswer(event.id, query, clock, true);

  return (
    <div className="space-y-3">
      <CheckInBoard eventId={event.id} clock={clock} initial={answer} />
      <DoorPapers eventId={event.id} />
    </div>
  );
}
