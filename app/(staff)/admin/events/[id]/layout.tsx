import type { ReactNode } from "react";
import { EventSectionFrame } from "@/components/admin/event-sections";
import { EventAdminHeader } from "@/components/event-admin-header";
import { getSettings } from "@/db/queries/settings";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { eventForAdmin } from "./event";

type Props = { children: ReactNode; params: Promise<{ id: string }> };

/** The event's header and tabs over each of its admin pages. */
export default async function EventAdminLayout({ children, params }: Props) {
  // Anyone but staff gets the page alone, which sends them to sign in (or to "not found") itself:
  // nothing about the event is shown from here.
  const user = await getCurrentUser();
  if (!user || !hasRole(user.role, "staff")) return children;
  const { id } = await params;
  const [{ event, seriesName, venueName, venueCity }, settings] = await Promise.all([eventForAdmin(id), getSettings()]);
  const shown = { ...event, seriesName, venueName, venueCity };
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  return (
    <EventSectionFrame
      header={<EventAdminHeader event={shown} home={home} />}
      compactHeader={<EventAdminHeader event={shown} home={home} compact />}
    >
      {children}
    </EventSectionFrame>
  );
}
