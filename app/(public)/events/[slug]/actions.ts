"use server";

// Outside lib/action's wrapper: the caller is anonymous (no session, no role), limited per client address instead.

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { findPublicEventBySlug } from "@/db/queries/public-registrations";
import { registrationAvailabilityChanged } from "@/lib/public-cache";
import { formInput } from "@/lib/form-input";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";
import { contextFrom } from "@/lib/registration/context";
import { registrationRateLimits } from "@/lib/registration/rate-limits";
import { registerForEvent, type RegisterResult } from "@/lib/registration/seats";
import { requestInfo } from "@/lib/request-info";
import { answersFromFormData, type PublicQuestion, type RawAnswers } from "@/lib/validations/question-fields";
import { type AnswerMessages, answerErrors, answersSchema } from "@/lib/validations/questions";
import { CATEGORY_MESSAGE, REGISTRATION_MESSAGE_LIMITS, registrationErrorCode, registrationSchemaFor } from "@/lib/validations/registration";

/** What the person typed, handed back so that a form that comes back with errors keeps all of it. */
export type RegistrationFormValues = { name: string; email: string; organization: string; category: string; consent: boolean; answers?: RawAnswers };

/** The registration form's state between submissions (React's useActionState). */
export type RegistrationFormState = {
  status: "idle" | "done" | "invalid" | "failed";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: RegistrationFormValues;
  /** The key the next submission of this filling-in carries, so that sending it again stays one registration. */
  idempotencyKey?: string;
  /** The address the message went to, as typed: the person's own input, whoever they are. */
  sentTo?: string;
  /** Why the form came back, beyond its fields' own problems. */
  notice?: string;
  /** Each question's problem, by question id. */
  answerErrors?: Record<string, string>;
  /** The questions the answers were checked against, when the event asks any: the form shows these. */
  questions?: PublicQuestion[];
};

type Refusal = Exclude<Extract<RegisterResult, { outcome: "refused" }>["reason"], "category" | "answers">;

const CLOSED: Record<Refusal, "missing" | "cancelled" | "past" | "notYetOpen" | "closed"> = {
  missing: "missing",
  draft: "missing",
  cancelled: "cancelled",
  past: "past",
  not_yet_open: "notYetOpen",
  closed: "closed",
};

/**
 * The form's words in the page's language: its schemas speak English, by codes (REGISTRATION_MESSAGES,
 * the answers' AnswerMessages) that name the same message in every language.
 */
function wording(language: Language) {
  const t = translator(language, "registration");
  const fieldErrors = (errors: Record<string, string[] | undefined>) =>
    Object.fromEntries(
      Object.entries(errors).map(([field, messages]) => [
        field,
        messages?.map((m) => {
          const code = registrationErrorCode(m);
          return code ? t(`errors.${code}`, { max: REGISTRATION_MESSAGE_LIMITS[code] ?? 0 }) : m;
        }),
      ]),
    );
  const answers: AnswerMessages = (code, { question, max }) => t(`errors.${code}`, { question, max: max ?? 0 });
  return { t, fieldErrors, answers };
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

function typedValues(raw: Record<string, unknown>, answers: RawAnswers | undefined): RegistrationFormValues {
  return {
    name: text(raw.name).slice(0, 500),
    email: text(raw.email).slice(0, 500),
    organization: text(raw.organization).slice(0, 500),
    category: text(raw.category).slice(0, 200),
    consent: raw.consent === true || raw.consent === "on" || raw.consent === "true",
    ...(answers && { answers: keptAnswers(answers) }),
  };
}

/** The answers as typed, to hand back with the form: bounded, like the rest of what was typed. */
function keptAnswers(answers: RawAnswers): RawAnswers {
  const clip = (v: unknown) => (typeof v === "string" ? v.slice(0, 5000) : typeof v === "boolean" ? v : null);
  return Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, Array.isArray(v) ? v.slice(0, 50).map((c) => String(clip(c) ?? "")) : clip(v)]));
}

/** The answers in the form's input: its answer fields when posted, or an `answers` object when called with one. */
function rawAnswers(input: FormData | Record<string, unknown>, questions: readonly PublicQuestion[]): RawAnswers {
  if (input instanceof FormData) return answersFromFormData(input, questions);
  const given = input.answers;
  return given && typeof given === "object" && !Array.isArray(given) ? (given as RawAnswers) : {};
}

