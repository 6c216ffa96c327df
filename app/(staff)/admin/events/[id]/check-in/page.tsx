import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckInBoard } from "@/components/check-in-board";
import { EventAdminHeader } from "@/components/event-status-header";
import { getEventForAdmin } from "@/db/queries/events";
import { listForCheckIn } from "@/db/queries/registrations";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { eventClock, formatStaffTime, homeClock } from "@/lib/time";
import { isUuid } from "@/lib/validations/common";

export const metadata: Metadata = { title: "Check-in" };

type Props = { params: Promise<{ id: string }> };

export default async function CheckInPage({ params }: Props) {
  const { id } = await params;
  await requireRole("staff", `/admin/events/${id}/check-in`);
  const found = isUuid(id) ? await getEventForAdmin(id) : undefined;
  if (!found) notFound();
  const { event, seriesName, venueName, venueCity } = found;
  const [settings, people] = await Promise.all([getSettings(), listForCheckIn(event.id)]);
  const home = homeClock(settings);
  const clock = eventClock(event.timeZone, home);

  return (
    <div className="space-y-3">
      {/* Compact: at the door the list must start near the top of a tablet's screen. */}
      <EventAdminHeader event={{ ...event, seriesName, venueName, venueCity }} home={{ zone: home.zone, label: settings.homeTimeZoneLabel }} current="check-in" compact />
      <CheckInBoard
        clock={clock}
        people={people.map((p) => ({
          ...p,
          checkedInAt: p.checkedInAt ? p.checkedInAt.toISOString() : null,
          checkedInText: p.checkedInAt ? formatStaffTime(p.checkedInAt, clock) : null,
        }))}
      />
    </div>
  );
}
