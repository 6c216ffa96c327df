import { FeedbackForm } from "@/components/feedback-form";
import { Section } from "@/components/ui/section";
import { getFeedback } from "@/db/queries/feedback";
import { formatLocalDate } from "@/lib/time";

/**
 * The manage page's feedback section, after the event (the page decides when: lib/after-event.ts
 * `feedbackOpen`). Its heading's id is the `#feedback` the thank-you email links to.
 */
export async function RegistrationFeedback({ token, registrationId, timeZone }: { token: string; registrationId: string; timeZone: string }) {
  const answer = await getFeedback(registrationId);
  return (
    <Section id="feedback" title="Your feedback">
      <p>Tell us how the event was: it takes a minute, and it helps us plan the next one.</p>
      <FeedbackForm token={token} previous={answer ? { rating: answer.rating, comment: answer.comment, on: formatLocalDate(answer.updatedAt, timeZone) } : null} />
    </Section>
  );
}
