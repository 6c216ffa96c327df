import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckInBoard } from "@/components/check-in-board";
import { EventAdminHeader } from "@/components/event-status-header";
import { getEventForAdmin } from "@/db/queries/events";
import { listForCheckIn } from "@/db/queries/registrations";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
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

  return (
    <div className="space-y-6">
      <EventAdminHeader
        event={{ ...event, seriesName, venueName, venueCity }}
        home={{ zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel }}
        current="check-in"
      />
      <CheckInBoard
        timeZone={event.timeZone}
        people={people.map((p) => ({ ...p, checkedInAt: p.checkedInAt ? p.checkedInAt.toISOString() : null }))}
      />
    </div>
  );
}
