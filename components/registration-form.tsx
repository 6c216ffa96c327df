"use client";

import { type FormEvent, type InputHTMLAttributes, type ReactNode, startTransition, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { createTranslator } from "use-intl/core";
import { register as registerAction, type RegistrationFormState } from "@/app/(public)/events/[slug]/actions";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/forms/error-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { CalendarLinks } from "@/lib/calendar-links";
import type { Language } from "@/lib/i18n/languages";
import type { Messages } from "@/lib/i18n/messages";
import {
  answerFieldName,
  answersFromFormData,
  LONG_ANSWER_MAX,
  type PublicQuestion,
  type RawAnswers,
  SHORT_ANSWER_MAX,
} from "@/lib/validations/question-fields";
import { EMAIL_MAX, NAME_MAX, ORGANIZATION_MAX } from "@/lib/validations/registration-limits";

/**
 * A key for one filling-in of the form. randomUUID needs a secure context; getRandomValues does not,
 * so a site served over plain HTTP still gets a proper random key.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One text box of the form, with its fixed id (the server's error summary links to it) and its error. */
function TextField({ id, label, error, hint, ...input }: { id: string; label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(p) => <Input {...p} {...input} />}
    </Field>
  );
}

type Props = {
  slug: string;
  categories: string[];
  /** Every seat is taken: the button says the person joins the waitlist. */
  waitlist: boolean;
  /** The event requires approval: the person asks, and hears the organizers' decision by email. */
  reviewed?: boolean;
  calendar: CalendarLinks;
  /** The event's own questions, in order, asked after the person's details. */
  questions?: PublicQuestion[];
  /** The page's language, which the registration's emails are written in (the organization's default without it). */
  language?: Language;
  /** The form's words in the page's language (messages/<language>/registration.json). */
  messages: Messages["registration"];
  /** The language the categories are written in, when it is not the page's (they have no translations). */
  categoriesLang?: Language;
  /** The page's own address and the privacy notice's, in the page's language. */
  links?: { event: string; privacy: string };
};

type T = ReturnType<typeof createTranslator<Messages["registration"]>>;

// Fixed ids: the error summary links to them in the page the server renders, before any script runs.
const IDS = {
  name: "registration-name",
  email: "registration-email",
  organization: "registration-organization",
  category: "registration-category",
  consent: "registration-consent",
} as const;
type Shown = keyof typeof IDS;
const SHOWN = Object.keys(IDS) as Shown[];
/** The id of a question's control, or of the first of its choices, for the error summary to link to. */
const questionControlId = (q: PublicQuestion) => `registration-answer-${q.id}${q.kind === "short_text" || q.kind === "long_text" ? "" : "-0"}`;

const INITIAL: RegistrationFormState = { status: "idle" };

/** The public registration form. Each "Register someone else" starts a fresh one. */
export function RegistrationForm(props: Props) {
  const [round, setRound] = useState(0);
  return <RegistrationRound key={round} {...props} onAgain={() => setRound((r) => r + 1)} />;
}

/**
 * A React form action. Before the page's script has loaded, the browser posts the form and the server
 * answers with the page and this form's state (errors beside what was typed, or the thank-you). Once the
 * script runs, the same action is called without leaving the page. Either way the one check of a
 * submission is the server's, with the form's schemas (lib/validations/registration.ts, and the answers'
 * schema built from the event's questions, lib/validations/questions.ts), which reports every problem at
 * once: the page carries no validation library of its own, and the messages cannot drift apart. On an
 * event that asks questions, the answers' schema also comes to the browser, in a script of its own, to
 * check each answer as it is given (useLiveAnswerCheck).
 */
