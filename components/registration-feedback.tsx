import { FeedbackForm } from "@/components/feedback-form";
import { formatsFor } from "@/lib/i18n/format";
import { Section } from "@/components/ui/section";
import { getFeedback } from "@/db/queries/feedback";
import type { Language } from "@/lib/i18n/languages";
import { messagesFor, translator } from "@/lib/i18n/messages";

type Props = { token: string; registrationId: string; timeZone: string; language: Language };

/**
 * The manage page's feedback section, after the event (the page decides when: lib/after-event.ts
 * `feedbackOpen`). Its heading's id is the `#feedback` the thank-you email links to.
 */
export async function RegistrationFeedback({ token, registrationId, timeZone, language }: Props) {
  const answer = await getFeedback(registrationId);
  const t = translator(language, "manage");
  return (
    <Section id="feedback" title={t("feedback.heading")}>
      <p>{t("feedback.intro")}</p>
      <FeedbackForm
        token={token}
        language={language}
        messages={messagesFor(language, "manage").feedback}
        previous={answer ? { rating: answer.rating, comment: answer.comment, on: formatsFor(language).localDate(answer.updatedAt, timeZone) } : null}
      />
    </Section>
  );
}
