import { and, asc, desc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { register } from "@/app/(public)/events/[slug]/actions";
import { addQuestion, moveQuestion, removeQuestion, updateQuestion } from "@/app/(staff)/admin/events/[id]/questions/actions";
import { GET as exportCsv } from "@/app/(staff)/admin/events/[id]/registrations/export.csv/route";
import { listQuestions } from "@/db/queries/event-questions";
import { findPublicEventBySlug, getRegistrationAvailability } from "@/db/queries/public-registrations";
import { answerFilter, countMatches, listRegistrationsPage, type RegistrationListFilter } from "@/db/queries/registration-lists";
import * as registrationQueries from "@/db/queries/registrations";
import { auditLog, type Event, eventQuestions, events, type RegistrationAnswer, registrations } from "@/db/schema";
import { type RegistrationContext, registrationContext } from "@/lib/registration/context";
import { registerForEvent } from "@/lib/registration/seats";
import { answerFieldName, answersFromFormData, answerText, type PublicQuestion } from "@/lib/validations/question-fields";
import { addQuestionSchema, answerErrors, answersSchema, updateQuestionSchema } from "@/lib/validations/questions";
import { closeDb, db, resetWithDemo } from "./support/db";
import { scratchEvent as makeScratchEvent } from "./support/scratch-event";
import { actAs } from "./support/session";
import { registrants } from "./support/registrant";

const now = new Date();
let ctx: RegistrationContext;

beforeAll(async () => {
  await resetWithDemo(now);
  ctx = await registrationContext(now);
});
afterAll(closeDb);
afterEach(() => vi.restoreAllMocks());

const scratchEvent = (extra: Partial<typeof events.$inferInsert> = {}) => makeScratchEvent("Questions test", now, 50, extra);

const question = (id: string, kind: PublicQuestion["kind"], label: string, extra: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id,
  kind,
  label,
  options: [],
  required: false,
  ...extra,
});

// ---------------------------------------------------------------------------
// The schemas