/**
 * The public registration form, as a form action: it takes the form's FormData (a plain post when the
 * page's script has not loaded yet, or the same fields sent by the script) and returns the form's next
 * state. Its answer is the same for a new address, one already registered and a form filled by a robot;
 * the email that follows (or does not) says which it was.
 */
export async function register(_previous: RegistrationFormState | null, input: FormData | Record<string, unknown>): Promise<RegistrationFormState> {
  const raw = (formInput(input) ?? {}) as Record<string, unknown>;
  // A form posted before the script made its key has none: one made here stands for this filling-in,
  // and is handed back with the form. Two posts of such a form make one registration all the same,
  // since an address holds at most one registration per event.
  const idempotencyKey = text(raw.idempotencyKey) || randomUUID();

  const slug = text(raw.slug).trim().slice(0, 200);
  // The page's language: the form's words, and the emails' (one the software ships, else the organization's default).
  const requested = isLanguage(raw.language) ? raw.language : undefined;
  // Independent reads, at once: the event (with its questions, and what the email needs from it and from the settings), and who is asking.
  const [event, client] = await Promise.all([slug ? findPublicEventBySlug(slug) : undefined, requestInfo()]);
  // The questions as they are now: the form is drawn again from these, should they have changed since the page was.
  const questions = event?.questions ?? [];
  const answers = questions.length > 0 ? rawAnswers(input, questions) : undefined;
  const values = typedValues(raw, answers);
  const asked = event ? { questions } : {};
  const again = (state: Omit<RegistrationFormState, "values" | "idempotencyKey">): RegistrationFormState => ({ ...state, ...asked, values, idempotencyKey });
  const language = requested ?? event?.settings.defaultLanguage ?? "en";
  const say = wording(language);
  const invalid = say.t("failed.invalid");

  // The person's details and the answers, each by its own schema, and every problem reported at once.
  const parsed = registrationSchemaFor(event?.categories ?? []).safeParse({ ...raw, idempotencyKey });
  const checked = answersSchema(questions, say.answers).safeParse(answers ?? {});
  if (!parsed.success || !checked.success) {
    return again({
      status: "invalid",
      message: invalid,
      fieldErrors: parsed.success ? {} : say.fieldErrors(z.flattenError(parsed.error).fieldErrors),
      answerErrors: checked.success ? undefined : answerErrors(questions, answers ?? {}, say.answers),
    });
  }
  const v = parsed.data;
  if (!event) return again({ status: "failed", message: say.t("failed.missing") });

  if (!(await hitRateLimits(registrationRateLimits({ email: v.email, client: client.ip, eventId: event.id })))) {
    return again({ status: "failed", message: say.t("failed.rateLimited") });
  }
  // The one answer for every registration that went through, whatever it found: no address enumeration.
  const done: RegistrationFormState = { status: "done", message: say.t("done.checkEmail"), sentTo: v.email };
  // The honeypot: a robot filled the field people cannot see. It is told what a person would be.
  if (v.website.trim() !== "") return done;

  const result = await registerForEvent(
    {
      eventId: event.id,
      name: v.name,
      email: v.email,
      organization: v.organization,
      category: v.category,
      idempotencyKey: v.idempotencyKey,
      language,
      ...(questions.length > 0 && { answers: checked.data, answersCheckedAt: event.updatedAt }),
    },
    { kind: "public", client },
    contextFrom(event.settings),
    event.details,
  );
  if (result.outcome === "refused") {
    if (result.reason === "answers") {
      // The questions changed while the form was being sent: it comes back with them as they are now.
      const now = await findPublicEventBySlug(event.slug);
      // The errors again in the page's language, against the questions as they are now.
      const errors = now ? answerErrors(now.questions, answers ?? {}, say.answers) : result.answerErrors;
      return {
        ...again({ status: "invalid", message: invalid, notice: say.t("failed.questionsChanged"), answerErrors: errors }),
        ...(now && { questions: now.questions }),
      };
    }
    return result.reason === "category"
      ? again({ status: "invalid", message: invalid, fieldErrors: say.fieldErrors({ category: [CATEGORY_MESSAGE] }) })
      : again({ status: "failed", message: say.t(`failed.${CLOSED[result.reason]}`) });
  }
  // The page is marked stale only when its form turns into the waitlist's (lib/public-cache.ts): doing
  // it for every registration would make every answer carry a fresh render of the whole page.
  if (result.outcome === "created" && result.tookLastSeat) registrationAvailabilityChanged(event.slug);
  return done;
}
