import type { NextRequest } from "next/server";
import { getPublicFeedTopic, listCalendarEventsOf } from "@/db/queries/feeds";
import { getSettings } from "@/db/queries/settings";
import { calendarResponse, notFoundText } from "@/lib/calendar-feed";
import { appUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

/** A topic's public events as a calendar to subscribe to; a topic without any is as absent as an unknown one. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const topic = await getPublicFeedTopic(slug);
  if (!topic) return notFoundText();
  const [settings, events] = await Promise.all([getSettings(), listCalendarEventsOf({ topicId: topic.id })]);
  return calendarResponse(`${settings.organizationName}: ${topic.name}`, events, appUrl(), `${topic.slug}.ics`);
}
