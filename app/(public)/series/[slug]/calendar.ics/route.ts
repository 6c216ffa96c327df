import type { NextRequest } from "next/server";
import { getPublicFeedSeries, listCalendarEventsOf } from "@/db/queries/feeds";
import { getSettings } from "@/db/queries/settings";
import { calendarResponse, notFoundText } from "@/lib/calendar-feed";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** A series' public meetings as a calendar to subscribe to; a series without any is as absent as an unknown one. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await getPublicFeedSeries(slug);
  if (!found) return notFoundText();
  const [settings, events] = await Promise.all([getSettings(), listCalendarEventsOf({ seriesId: found.id })]);
  return calendarResponse(`${settings.organizationName}: ${found.name}`, events, appUrl(), `${found.slug}.ics`);
}
