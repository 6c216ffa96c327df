import type { QuestionKind, RegistrationAnswer } from "@/db/schema";

// What the public form needs to draw an event's questions and gather their answers, apart from the
// answers' schema (./questions.ts): the event page loads that one only when the event asks questions,
// and this file keeps zod out of the page's first script.

export const QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multiple_choice", "yes_no"] as const satisfies readonly QuestionKind[];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "One of several",
  multiple_choice: "Several of several",
  yes_no: "Yes or no",
};

export const QUESTION_LABEL_MAX = 200;
export const QUESTION_OPTION_MAX = 100;
export const QUESTION_OPTIONS_MAX = 30;
export const SHORT_ANSWER_MAX = 200;
export const LONG_ANSWER_MAX = 2000;

/** The kinds whose answers are chosen from the question's options. */
export const hasOptions = (kind: QuestionKind): boolean => kind === "single_choice" || kind === "multiple_choice";

/** A question as the public form shows it and the answers' schema checks it. */
export type PublicQuestion = { id: string; kind: QuestionKind; label: string; options: string[]; required: boolean };

/** What a person sent for each question, as the form holds it before the schema has read it. */
export type RawAnswers = Record<string, string | string[] | boolean | null | undefined>;

/** The form field of a question's answer (several checkboxes share it for "several of several"). */
export const answerFieldName = (questionId: string): string => `answer:${questionId}`;

/** Each question's answer from the posted form: every ticked box for "several of several", else the one value. */
export function answersFromFormData(data: FormData, questions: readonly Pick<PublicQuestion, "id" | "kind">[]): RawAnswers {
  const out: RawAnswers = {};
  for (const q of questions) {
    const values = data.getAll(answerFieldName(q.id)).filter((v): v is string => typeof v === "string");
    out[q.id] = q.kind === "multiple_choice" ? values : (values[0] ?? null);
  }
  return out;
}

/** An answer as people read it: the text, the choices joined, or Yes / No. */
export function answerText(answer: RegistrationAnswer | null | undefined, separator = ", "): string {
  if (answer == null) return "";
  if (typeof answer === "boolean") return answer ? "Yes" : "No";
  return Array.isArray(answer) ? answer.join(separator) : answer;
}

/** Questions institutions often ask, which staff add in one click (as optional questions). */
export const SUGGESTED_QUESTIONS: readonly { label: string; kind: QuestionKind }[] = [
  { label: "Title", kind: "short_text" },
  { label: "Dietary requirements", kind: "long_text" },
  { label: "Accessibility needs", kind: "long_text" },
  { label: "Delegation", kind: "short_text" },
];
