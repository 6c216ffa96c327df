"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import { createTranslator } from "use-intl/core";
import { type FeedbackFormState, saveMyFeedback } from "@/app/(public)/registrations/[token]/feedback-actions";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/forms/error-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldNotes, Textarea } from "@/components/ui/field";
import { FEEDBACK_COMMENT_MAX, RATING_LABELS } from "@/lib/after-event";
import type { Language } from "@/lib/i18n/languages";
import type { Messages } from "@/lib/i18n/messages";

type Props = {
  token: string;
  language: Language;
  /** The form's words in the page's language (messages/<language>/manage.json, "feedback"). */
  messages: Messages["manage"]["feedback"];
  /** The answer given before, if any, and the day it was given (in the event's zone). */
  previous: { rating: number; comment: string | null; on: string } | null;
};

// Fixed ids: the error summary links to them in the page the server renders, before any script runs.
const IDS = { rating: "feedback-rating-1", comment: "feedback-comment" } as const;
const INITIAL: FeedbackFormState = { status: "idle" };

/**
 * The feedback form of a registration's manage page: a rating from 1 to 5 and an optional comment.
 * A React form action, like the registration form: before the script has loaded, the browser posts it
 * and the server answers with the page and this form's state; after, the same action runs in place.
 * The one check is the server's, with the form's schema (lib/validations/after-event.ts).
 */
export function FeedbackForm({ token, language, messages, previous }: Props) {
  const [state, formAction, sending] = useActionState(saveMyFeedback, INITIAL);
  const t = createTranslator({ locale: language, messages });
  const max = FEEDBACK_COMMENT_MAX.toLocaleString(language === "ja" ? "ja-JP" : "en-US");
  const doneRef = useRef<HTMLParagraphElement>(null);
  // A second click before React has rendered the button busy sends nothing.
  const inFlight = useRef(false);
  const values = state.values ?? { rating: previous ? String(previous.rating) : "", comment: previous?.comment ?? "" };
  const errors = state.fieldErrors ?? {};
  const ratingError = errors.rating?.[0];
  const commentError = errors.comment?.[0];
  const summary: ErrorSummaryItem[] = [
    ...(ratingError ? [{ id: IDS.rating, message: ratingError }] : []),
    ...(commentError ? [{ id: IDS.comment, message: commentError }] : []),
  ];
  const rating = fieldNotes("feedback-rating", undefined, ratingError);

  useEffect(() => {
    inFlight.current = false;
    if (state.status === "saved") doneRef.current?.focus();
    if (state.status === "invalid") document.getElementById(ratingError ? IDS.rating : IDS.comment)?.focus();
  }, [state, ratingError]);

  // Sent by the script rather than as a form action, so that React does not empty the fields after the answer.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  const answered = previous || state.status === "saved";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={t("formLabel")} className="space-y-4">
      {state.status === "saved" && (
        <Alert tone="success">
          <p ref={doneRef} tabIndex={-1} className="font-semibold focus:outline-none">
            {state.message}
          </p>
          <p className="mt-1">{t("savedMore")}</p>
        </Alert>
      )}
      {summary.length > 0 && <ErrorSummary items={summary} />}
      {state.status === "failed" && <Alert tone="error">{state.message}</Alert>}
      {previous && state.status === "idle" && (
        <p className="text-sm text-slate-700">
          {t("answeredOn", { date: previous.on })}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="lang" value={language} />
      <fieldset className="space-y-1">
        <legend className="block font-medium text-slate-800">{t("question")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 pt-1">
          {RATING_LABELS.map((_, i) => {
            const value = String(i + 1);
            const label = t(`ratings.${value as "1" | "2" | "3" | "4" | "5"}`);
            return (
              <label key={value} htmlFor={`feedback-rating-${value}`} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  id={`feedback-rating-${value}`}
                  type="radio"
                  name="rating"
                  value={value}
                  defaultChecked={values.rating === value}
                  aria-describedby={rating.describedBy}
                  className="size-4 accent-brand-700"
                />
                {t("ratingOption", { value, label })}
              </label>
            );
          })}
        </div>
        {rating.notes}
      </fieldset>
      <Field id={IDS.comment} label={t("comment")} hint={t("commentHint", { max })} error={commentError}>
        {(p) => <Textarea {...p} name="comment" rows={4} maxLength={FEEDBACK_COMMENT_MAX} defaultValue={values.comment} />}
      </Field>
      <p className="text-sm text-slate-600">{t("anonymous")}</p>
      <Button type="submit" pending={sending}>
        {answered ? t("sendAgain") : t("send")}
      </Button>
    </form>
  );
}
