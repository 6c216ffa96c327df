import { z } from "zod";
import type { RegistrationAnswer } from "@/db/schema";
import {
  hasOptions,
  LONG_ANSWER_MAX,
  type PublicQuestion,
  QUESTION_KINDS,
  QUESTION_LABEL_MAX,
  QUESTION_OPTION_MAX,
  QUESTION_OPTIONS_MAX,
  SHORT_ANSWER_MAX,
} from "./question-fields";

// ---------------------------------------------------------------------------
// The staff's question editor

const CONTROL = /[\u0000-\u001f\u007f]/;
// Line breaks and tabs belong in a long answer; no other control character does.
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const label = z
  .string("Write the question, like “Dietary requirements”.")
  .trim()
  .min(1, "Write the question, like “Dietary requirements”.")
  .max(QUESTION_LABEL_MAX, `Keep the question under ${QUESTION_LABEL_MAX} characters.`)
  .refine((v) => !CONTROL.test(v), "Write the question on one line.");

// One choice per line in the editor's text box; an array from anywhere else.
const options = z
  .union([z.string(), z.array(z.string()), z.null()], "List the choices, one per line.")
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split(/\r?\n/)).map((o) => o.trim()).filter((o) => o !== ""));

// A checkbox: true from react-hook-form, "on" from a plain form post, absent when unticked.
const required = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const questionFields = {
  kind: z.enum(QUESTION_KINDS, "Choose what kind of answer the question takes."),
  label,
  options,
  required,
};

type Definition = { kind: (typeof QUESTION_KINDS)[number]; options: string[] };

/**
 * The choices of a "one of several" or "several of several" question; the other kinds have none. It
 * runs even when another field failed (the kind is then read as sent), so that the form shows every
 * problem on the first try.
 */
function checkOptions(value: { kind?: unknown; options?: unknown }, ctx: z.RefinementCtx) {
  if (!QUESTION_KINDS.includes(value.kind as Definition["kind"]) || !hasOptions(value.kind as Definition["kind"]) || !Array.isArray(value.options)) return;
  const choices = value.options as string[];
  const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["options"], message });
  if (choices.length < 2) return issue("List at least two choices, one per line.");
  if (choices.length > QUESTION_OPTIONS_MAX) return issue(`Offer at most ${QUESTION_OPTIONS_MAX} choices.`);
  const long = choices.find((o) => o.length > QUESTION_OPTION_MAX);
  if (long) return issue(`Keep each choice under ${QUESTION_OPTION_MAX} characters (“${long.slice(0, 30)}…” is longer).`);
  if (choices.some((o) => CONTROL.test(o))) return issue("Write each choice on one line.");
  const seen = new Set<string>();
  for (const o of choices) {
    const key = o.toLowerCase();
    if (seen.has(key)) return issue(`Each choice must differ from the others: “${o}” is listed twice.`);
    seen.add(key);
  }
}

/** A question's definition as stored: a kind without choices keeps none, whatever the form sent. */
const definition = <T extends Definition>(value: T): T => (hasOptions(value.kind) ? value : { ...value, options: [] });

const always = { when: () => true };

export const addQuestionSchema = z
  .object({ eventId: z.uuid("That event does not exist."), ...questionFields })
  .superRefine(checkOptions, always)
  .transform(definition);
export type AddQuestionInput = z.input<typeof addQuestionSchema>;

export const updateQuestionSchema = z
  .object({ id: z.uuid("That question does not exist."), ...questionFields })
  .superRefine(checkOptions, always)
  .transform(definition);
export type UpdateQuestionInput = z.input<typeof updateQuestionSchema>;
export type QuestionValues = Omit<z.output<typeof updateQuestionSchema>, "id">;

// ---------------------------------------------------------------------------
// The answers on the public form

/** What the answers' schema says of each problem, by code (messages/<language>/registration.json's `errors`). */
export type AnswerMessageCode =
  | "answerRequired"
  | "answerWords"
  | "answerTooLong"
  | "answerOneLine"
  | "answerCharacters"
  | "choiceRequired"
  | "choiceListed"
  | "choicesRequired"
  | "choicesListed"
  | "yesNo";

/** Words an answer's problem in one language: the question's label, and the limit where there is one. */
export type AnswerMessages = (code: AnswerMessageCode, args: { question: string; max?: number }) => string;