describe("a question's definition", () => {
  const eventId = crypto.randomUUID();
  const issues = (input: Record<string, unknown>) =>
    Object.fromEntries((addQuestionSchema.safeParse({ eventId, ...input }).error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

  it("takes each kind, with choices one per line for the kinds that choose", () => {
    expect(addQuestionSchema.parse({ eventId, kind: "single_choice", label: " Delegation ", options: "Member State\r\n\nObserver \n", required: "on" })).toEqual({
      eventId,
      kind: "single_choice",
      label: "Delegation",
      options: ["Member State", "Observer"],
      required: true,
    });
    expect(addQuestionSchema.parse({ eventId, kind: "multiple_choice", label: "Days", options: ["Monday", "Tuesday"] }).required).toBe(false);
    // A kind that takes no choices keeps none, whatever was typed in the box before the kind changed.
    for (const kind of ["short_text", "long_text", "yes_no"] as const) {
      expect(addQuestionSchema.parse({ eventId, kind, label: "Title", options: "A\nB", required: false }).options).toEqual([]);
    }
    expect(updateQuestionSchema.parse({ id: eventId, kind: "yes_no", label: "Wheelchair access?", required: true })).toMatchObject({ kind: "yes_no", options: [] });
  });

  it("refuses a missing label, an unknown kind and choices that do not make a choice, all at once", () => {
    expect(issues({ kind: "single_choice", label: "", options: "Only one" })).toEqual({
      label: "Write the question, like “Dietary requirements”.",
      options: "List at least two choices, one per line.",
    });
    expect(issues({ kind: "essay", label: "Title" })).toEqual({ kind: "Choose what kind of answer the question takes." });
    expect(issues({ kind: "multiple_choice", label: "Days", options: "Monday\nmonday" }).options).toMatch(/“monday” is listed twice/);
    expect(issues({ kind: "multiple_choice", label: "Days", options: `Monday\n${"x".repeat(101)}` }).options).toMatch(/under 100 characters/);
    expect(issues({ kind: "multiple_choice", label: "Days", options: Array.from({ length: 31 }, (_, i) => `Day ${i}`) }).options).toMatch(/at most 30/);
    expect(issues({ kind: "short_text", label: "x".repeat(201) }).label).toMatch(/under 200/);
    expect(issues({ kind: "short_text", label: "Two\nlines" }).label).toBe("Write the question on one line.");
  });
});

describe("the answers' schema, built from the questions", () => {
  const questions = [
    question("title", "short_text", "Title", { required: true }),
    question("diet", "long_text", "Dietary requirements"),
    question("delegation", "single_choice", "Delegation", { options: ["Member State", "Observer"], required: true }),
    question("days", "multiple_choice", "Days", { options: ["Monday", "Tuesday", "Wednesday"] }),
    question("access", "yes_no", "Wheelchair access", { required: true }),
    question("photo", "yes_no", "Photographs"),
  ];
  const schema = answersSchema(questions);

  it("keeps each kind's answer in its own shape and leaves out what was left unanswered", () => {
    expect(schema.parse({ title: " Dr. ", diet: "Vegetarian\nno nuts", delegation: "Observer", days: ["Wednesday", "Monday", "Monday"], access: "no", photo: "" })).toEqual({
      title: "Dr.",
      diet: "Vegetarian\nno nuts",
      delegation: "Observer",
      // In the question's own order, each once.
      days: ["Monday", "Wednesday"],
      access: false,
    });
    // What the schema made is an answer it takes again (the registration checks it again under the lock).
    const once = schema.parse({ title: "Ms.", delegation: "Member State", days: "Tuesday", access: true, photo: "yes" });
    expect(once).toEqual({ title: "Ms.", delegation: "Member State", days: ["Tuesday"], access: true, photo: true });
    expect(schema.parse(once)).toEqual(once);
  });

  it("says what each required question needs, all at once, by question", () => {
    expect(answerErrors(questions, {})).toEqual({
      title: "Please answer “Title”.",
      delegation: "Choose an answer to “Delegation”.",
      access: "Choose yes or no for “Wheelchair access”.",
    });
    expect(answerErrors(questions, { title: "   ", delegation: "", access: null })).toEqual(answerErrors(questions, {}));
  });

  it("refuses a choice the question does not offer, and answers of the wrong shape", () => {
    const base = { title: "Dr.", delegation: "Observer", access: "yes" };
    expect(answerErrors(questions, { ...base, delegation: "Press" })).toEqual({ delegation: "Choose one of the answers listed for “Delegation”." });
    expect(answerErrors(questions, { ...base, days: ["Monday", "Sunday"] })).toEqual({ days: "Choose from the answers listed for “Days”." });
    expect(answerErrors(questions, { ...base, delegation: ["Observer"] })).toEqual({ delegation: "Choose one of the answers listed for “Delegation”." });
    expect(answerErrors(questions, { ...base, access: "maybe" })).toEqual({ access: "Choose yes or no for “Wheelchair access”." });
    expect(answerErrors(questions, { ...base, title: 42 })).toEqual({ title: "Please answer “Title” in words." });
    expect(answerErrors(questions, { ...base, title: "x".repeat(201) }).title).toMatch(/at most 200 characters/);
    expect(answerErrors(questions, { ...base, title: "Dr.\nEvil" }).title).toBe("Write the answer to “Title” on one line.");
    expect(answerErrors(questions, { ...base, diet: "x".repeat(2001) }).diet).toMatch(/at most 2000 characters/);
    expect(answerErrors(questions, { ...base, diet: "bell\u0007" }).diet).toMatch(/letters, digits and punctuation/);
  });

  it("drops answers to questions it does not ask, and takes nothing but an object", () => {
    expect(schema.parse({ title: "Dr.", delegation: "Observer", access: true, removed: "old answer" })).toEqual({ title: "Dr.", delegation: "Observer", access: true });
    expect(answersSchema([]).parse("nonsense")).toEqual({});
    expect(Object.keys(answerErrors(questions, ["Dr."]))).toEqual(["title", "delegation", "access"]);
  });

  it("reads the answers from a posted form: every ticked box of a question that takes several", () => {
    const data = new FormData();
    data.append(answerFieldName("title"), "Dr.");
    data.append(answerFieldName("days"), "Monday");
    data.append(answerFieldName("days"), "Tuesday");
    data.append(answerFieldName("access"), "yes");
    expect(answersFromFormData(data, questions)).toEqual({ title: "Dr.", diet: null, delegation: null, days: ["Monday", "Tuesday"], access: "yes", photo: null });
  });

  it("writes answers as people read them", () => {
    expect([answerText("Dr."), answerText(["A", "B"]), answerText(["A", "B"], "; "), answerText(true), answerText(false), answerText(undefined)]).toEqual([
      "Dr.",
      "A, B",
      "A; B",
      "Yes",
      "No",
      "",
    ]);
  });
});

// ---------------------------------------------------------------------------
// The staff's actions

const eventRow = async (id: string) => (await db.select().from(events).where(eq(events.id, id)))[0]!;
const auditOf = (entityId: string) => db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.createdAt), asc(auditLog.id));
const asked = async (eventId: string) => (await listQuestions(eventId)).map((q) => q.label);

