import type { ThankYouAudience } from "@/db/schema";

// After an event: whom the thank-you email goes to, and who may answer the feedback form.

/** Who the thank-you email after an event goes to, in the order staff are offered them. */
export const THANK_YOU_AUDIENCES = ["checked_in", "confirmed"] as const satisfies readonly ThankYouAudience[];

export const THANK_YOU_AUDIENCE_LABEL: Record<ThankYouAudience, string> = {
  checked_in: "everyone checked in at the door",
  confirmed: "everyone with a confirmed seat",
};

/** The audience offered first: those who came, when anyone was checked in. */
export function defaultThankYouAudience(counts: Record<ThankYouAudience, number>): ThankYouAudience {
  return counts.checked_in > 0 ? "checked_in" : "confirmed";
}

/** Whether a registration may answer the feedback form now: a confirmed seat, kept, at a held event. */
export function feedbackOpen(
  registration: { status: string; anonymizedAt: Date | null },
  event: { status: string; endsAt: Date },
  now = new Date(),
): boolean {
  return registration.status === "confirmed" && !registration.anonymizedAt && event.status === "scheduled" && event.endsAt <= now;
}

/** The longest comment the feedback form takes (the form's page ships no validation library, so it lives here). */
export const FEEDBACK_COMMENT_MAX = 2000;

/** The feedback form's ratings, 1 to 5, as people choose them and staff read them. */
export const RATING_LABELS = ["Poor", "Fair", "Good", "Very good", "Excellent"] as const;