function RegistrationRound({ slug, categories, waitlist, reviewed = false, calendar, questions: pageQuestions = [], language, messages, categoriesLang, links, onAgain }: Props & { onAgain: () => void }) {
  const [state, formAction, sending] = useActionState(registerAction, INITIAL);
  const t: T = useMemo(() => createTranslator({ locale: language ?? "en", messages }), [language, messages]);
  const eventHref = links?.event ?? `/events/${slug}`;
  const doneRef = useRef<HTMLHeadingElement>(null);
  // Set by a submit until its answer arrives: a second click in between (before React has rendered the
  // button busy) sends nothing.
  const inFlight = useRef(false);
  const typed = state.values;
  const errors = state.fieldErrors ?? {};
  const errorOf = (field: Shown): string | undefined => errors[field]?.[0];
  // The questions the server checked the answers against, once it has answered: they may be newer than the page's.
  const questions = state.questions ?? pageQuestions;
  const live = useLiveAnswerCheck(questions, state, t);
  const answerErrorOf = (q: PublicQuestion): string | undefined => live.errorOf(q.id, state.answerErrors?.[q.id]);
  // In the order the form shows its fields: the details, the questions, then the consent.
  const summary: ErrorSummaryItem[] = [
    ...SHOWN.filter((f) => f !== "consent").flatMap((f) => (errorOf(f) ? [{ id: IDS[f], message: errorOf(f)! }] : [])),
    ...questions.flatMap((q) => (answerErrorOf(q) ? [{ id: questionControlId(q), message: answerErrorOf(q)! }] : [])),
    ...(errorOf("consent") ? [{ id: IDS.consent, message: errorOf("consent")! }] : []),
  ];
  const hiddenError = errors.slug?.[0] ?? errors.idempotencyKey?.[0];
  const firstInvalid = summary[0]?.id;

  // Errors the server found: the keyboard goes to the first field that needs attention.
  useEffect(() => {
    inFlight.current = false;
    if (state.status === "invalid" && firstInvalid) document.getElementById(firstInvalid)?.focus();
    if (state.status === "done") doneRef.current?.focus();
    // Only when the server answers, not as the person fixes answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // Sent by the script rather than as a form action, so that React does not empty the fields after the
  // answer: a form that comes back with errors keeps everything typed.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  // Japanese runs its sentences on without a space.
  const space = language === "ja" ? "" : " ";
  if (state.status === "done") {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          <h3 ref={doneRef} tabIndex={-1} className="font-semibold focus:outline-none">
            {reviewed ? t("done.titleReviewed") : t("done.title")}
          </h3>
          <p className="mt-1">
            {t.rich("done.sentTo", { email: state.sentTo ?? "", strong: (chunks) => <strong>{chunks}</strong> })}
            {space}
            {reviewed ? t("done.reviewed") : waitlist ? t("done.waitlist") : t("done.confirmed")}
            {space}
            {t("done.spam")}
          </p>
        </Alert>
        <div className="space-y-2">
          <p className="font-medium text-slate-800">{t("done.calendar")}</p>
          <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            <li>
              <a href={calendar.google} target="_blank" rel="noopener noreferrer">
                {t("done.google")}
              </a>
            </li>
            <li>
              <a href={calendar.outlook} target="_blank" rel="noopener noreferrer">
                {t("done.outlook")}
              </a>
            </li>
            <li>
              <a href={calendar.outlookCom} target="_blank" rel="noopener noreferrer">
                {t("done.outlookCom")}
              </a>
            </li>
            <li>
              <a href={calendar.ics}>{t("done.apple")}</a> <span className="text-slate-600">{t("done.icsFile")}</span>
            </li>
          </ul>
        </div>
        <a
          href={`${eventHref}#registration-heading`}
          onClick={(e) => {
            e.preventDefault();
            onAgain();
          }}
          className="inline-block text-sm"
        >
          {t("done.again")}
        </a>
      </div>
    );
  }

  const failure = state.status === "failed" ? state.message : undefined;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="relative space-y-4"
      aria-label={t("form.label")}
    >
      {summary.length > 0 && <ErrorSummary items={summary} title={t("form.problem")} />}
      {(failure || hiddenError) && <Alert tone="error">{failure ?? hiddenError}</Alert>}
      {state.notice && <Alert tone="warning">{state.notice}</Alert>}
      <input type="hidden" name="slug" value={slug} />
      {language && <input type="hidden" name="language" value={language} />}
      <IdempotencyKey given={state.idempotencyKey} />
      <TextField id={IDS.name} label={t("form.name")} error={errorOf("name")} autoComplete="name" maxLength={NAME_MAX} autoFocus={firstInvalid === IDS.name} name="name" defaultValue={typed?.name} />
      <TextField
        id={IDS.email}
        label={t("form.email")}
        error={errorOf("email")}
        hint={t("form.emailHint")}
        type="email"
        autoComplete="email"
        maxLength={EMAIL_MAX}
        autoFocus={firstInvalid === IDS.email}
        name="email"
        defaultValue={typed?.email}
      />
      <TextField
        id={IDS.organization}
        label={t("form.organization")}
        error={errorOf("organization")}
        autoComplete="organization"
        maxLength={ORGANIZATION_MAX}
        autoFocus={firstInvalid === IDS.organization}
        name="organization"
        defaultValue={typed?.organization}
      />
      {categories.length > 0 && (
        <Field id={IDS.category} label={t("form.category")} error={errorOf("category")}>
          {(p) => (
            <Select {...p} autoFocus={firstInvalid === IDS.category} name="category" defaultValue={typed?.category ?? ""}>
              <option value="">{t("form.chooseOne")}</option>
              {categories.map((c) => (
                <option key={c} value={c} lang={categoriesLang}>
                  {c}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}

      {questions.map((q) => (
        <QuestionField
          key={q.id}
          question={q}
          t={t}
          typed={typed?.answers?.[q.id]}
          error={answerErrorOf(q)}
          autoFocus={firstInvalid === questionControlId(q)}
          onAnswer={(form, settled) => live.check(form, q, settled)}
        />
      ))}

      {/* People never see this field; robots that fill in every field do, and give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="registration-website">{t("form.honeypot")}</label>
        <input id="registration-website" type="text" tabIndex={-1} autoComplete="off" name="website" />
      </div>

      <div className="space-y-1">
        <div className="flex items-start gap-2">
          <input
            id={IDS.consent}
            type="checkbox"
            className="mt-1 size-4 accent-brand-700"
            aria-invalid={Boolean(errorOf("consent"))}
            aria-describedby={errorOf("consent") ? `${IDS.consent}-error` : undefined}
            autoFocus={firstInvalid === IDS.consent}
            name="consent"
            defaultChecked={typed?.consent}
          />
          <label htmlFor={IDS.consent} className="text-sm text-slate-800">
            {t.rich("form.consent", {
              link: (chunks) => (
                <a href={links?.privacy ?? "/privacy"} target="_blank" rel="noopener">
                  {chunks}
                </a>
              ),
            })}
          </label>
        </div>
        {errorOf("consent") && (
          <p id={`${IDS.consent}-error`} className="text-sm text-red-700">
            {errorOf("consent")}
          </p>
        )}
      </div>

      <Button type="submit" pending={sending}>
        {reviewed ? t("form.request") : waitlist ? t("form.waitlist") : t("form.register")}
      </Button>
    </form>
  );
}

/**
 * The hidden key of this filling-in: the one the server handed back with a form that came back, else one
 * made in the browser once the script runs. A second click, or a retry after a lost answer, sends the
 * same key, and the server makes one registration of both. (A form posted before the script ran has
 * none; the server makes one and hands it back.)
 */
function IdempotencyKey({ given }: { given?: string }) {
  return (
    <input
      type="hidden"
      name="idempotencyKey"
      defaultValue={given ?? ""}
      ref={(input) => {
        if (input && !input.value) input.value = newIdempotencyKey();
      }}
    />
  );
}

type AnswersCheck = typeof import("@/lib/validations/questions");

const isEmpty = (answer: RawAnswers[string]) => answer == null || answer === "" || (Array.isArray(answer) && answer.length === 0);

/**
 * The answers' schema (lib/validations/questions.ts), built in the browser from the questions, checks
 * each answer as the person gives it: a wrong answer is shown on leaving the field, and an error the
 * server reported goes as soon as the answer is fixed. An empty answer to a required question is left
 * for the submit to report. The schema comes in its own script, loaded only on an event that asks
 * questions, so that other event pages still carry no validation library; until it has loaded (or
 * without JavaScript), the server's check, with the same schema, is the only one.
 */
function useLiveAnswerCheck(questions: PublicQuestion[], state: RegistrationFormState, t: T) {
  const [schema, setSchema] = useState<AnswersCheck | null>(null);
  // What the browser found since the server last answered; a new answer from the server starts afresh.
  const [found, setFound] = useState<{ after: RegistrationFormState; errors: Record<string, string | undefined> }>({ after: state, errors: {} });
  const own = found.after === state ? found.errors : {};
  const asks = questions.length > 0;

  useEffect(() => {
    if (!asks || schema) return;
    let mounted = true;
    import("@/lib/validations/questions").then(
      (module) => mounted && setSchema(module),
      // Without it the form still works: the server checks every answer.
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [asks, schema]);

  const errorOf = (id: string, fromServer: string | undefined) => (id in own ? own[id] : fromServer);

  /** Checks one question's answer in the form; `settled` once the person has left the field or chosen. */
  const check = (form: HTMLFormElement, question: PublicQuestion, settled: boolean) => {
    if (!schema) return;
    const answers = answersFromFormData(new FormData(form), [question]);
    const error = schema.answerErrors([question], answers, (code, { question: label, max }) => t(`errors.${code}`, { question: label, max: max ?? 0 }))[question.id];
    const shown = errorOf(question.id, state.answerErrors?.[question.id]);
    if (error === shown) return;
    if (error && !shown && (!settled || isEmpty(answers[question.id]))) return;
    setFound({ after: state, errors: { ...own, [question.id]: error } });
  };

  return { errorOf, check };
}

type QuestionProps = {
  question: PublicQuestion;
  t: T;
  /** What the person answered before the form came back. */
  typed: RawAnswers[string];
  error?: string;
  autoFocus: boolean;
  onAnswer: (form: HTMLFormElement, settled: boolean) => void;
};

/** One of the event's questions, drawn for its kind: a text box, or a group of choices under its legend. */
function QuestionField({ question: q, t, typed, error, autoFocus, onAnswer }: QuestionProps) {
  const id = `registration-answer-${q.id}`;
  const name = answerFieldName(q.id);
  // Required, as the person's name and email are, unless marked optional like the organization.
  const label = q.required ? q.label : t("form.optional", { label: q.label });
  const answered = (settled: boolean) => (e: { currentTarget: { form: HTMLFormElement | null } }) => {
    if (e.currentTarget.form) onAnswer(e.currentTarget.form, settled);
  };
  const text = typeof typed === "string" ? typed : "";
  const common = { name, required: q.required, autoFocus, defaultValue: text, onBlur: answered(true), onChange: answered(false) };
  switch (q.kind) {
    case "short_text":
      return (
        <Field id={id} label={label} error={error}>
          {(p) => <Input {...p} {...common} maxLength={SHORT_ANSWER_MAX} />}
        </Field>
      );
    case "long_text":
      return (
        <Field id={id} label={label} error={error}>
          {(p) => <Textarea {...p} {...common} rows={3} maxLength={LONG_ANSWER_MAX} />}
        </Field>
      );
    case "single_choice":
    case "multiple_choice":
    case "yes_no": {
      const choices: [string, string][] = q.kind === "yes_no" ? [["yes", t("form.yes")], ["no", t("form.no")]] : q.options.map((o) => [o, o]);
      const chosen =
        q.kind === "yes_no"
          ? [typed === true || typed === "yes" ? "yes" : typed === false || typed === "no" ? "no" : ""]
          : Array.isArray(typed)
            ? typed
            : [text];
      return (
        <Choices
          id={id}
          legend={label}
          name={name}
          type={q.kind === "multiple_choice" ? "checkbox" : "radio"}
          choices={choices}
          chosen={chosen}
          required={q.required}
          error={error}
          autoFocus={autoFocus}
          inline={q.kind === "yes_no"}
          onChange={answered(true)}
        />
      );
    }
  }
}

type ChoicesProps = {
  id: string;
  legend: ReactNode;
  name: string;
  type: "radio" | "checkbox";
  /** Value and label of each choice, in order. */
  choices: [string, string][];
  chosen: string[];
  required: boolean;
  error?: string;
  autoFocus: boolean;
  inline: boolean;
  onChange: (e: { currentTarget: { form: HTMLFormElement | null } }) => void;
};

/** Radio buttons or checkboxes under one legend, with the group's error read out from each. */
function Choices({ id, legend, name, type, choices, chosen, required, error, autoFocus, inline, onChange }: ChoicesProps) {
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : undefined;
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy}>
      <legend className="block text-sm font-medium text-slate-800">{legend}</legend>
      <div className={inline ? "flex flex-wrap gap-x-6 gap-y-2 pt-1" : "space-y-1 pt-1"}>
        {choices.map(([value, text], i) => (
          <div key={value} className="flex items-start gap-2">
            <input
              id={`${id}-${i}`}
              type={type}
              name={name}
              value={value}
              defaultChecked={chosen.includes(value)}
              // A required radio group says so; on checkboxes it would mean that each one must be ticked.
              required={type === "radio" && required}
              // Radios and checkboxes take no aria-invalid; each points at the group's error instead.
              aria-describedby={describedBy}
              autoFocus={autoFocus && i === 0}
              onChange={onChange}
              className="mt-1 size-4 accent-brand-700"
            />
            <label htmlFor={`${id}-${i}`} className="text-sm text-slate-800">
              {text}
            </label>
          </div>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