async function added(eventId: string, input: Record<string, unknown>): Promise<string> {
  const result = await addQuestion({ eventId, kind: "short_text", options: "", required: false, ...input });
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

describe("the staff's questions", () => {
  it("adds, edits, reorders and removes questions, each with its audit row, and marks the event changed each time", async () => {
    await actAs("staff@example.org");
    const event = await scratchEvent();
    let seen = (await eventRow(event.id)).updatedAt;
    const changed = async () => {
      const at = (await eventRow(event.id)).updatedAt;
      expect(at.getTime()).toBeGreaterThan(seen.getTime());
      seen = at;
    };

    const title = await added(event.id, { label: "Title" });
    await changed();
    const delegation = await added(event.id, { label: "Delegation", kind: "single_choice", options: "Member State\nObserver", required: true });
    await changed();
    const diet = await added(event.id, { label: "Dietary requirements", kind: "long_text" });
    await changed();
    expect(await asked(event.id)).toEqual(["Title", "Delegation", "Dietary requirements"]);
    expect((await auditOf(delegation)).map((a) => [a.action, a.entityType])).toEqual([["question.add", "event_question"]]);
    expect((await auditOf(delegation))[0]!.changes).toMatchObject({ eventId: event.id, kind: "single_choice", options: ["Member State", "Observer"], required: true });

    expect(await updateQuestion({ id: title, kind: "short_text", label: "Title or rank", options: "", required: true })).toMatchObject({ ok: true, message: "Question saved." });
    await changed();
    expect((await auditOf(title)).at(-1)).toMatchObject({ action: "question.update", changes: { eventId: event.id, label: ["Title", "Title or rank"], required: [false, true] } });
    expect(await updateQuestion({ id: title, kind: "short_text", label: "Title or rank", options: "", required: true })).toMatchObject({ ok: true, message: "No changes to save." });

    expect(await moveQuestion({ id: diet, direction: "up" })).toMatchObject({ ok: true });
    await changed();
    expect(await asked(event.id)).toEqual(["Title or rank", "Dietary requirements", "Delegation"]);
    expect((await auditOf(diet)).at(-1)).toMatchObject({ action: "question.move", changes: { direction: "up" } });
    // Nowhere to go: nothing moves, nothing is logged.
    const logged = (await auditOf(title)).length;
    expect(await moveQuestion({ id: title, direction: "up" })).toMatchObject({ ok: true });
    expect(await auditOf(title)).toHaveLength(logged);

    expect(await removeQuestion({ id: diet })).toMatchObject({ ok: true, message: expect.stringMatching(/stay in the export/) });
    await changed();
    expect(await asked(event.id)).toEqual(["Title or rank", "Delegation"]);
    // The row stays, for the export.
    expect((await listQuestions(event.id, { removed: true })).map((q) => [q.label, Boolean(q.removedAt)])).toEqual([
      ["Title or rank", false],
      ["Delegation", false],
      ["Dietary requirements", true],
    ]);
    expect((await auditOf(diet)).at(-1)).toMatchObject({ action: "question.remove", changes: { eventId: event.id, label: "Dietary requirements" } });
    // A removed question cannot be edited, moved or removed again.
    expect(await removeQuestion({ id: diet })).toMatchObject({ ok: false, message: expect.stringMatching(/no longer on the form/) });
    expect(await moveQuestion({ id: diet, direction: "down" })).toMatchObject({ ok: false });
    expect(await updateQuestion({ id: diet, kind: "long_text", label: "Diet", options: "", required: false })).toMatchObject({ ok: false });
    // Moves skip the removed one: the last question asked stays last.
    expect(await moveQuestion({ id: delegation, direction: "down" })).toMatchObject({ ok: true });
    expect(await asked(event.id)).toEqual(["Title or rank", "Delegation"]);
    // A new question goes after every other, removed ones included.
    await added(event.id, { label: "Accessibility needs", kind: "long_text" });
    expect(await asked(event.id)).toEqual(["Title or rank", "Delegation", "Accessibility needs"]);
  });

  it("refuses bad definitions beside their fields, an unknown event, and a new kind for a question already answered", async () => {
    await actAs("staff@example.org");
    const event = await scratchEvent();
    expect(await addQuestion({ eventId: event.id, kind: "single_choice", label: "", options: "One" })).toMatchObject({
      ok: false,
      fieldErrors: { label: [expect.any(String)], options: ["List at least two choices, one per line."] },
    });
    expect(await addQuestion({ eventId: crypto.randomUUID(), kind: "short_text", label: "Title" })).toMatchObject({ ok: false, message: "This event no longer exists." });

    const id = await added(event.id, { label: "Delegation" });
    const open = await findPublicEventBySlug(event.slug);
    await registerForEvent(
      { ...person(event.id, "kind"), answers: { [id]: "Mission of Japan" }, answersCheckedAt: open!.updatedAt },
      { kind: "public", client: null },
      ctx,
    );
    expect(await updateQuestion({ id, kind: "single_choice", label: "Delegation", options: "A\nB" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: [expect.stringMatching(/answered this question already/)] },
    });
    // Its wording may change.
    expect(await updateQuestion({ id, kind: "short_text", label: "Delegation or mission" })).toMatchObject({ ok: true });
  });

  it("puts the questions on the event page's form, in order, without the removed ones", async () => {
    await actAs("staff@example.org");
    const event = await scratchEvent();
    const a = await added(event.id, { label: "First" });
    await added(event.id, { label: "Second", kind: "yes_no", required: true });
    await removeQuestion({ id: a });
    await added(event.id, { label: "Third", kind: "multiple_choice", options: "X\nY" });
    const availability = await getRegistrationAvailability(event.id);
    expect(availability!.questions.map((q) => [q.label, q.kind, q.options, q.required])).toEqual([
      ["Second", "yes_no", [], true],
      ["Third", "multiple_choice", ["X", "Y"], false],
    ]);
    expect((await findPublicEventBySlug(event.slug))!.questions).toEqual(availability!.questions);
  });
});

// ---------------------------------------------------------------------------
// Registering with answers

const person = registrants({ email: "q-" });

const answersOf = async (eventId: string, email: string) =>
  (await db.select({ answers: registrations.answers }).from(registrations).where(and(eq(registrations.eventId, eventId), eq(registrations.emailNormalized, email))))[0]?.answers;

/** What register_public_seat answered on each call, while `run` runs. */
async function seatCalls(run: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(registrationQueries, "registerPublicSeat");
  await run();
  const outcomes = await Promise.all(spy.mock.results.map(async (r) => ((await r.value) as { outcome: string }).outcome));
  spy.mockRestore();
  return outcomes;
}

describe("answers on a registration", () => {
  let event: Event;
  let ids: Record<"title" | "delegation" | "days" | "access", string>;

  beforeAll(async () => {
    await actAs("staff@example.org");
    event = await scratchEvent();
    ids = {
      title: await added(event.id, { label: "Title" }),
      delegation: await added(event.id, { label: "Delegation", kind: "single_choice", options: "Member State\nObserver", required: true }),
      days: await added(event.id, { label: "Days", kind: "multiple_choice", options: "Monday\nTuesday" }),
      access: await added(event.id, { label: "Wheelchair access", kind: "yes_no" }),
    };
  });

  /** The form as the page shows it now: its questions, and the moment they were read. */
  const openForm = async () => (await findPublicEventBySlug(event.slug))!;

  it("are written by register_public_seat in the common case, in one call", async () => {
    const form = await openForm();
    const answers = answersSchema(form.questions).parse({ [ids.title]: "Dr.", [ids.delegation]: "Observer", [ids.days]: ["Tuesday", "Monday"], [ids.access]: "yes" });
    const input = person(event.id, "fast", { answers, answersCheckedAt: form.updatedAt });
    expect(await seatCalls(() => registerForEvent(input, { kind: "public", client: null }, ctx))).toEqual(["created"]);
    expect(await answersOf(event.id, input.email)).toEqual({ [ids.title]: "Dr.", [ids.delegation]: "Observer", [ids.days]: ["Monday", "Tuesday"], [ids.access]: true });
  });

  it("are checked again in the transaction when the questions changed after they were checked, and written there", async () => {
    const form = await openForm();
    const answers = answersSchema(form.questions).parse({ [ids.title]: "Ms.", [ids.delegation]: "Member State", [ids.days]: ["Monday"] });
    // Staff change the form meanwhile: a new optional question, and the title question goes.
    await actAs("staff@example.org");
    await added(event.id, { label: "Badge name" });
    await removeQuestion({ id: ids.title });
    const input = person(event.id, "slow", { answers, answersCheckedAt: form.updatedAt });
    let result: Awaited<ReturnType<typeof registerForEvent>> | undefined;
    expect(await seatCalls(async () => (result = await registerForEvent(input, { kind: "public", client: null }, ctx)))).toEqual(["stale"]);
    expect(result).toMatchObject({ outcome: "created" });
    // The answer to the question removed meanwhile is not kept; the others are.
    expect(await answersOf(event.id, input.email)).toEqual({ [ids.delegation]: "Member State", [ids.days]: ["Monday"] });
  });

  it("are refused when a required question was added after they were checked, and nothing is written", async () => {
    const form = await openForm();
    const answers = answersSchema(form.questions).parse({ [ids.delegation]: "Observer" });
    await actAs("staff@example.org");
    const badge = await added(event.id, { label: "Photo consent", kind: "yes_no", required: true });
    const input = person(event.id, "refused", { answers, answersCheckedAt: form.updatedAt });
    const result = await registerForEvent(input, { kind: "public", client: null }, ctx);
    expect(result).toEqual({ outcome: "refused", reason: "answers", answerErrors: { [badge]: "Choose yes or no for “Photo consent”." } });
    expect(await answersOf(event.id, input.email)).toBeUndefined();
    await removeQuestion({ id: badge });
  });

  describe("through the public form", () => {
    const posted = (fields: Record<string, string | string[]>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
      return data;
    };
    const details = (email: string) => ({ slug: event.slug, name: "Grace Hopper", email, organization: "", category: "Academia", consent: "on", idempotencyKey: "" });

    it("reports each question's problem with the others, keeps what was typed, and hands back the questions it checked", async () => {
      await actAs(null);
      const email = `q-form-${event.id.slice(0, 8)}@example.org`;
      const state = await register(null, posted({ ...details(""), [answerFieldName(ids.days)]: ["Monday", "Sunday"], [answerFieldName(ids.access)]: "no" }));
      expect(state.status).toBe("invalid");
      expect(Object.keys(state.fieldErrors ?? {})).toEqual(["email"]);
      expect(state.answerErrors).toEqual({ [ids.delegation]: "Choose an answer to “Delegation”.", [ids.days]: "Choose from the answers listed for “Days”." });
      expect(state.values?.answers).toMatchObject({ [ids.days]: ["Monday", "Sunday"], [ids.access]: "no", [ids.delegation]: null });
      expect(state.questions?.map((q) => q.label)).toEqual((await openForm()).questions.map((q) => q.label));

      const done = await register(null, posted({ ...details(email), [answerFieldName(ids.delegation)]: "Observer", [answerFieldName(ids.days)]: ["Tuesday", "Monday"], [answerFieldName(ids.access)]: "no" }));
      expect(done).toMatchObject({ status: "done" });
      expect(await answersOf(event.id, email)).toEqual({ [ids.delegation]: "Observer", [ids.days]: ["Monday", "Tuesday"], [ids.access]: false });
    });

    it("takes answers as an object too, and an event without questions keeps none", async () => {
      await actAs(null);
      const email = `q-object-${event.id.slice(0, 8)}@example.org`;
      expect(await register(null, { ...details(email), consent: true, idempotencyKey: crypto.randomUUID(), answers: { [ids.delegation]: "Member State" } })).toMatchObject({ status: "done" });
      expect(await answersOf(event.id, email)).toEqual({ [ids.delegation]: "Member State" });

      const plain = await scratchEvent();
      const other = `q-plain-${plain.id.slice(0, 8)}@example.org`;
      expect(await register(null, { ...details(other), slug: plain.slug, consent: true, idempotencyKey: crypto.randomUUID(), answers: { [ids.delegation]: "x" } })).toMatchObject({ status: "done" });
      expect(await answersOf(plain.id, other)).toEqual({});
    });
  });
});

// ---------------------------------------------------------------------------
// The staff's list and export

describe("answers in the staff's list and export", () => {
  let event: Event;
  let q: Record<"title" | "diet" | "delegation" | "days" | "access", string>;

  async function insert(label: string, answers: Record<string, RegistrationAnswer>, name = `Person ${label}`) {
    await db.insert(registrations).values({
      eventId: event.id,
      name,
      email: `${label}@example.org`,
      emailNormalized: `${label}@example.org`,
      status: "confirmed",
      manageTokenHash: `questions-${label}-${event.id}`,
      checkInCode: `Q${label.toUpperCase().padEnd(7, "X")}`.slice(0, 8),
      answers,
      consentAt: new Date(),
    });
  }

  beforeAll(async () => {
    await actAs("staff@example.org");
    event = await scratchEvent();
    q = {
      title: await added(event.id, { label: "Title" }),
      diet: await added(event.id, { label: "Dietary requirements", kind: "long_text" }),
      delegation: await added(event.id, { label: "Delegation", kind: "single_choice", options: "Member State\nObserver" }),
      days: await added(event.id, { label: "Days", kind: "multiple_choice", options: "Monday\nTuesday" }),
      access: await added(event.id, { label: "Wheelchair access", kind: "yes_no" }),
    };
    await insert("ana", { [q.title]: "Dr.", [q.diet]: "Vegan, no_nuts", [q.delegation]: "Observer", [q.days]: ["Monday"], [q.access]: true });
    await insert("ben", { [q.title]: "=HYPERLINK(\"http://evil.example\")", [q.delegation]: "Member State", [q.days]: ["Monday", "Tuesday"], [q.access]: false });
    await insert("cleo", { [q.diet]: "Vegetarian 100%", [q.days]: ["Tuesday"] }, "Cleo Vegan");
    await insert("dan", {});
  });

  const names = async (answer: RegistrationListFilter["answer"], extra: Partial<RegistrationListFilter> = {}) => {
    const filter: RegistrationListFilter = { sort: "name_asc", answer, ...extra };
    const page = await listRegistrationsPage(event.id, { ...filter, pageSize: 50 });
    const counted = await countMatches(event.id, filter, 100);
    expect(counted.n).toBe(page.rows.length);
    return page.rows.map((r) => r.name.replace("Person ", ""));
  };
  const by = async (key: keyof typeof q, value?: string) => answerFilter(await listQuestions(event.id, { removed: true }), q[key], value);

  it("lists each registration's answers", async () => {
    const page = await listRegistrationsPage(event.id, { sort: "name_asc", pageSize: 50 });
    expect(page.rows.find((r) => r.name === "Person ana")?.answers).toMatchObject({ [q.delegation]: "Observer", [q.access]: true });
  });

  it("filter by a question: who answered it, words of a text, a choice, yes or no", async () => {
    expect(await names(await by("title"))).toEqual(["ana", "ben"]);
    expect(await names(await by("diet", "vegan"))).toEqual(["ana"]);
    // % and _ are letters here, not patterns.
    expect(await names(await by("diet", "100%"))).toEqual(["Cleo Vegan"]);
    expect(await names(await by("diet", "no_n"))).toEqual(["ana"]);
    expect(await names(await by("diet", "_"))).toEqual(["ana"]);
    expect(await names(await by("delegation", "observer"))).toEqual(["ana"]);
    expect(await names(await by("delegation", "Obs"))).toEqual([]);
    expect(await names(await by("days", "monday"))).toEqual(["ana", "ben"]);
    expect(await names(await by("days", "Tuesday"))).toEqual(["Cleo Vegan", "ben"]);
    expect(await names(await by("access", "yes"))).toEqual(["ana"]);
    expect(await names(await by("access", "No"))).toEqual(["ben"]);
    expect(await names(await by("access", "perhaps"))).toEqual([]);
    // With the search: both hold.
    expect(await names(await by("diet"), { q: "cleo" })).toEqual(["Cleo Vegan"]);
    expect(await names(await by("diet"), { q: "ben" })).toEqual([]);
    // Another event's question filters nothing.
    expect(answerFilter(await listQuestions(event.id), crypto.randomUUID(), "x")).toBeUndefined();
  });

  it("export a column per question, removed ones included, formula-safe, with the list's answer filter", async () => {
    await actAs("staff@example.org");
    await removeQuestion({ id: q.diet });
    const file = async (query = "") => {
      const response = await exportCsv(new NextRequest(`http://localhost:3000/admin/events/${event.id}/registrations/export.csv${query}`), {
        params: Promise.resolve({ id: event.id }),
      });
      expect(response.status).toBe(200);
      return (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    };
    const lines = await file("?sort=name_asc");
    expect(lines[0]).toMatch(/,Checked in \(Europe\/Zurich\),Title,Delegation,Days,Wheelchair access,Dietary requirements \(removed\)$/);
    const row = (name: string) => lines.find((l) => l.startsWith(name))!;
    expect(row("Person ana")).toMatch(/,Dr\.,Observer,Monday,Yes,"Vegan, no_nuts"$/);
    expect(row("Person ben")).toMatch(/,"'=HYPERLINK\(""http:\/\/evil\.example""\)",Member State,Monday; Tuesday,No,$/);
    expect(row("Cleo Vegan")).toMatch(/,,,Tuesday,,Vegetarian 100%$/);
    expect(row("Person dan")).toMatch(/,,,,,$/);
    expect(lines.some((l) => /(^|,)=/.test(l))).toBe(false);

    const filtered = await file(`?sort=name_asc&question=${q.days}&answer=tuesday`);
    expect(filtered.filter(Boolean).slice(1).map((l) => l.split(",")[0])).toEqual(["Cleo Vegan", "Person ben"]);
    // The removed question's answers still filter.
    expect((await file(`?question=${q.diet}`)).filter(Boolean)).toHaveLength(3);
  });
});

describe("the event's updated_at", () => {
  it("moves forward with every question change even when the clock says otherwise", async () => {
    await actAs("staff@example.org");
    const event = await scratchEvent();
    const future = new Date(Date.now() + 3600_000);
    await db.update(events).set({ updatedAt: future }).where(eq(events.id, event.id));
    await added(event.id, { label: "Title" });
    expect((await eventRow(event.id)).updatedAt.getTime()).toBeGreaterThan(future.getTime());
    const [row] = await db.select().from(eventQuestions).where(eq(eventQuestions.eventId, event.id)).orderBy(desc(eventQuestions.createdAt));
    expect(row?.label).toBe("Title");
  });
});
