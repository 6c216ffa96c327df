import "server-only";
import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { type EventQuestion, eventQuestions, events, registrations } from "@/db/schema";
import type { PublicQuestion } from "@/lib/validations/question-fields";
import { planMove } from "./participants";

// The questions of an event's registration form. A removed question keeps its row (removed_at), so
// that the answers given to it keep their label in the export.

const order = [asc(eventQuestions.position), asc(eventQuestions.createdAt), asc(eventQuestions.id)];

/** The event's questions in order: those the form asks, then (with `removed`) those it no longer asks. */
export async function listQuestions(eventId: string, { removed = false }: { removed?: boolean } = {}, executor: Executor = db): Promise<EventQuestion[]> {
  const rows = await executor
    .select()
    .from(eventQuestions)
    .where(and(eq(eventQuestions.eventId, eventId), removed ? undefined : isNull(eventQuestions.removedAt)))
    .orderBy(...order);
  // Asked first, in their order; the removed ones after, in the order they had.
  return removed ? [...rows.filter((q) => !q.removedAt), ...rows.filter((q) => q.removedAt)] : rows;
}

/**
 * The questions the form asks, as JSON, for a select over `events`: one statement reads the event and
 * its questions together, so that they are of one moment.
 */
export const askedQuestionsJson = sql<PublicQuestion[] | string>`coalesce((
  select jsonb_agg(jsonb_build_object('id', q.id, 'kind', q.kind, 'label', q.label, 'options', q.options, 'required', q.required)
    order by q.position, q.created_at, q.id)
  from ${eventQuestions} q where q.event_id = ${events}.id and q.removed_at is null
), '[]'::jsonb)`;

/** `askedQuestionsJson` as read back: the drivers hand jsonb over parsed or as text. */
export function questionsFromJson(value: PublicQuestion[] | string | null | undefined): PublicQuestion[] {
  if (!value) return [];
  return typeof value === "string" ? (JSON.parse(value) as PublicQuestion[]) : value;
}

/** The questions the form asks, read under the event's lock by a registration that must check its answers again. */
export async function askedQuestions(eventId: string, executor: Executor = db): Promise<PublicQuestion[]> {
  const rows = await listQuestions(eventId, {}, executor);
  return rows.map(({ id, kind, label, options, required }) => ({ id, kind, label, options, required }));
}

export async function getQuestion(id: string, executor: Executor = db): Promise<EventQuestion | undefined> {
  const [row] = await executor.select().from(eventQuestions).where(eq(eventQuestions.id, id));
  return row;
}

/**
 * Marks the event changed, and holds its row until the transaction ends: a registration that read the
 * questions before this change finds the event newer than what it saw (register_public_seat's "stale")
 * and has its answers checked again under the lock. The time moves forward even if this server's clock
 * or the database's lags behind the last change. False when the event is gone.
 */
export async function touchEvent(eventId: string, executor: Executor): Promise<boolean> {
  const rows = await executor
    .update(events)
    .set({ updatedAt: sql`greatest(clock_timestamp(), ${events.updatedAt} + interval '1 millisecond')` })
    .where(eq(events.id, eventId))
    .returning({ id: events.id });
  return rows.length > 0;
}

export type QuestionRow = Pick<EventQuestion, "kind" | "label" | "options" | "required">;

/** A new question at the end of the form. Call after `touchEvent`, whose lock keeps two additions from taking one place. */
export async function insertQuestion(eventId: string, values: QuestionRow, executor: Executor): Promise<EventQuestion> {
  const [row] = await executor
    .insert(eventQuestions)
    .values({
      eventId,
      ...values,
      position: sql`(select coalesce(max(${eventQuestions.position}), -1) + 1 from ${eventQuestions} where ${eventQuestions.eventId} = ${eventId})`,
    })
    .returning();
  return row!;
}

export async function updateQuestionRow(id: string, values: Partial<QuestionRow>, executor: Executor): Promise<void> {
  await executor.update(eventQuestions).set(values).where(eq(eventQuestions.id, id));
}

/** Takes a question off the form; its row and the answers given to it stay. */
export async function markQuestionRemoved(id: string, executor: Executor): Promise<boolean> {
  const rows = await executor
    .update(eventQuestions)
    .set({ removedAt: sql`now()` })
    .where(and(eq(eventQuestions.id, id), isNull(eventQuestions.removedAt)))
    .returning({ id: eventQuestions.id });
  return rows.length > 0;
}

/** Moves a question one step up or down the form, among the questions it asks. Call after `touchEvent`. */
export async function moveQuestionRow(question: EventQuestion, direction: "up" | "down", executor: Executor) {
  const rows = await executor
    .select({ id: eventQuestions.id, sortOrder: eventQuestions.position })
    .from(eventQuestions)
    .where(and(eq(eventQuestions.eventId, question.eventId), isNull(eventQuestions.removedAt)))
    .orderBy(...order);
  const plan = planMove(rows, question.id, direction);
  for (const change of plan) await executor.update(eventQuestions).set({ position: change.sortOrder }).where(eq(eventQuestions.id, change.id));
  return plan.map(({ id, sortOrder }) => ({ id, position: sortOrder }));
}

/** Whether anyone has answered the question. */
export async function isQuestionAnswered(question: Pick<EventQuestion, "id" | "eventId">, executor: Executor = db): Promise<boolean> {
  const answered: SQL = sql`${registrations.answers} -> ${question.id}::text is not null`;
  const [row] = await executor
    .select({ one: sql`1` })
    .from(registrations)
    .where(and(eq(registrations.eventId, question.eventId), answered))
    .limit(1);
  return Boolean(row);
}
