import type { Metadata } from "next";
import Link from "next/link";
import { PublicSummary } from "@/components/public-summary";
import { Alert } from "@/components/ui/alert";
import { getOrganization, getSettings } from "@/db/queries/settings";
import { getSummary, listEventPhotos, listReferences } from "@/db/queries/summaries";
import { getTopic } from "@/db/queries/topics";
import { isPublishablePhoto } from "@/lib/summary-publish";
import { staffEventPage } from "../../event";

export const metadata: Metadata = { title: "Summary preview" };

type Props = { params: Promise<{ id: string }> };

/** The summary exactly as the public page will show it, before it is published. */
export default async function SummaryPreviewPage({ params }: Props) {
  const { id, event, venueName, venueCity } = await staffEventPage(params, "summary/preview");
  const [summary, photos, topic, organization, settings] = await Promise.all([
    getSummary(id),
    listEventPhotos(id),
    event.topicId ? getTopic(event.topicId) : undefined,
    getOrganization(),
    getSettings(),
  ]);
  const references = summary ? await listReferences(summary.id) : [];

  return (
    <div className="space-y-6">
      <div className="no-print">
        <Alert tone="info">
          Preview: this is how the public page will read.{" "}
          <Link href={`/admin/events/${id}/summary`}>Back to the editor</Link>
        </Alert>
      </div>
      <PublicSummary
        event={{
          title: event.title,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          timeZone: event.timeZone,
          topic: topic ? { name: topic.name, slug: topic.slug } : null,
          venue: venueName ? { name: venueName, city: venueCity } : null,
        }}
        summary={{ title: summary?.title ?? "", lede: summary?.lede ?? null, body: summary?.body ?? "", publishedAt: summary?.publishedAt ?? null }}
        organization={{ ...organization, homeTimeZone: settings.homeTimeZone, homeTimeZoneLabel: settings.homeTimeZoneLabel ?? undefined }}
        // As the public will see them: a photo without a description is not shown.
        photos={photos.filter(isPublishablePhoto)}
        references={references}
      />
    </div>
  );
}
