"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getQuestion, insertQuestion, isQuestionAnswered, markQuestionRemoved, moveQuestionRow, touchEvent, updateQuestionRow } from "@/db/queries/event-questions";
import { action } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalidFields } from "@/lib/errors";
import { publicChanged } from "@/lib/public-cache";
import { idSchema } from "@/lib/validations/common";
import { moveSchema } from "@/lib/validations/participant";
import { addQuestionSchema, updateQuestionSchema } from "@/lib/validations/questions";

const GONE = "This question is no longer on the form. Reload the page to see the questions as they are.";
const EVENT_GONE = "This event no longer exists.";

/** The event's admin pages, and its public page, whose form shows the questions. */
function formChanged(eventId: string): void {
  revalidatePath(`/admin/events/${eventId}`, "layout");
  publicChanged({ kind: "event", id: eventId });
}

// Every change marks the event changed (touchEvent) in its own transaction: a registration whose
// answers were checked against the questions before the change then has them checked again.

export const addQuestion = action({ role: "staff", schema: addQuestionSchema }, async ({ user: me, input, client }) => {
  const { eventId, ...values } = input;
  const result = await db.transaction(async (tx): Promise<ActionResult<{ id: string }>> => {
    if (!(await touchEvent(eventId, tx))) return fail(EVENT_GONE);
    const question = await insertQuestion(eventId, values, tx);
    await writeAudit(
      { actorId: me.id, client, action: "question.add", entityType: "event_question", entityId: question.id, changes: { eventId, ...values, position: question.position } },
      tx,
    );
    return { ok: true, data: { id: question.id }, message: `Question “${question.label}” added.` };
  });
  if (result.ok) formChanged(eventId);
  return result;
});

export const updateQuestion = action({ role: "staff", schema: updateQuestionSchema }, async ({ user: me, input, client }) => {
  const { id, ...values } = input;
  const result = await db.transaction(async (tx): Promise<ActionResult<string>> => {
    const found = await getQuestion(id, tx);
    if (!found || !(await touchEvent(found.eventId, tx))) return fail(GONE);
    // Read again under the event's lock: it may have been removed meanwhile.
    const before = await getQuestion(id, tx);
    if (!before || before.removedAt) return fail(GONE);
    const changes = changedFields(before, values);
    if (Object.keys(changes).length === 0) return { ok: true, data: before.eventId, message: "No changes to save." };
    // Answers already given are kept as given; a text answer cannot become a choice, nor a choice a yes.
    if (changes.kind && (await isQuestionAnswered(before, tx))) {
      return invalidFields({ kind: ["People have answered this question already, so its kind stays. Remove it and add a new question instead."] });
    }
    await updateQuestionRow(id, values, tx);
    await writeAudit({ actorId: me.id, client, action: "question.update", entityType: "event_question", entityId: id, changes: { eventId: before.eventId, ...changes } }, tx);
    return { ok: true, data: before.eventId, message: "Question saved." };
  });
  if (!result.ok) return result;
  formChanged(result.data);
  return { ok: true, data: undefined, message: result.message };
});

export const moveQuestion = action({ role: "staff", schema: moveSchema }, async ({ user: me, input: { id, direction }, client }) => {
  const result = await db.transaction(async (tx): Promise<ActionResult<string>> => {
    const found = await getQuestion(id, tx);
    if (!found || !(await touchEvent(found.eventId, tx))) return fail(GONE);
    const question = await getQuestion(id, tx);
    if (!question || question.removedAt) return fail(GONE);
    const positions = await moveQuestionRow(question, direction, tx);
    if (positions.length > 0) {
      await writeAudit(
        { actorId: me.id, client, action: "question.move", entityType: "event_question", entityId: id, changes: { eventId: question.eventId, direction, positions } },
        tx,
      );
    }
    return { ok: true, data: question.eventId };
  });
  if (!result.ok) return result;
  formChanged(result.data);
  return { ok: true, data: undefined };
});

export const removeQuestion = action({ role: "staff", schema: idSchema }, async ({ user: me, input: { id }, client }) => {
  const result = await db.transaction(async (tx): Promise<ActionResult<string>> => {
    const found = await getQuestion(id, tx);
    if (!found || !(await touchEvent(found.eventId, tx))) return fail(GONE);
    if (!(await markQuestionRemoved(id, tx))) return fail(GONE);
    await writeAudit(
      { actorId: me.id, client, action: "question.remove", entityType: "event_question", entityId: id, changes: { eventId: found.eventId, label: found.label, kind: found.kind } },
      tx,
    );
    return { ok: true, data: found.eventId };
  });
  if (!result.ok) return result;
  formChanged(result.data);
  return { ok: true, data: undefined, message: "Question removed. The answers already given stay in the export." };
});
