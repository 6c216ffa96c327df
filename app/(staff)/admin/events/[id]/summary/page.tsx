import type { Metadata } from "next";
import { FeedbackResults } from "@/components/feedback-results";
import { SummaryEditor } from "@/components/summary-editor";
import { SummaryPhotos } from "@/components/summary-photos";
import { SummaryPublishPanel } from "@/components/summary-publish-panel";
import { SummaryReferences } from "@/components/summary-references";
import { ThankYouPanel } from "@/components/thank-you-panel";
import { getFeedbackResults } from "@/db/queries/feedback";
import { getSettings } from "@/db/queries/settings";
import { countCheckedIn } from "@/db/queries/check-in";
import { getSummary, listEventPhotos, listReferences, listSummaryRevisions } from "@/db/queries/summaries";
import { countThankYouAudiences, getThankYouSent } from "@/db/queries/thank-you";
import { defaultThankYouAudience } from "@/lib/after-event";
import { summaryProblems } from "@/lib/summary-publish";
import { formatStaffTime, homeClock } from "@/lib/time";
import { staffEventPage } from "../event";

export const metadata: Metadata = { title: "Summary" };

type Props = { params: Promise<{ id: string }> };

export default async function EventSummaryPage({ params }: Props) {
  const { id, event } = await staffEventPage(params, "summary");
  const [settings, summary, photos, checkedIn, audiences, thankYouSent, feedback] = await Promise.all([
    getSettings(),
    getSummary(id),
    listEventPhotos(id),
    countCheckedIn(id),
    countThankYouAudiences(id),
    getThankYouSent(id),
    getFeedbackResults(id),
  ]);
  const published = summary?.status === "published";
  const over = event.endsAt <= new Date();
  const problems = summaryProblems(summary, photos);
  const [revisions, references] = summary ? await Promise.all([listSummaryRevisions(summary.id), listReferences(summary.id)]) : [[], []];

  return (
    <div className="space-y-8">
      <SummaryPublishPanel
        eventId={id}
        eventSlug={event.slug}
        published={published}
        publishedAt={summary?.publishedAt ? formatStaffTime(summary.publishedAt, homeClock(settings)) : null}
        problems={event.status === "draft" ? ["Schedule the event first: a draft event has no public page.", ...problems] : problems}
      />
      {event.status !== "cancelled" && (
        <ThankYouPanel
          eventId={id}
          stage={thankYouSent ? "sent" : !over ? "not_over" : !published ? "not_published" : "ready"}
          counts={audiences}
          defaultAudience={defaultThankYouAudience(audiences)}
          sent={thankYouSent ? { when: formatStaffTime(thankYouSent.sentAt, homeClock(settings)), audience: thankYouSent.audience, recipients: thankYouSent.recipients } : null}
        />
      )}
      <SummaryEditor
        eventId={id}
        checkedIn={checkedIn}
        initial={{
          title: summary?.title ?? "",
          lede: summary?.lede ?? null,
          body: summary?.body ?? "",
          attendanceCount: summary?.attendanceCount ?? null,
          attendanceWording: summary?.attendanceWording ?? null,
          updatedAt: summary?.updatedAt.toISOString() ?? "",
        }}
        revisions={revisions.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt.toISOString(), when: formatStaffTime(r.createdAt, homeClock(settings)) }))}
      />
      <SummaryPhotos eventId={id} photos={photos} published={published} />
      <SummaryReferences eventId={id} references={references} />
      {((over && event.status === "scheduled") || feedback.count > 0) && <FeedbackResults results={feedback} clock={homeClock(settings)} />}
    </div>
  );
}
