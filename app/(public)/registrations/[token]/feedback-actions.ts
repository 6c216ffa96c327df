"use server";

// Outside lib/action's wrapper: the caller is anonymous, and holding the secret link is the whole authorization.

import { notFound } from "next/navigation";
import { z } from "zod";
import { saveFeedback } from "@/db/queries/feedback";
import { formInput } from "@/lib/form-input";
import { FEEDBACK_COMMENT_MAX } from "@/lib/after-event";
import { isLanguage } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { hashManageToken } from "@/lib/registration/tokens";
import { feedbackSchema } from "@/lib/validations/after-event";
import { manageTokenSchema } from "@/lib/validations/registration";

/** The feedback form's state between submissions (React's useActionState). */
export type FeedbackFormState = {
  status: "idle" | "saved" | "invalid" | "failed";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was sent, handed back so that the form keeps it. */
  values?: { rating: string; comment: string };
};

const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");

/**
 * The feedback form on the manage page, as a form action (a plain post before the script has loaded):
 * one answer per registration, which a later one replaces.
 */
export async function saveMyFeedback(_previous: FeedbackFormState | null, input: FormData | Record<string, unknown>): Promise<FeedbackFormState> {
  const raw = (formInput(input) ?? {}) as Record<string, unknown>;
  const values = { rating: text(raw.rating, 10), comment: text(raw.comment, 10_000) };
  if (!manageTokenSchema.safeParse(raw).success) notFound();
  // The page's language, which only words the answer: an unknown one is the reference language.
  const language = isLanguage(raw.lang) ? raw.lang : "en";
  const t = translator(language, "manage");
  const parsed = feedbackSchema.safeParse(raw);
  if (!parsed.success) {
    const { rating, comment } = z.flattenError(parsed.error).fieldErrors;
    const fieldErrors = {
      rating: rating && [t("feedback.rating")],
      comment: comment && [t("feedback.commentTooLong", { max: FEEDBACK_COMMENT_MAX.toLocaleString(language === "ja" ? "ja-JP" : "en-US") })],
    };
    return { status: "invalid", message: t("feedback.invalid"), fieldErrors, values };
  }
  const { token, rating, comment } = parsed.data;
  const outcome = await saveFeedback(hashManageToken(token), { rating, comment });
  if (outcome === "missing") notFound();
  if (outcome === "closed") return { status: "failed", message: t("feedback.closed"), values };
  return { status: "saved", message: t("feedback.saved"), values };
}