const ENGLISH: Record<AnswerMessageCode, (question: string, max?: number) => string> = {
  answerRequired: (q) => `Please answer ${q}.`,
  answerWords: (q) => `Please answer ${q} in words.`,
  answerTooLong: (q, max) => `The answer to ${q} is too long (at most ${max} characters).`,
  answerOneLine: (q) => `Write the answer to ${q} on one line.`,
  answerCharacters: (q) => `Use letters, digits and punctuation in the answer to ${q}.`,
  choiceRequired: (q) => `Choose an answer to ${q}.`,
  choiceListed: (q) => `Choose one of the answers listed for ${q}.`,
  choicesRequired: (q) => `Choose at least one answer to ${q}.`,
  choicesListed: (q) => `Choose from the answers listed for ${q}.`,
  yesNo: (q) => `Choose yes or no for ${q}.`,
};

/** The English wording, the default of the schema. */
export const englishAnswerMessages: AnswerMessages = (code, { question, max }) => ENGLISH[code](`“${question}”`, max);

/**
 * One question's answer: what the form sent (a string, the ticked boxes, "yes"/"no", or what this
 * schema made of it before) in, the answer to keep out, or nothing when an optional question was left.
 */
function answerSchema(q: PublicQuestion, say: AnswerMessages) {
  return z.unknown().transform((value, ctx): RegistrationAnswer | undefined => {
    const refuse = (code: AnswerMessageCode, max?: number) => {
      ctx.addIssue({ code: "custom", message: say(code, { question: q.label, max }) });
      return z.NEVER;
    };
    const empty = value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
    switch (q.kind) {
      case "short_text":
      case "long_text": {
        if (empty) return q.required ? refuse("answerRequired") : undefined;
        if (typeof value !== "string") return refuse("answerWords");
        const text = value.trim();
        const max = q.kind === "short_text" ? SHORT_ANSWER_MAX : LONG_ANSWER_MAX;
        if (text === "") return q.required ? refuse("answerRequired") : undefined;
        if (text.length > max) return refuse("answerTooLong", max);
        if ((q.kind === "short_text" ? CONTROL : CONTROL_BUT_LINES).test(text)) {
          return refuse(q.kind === "short_text" ? "answerOneLine" : "answerCharacters");
        }
        return text;
      }
      case "single_choice": {
        if (empty) return q.required ? refuse("choiceRequired") : undefined;
        if (typeof value !== "string" || !q.options.includes(value)) return refuse("choiceListed");
        return value;
      }
      case "multiple_choice": {
        if (empty) return q.required ? refuse("choicesRequired") : undefined;
        const chosen = Array.isArray(value) ? value : [value];
        if (!chosen.every((c) => typeof c === "string" && q.options.includes(c))) return refuse("choicesListed");
        // In the question's own order, each once.
        return q.options.filter((o) => chosen.includes(o));
      }
      case "yes_no": {
        if (empty) return q.required ? refuse("yesNo") : undefined;
        if (value === true || value === "yes" || value === "true") return true;
        if (value === false || value === "no" || value === "false") return false;
        return refuse("yesNo");
      }
    }
  });
}

/**
 * The answers to an event's questions, as one schema built from their definitions: the public form
 * checks with it in the browser as people answer, and the registration action parses with it again.
 * Keyed by question id; answers to questions the event no longer asks are dropped, and questions left
 * unanswered (optional ones) are left out.
 */
export function answersSchema(questions: readonly PublicQuestion[], say: AnswerMessages = englishAnswerMessages) {
  const shape = Object.fromEntries(questions.map((q) => [q.id, answerSchema(q, say)]));
  // Every question's key present (null when absent), so that each answer's own check runs and can say
  // "Please answer …" rather than zod's word for a missing key.
  const filled = (raw: unknown) => {
    const given = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    return Object.fromEntries(questions.map((q) => [q.id, given[q.id] ?? null]));
  };
  return z.preprocess(filled, z.object(shape)).transform((v) => v as Record<string, RegistrationAnswer>);
}

/** Each question's first problem, by question id; empty when every answer passed. */
export function answerErrors(questions: readonly PublicQuestion[], raw: unknown, say: AnswerMessages = englishAnswerMessages): Record<string, string> {
  const parsed = answersSchema(questions, say).safeParse(raw);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const id = String(issue.path[0] ?? "");
    if (id && !errors[id]) errors[id] = issue.message;
  }
  return errors;
}
