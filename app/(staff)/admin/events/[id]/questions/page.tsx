import type { Metadata } from "next";
import { QuestionAddForm, QuestionList, QuestionSuggestions } from "@/components/question-manager";
import { listQuestions } from "@/db/queries/event-questions";
import { getSettings } from "@/db/queries/settings";
import { formatStaffTime, homeClock } from "@/lib/time";
import { QUESTION_KIND_LABELS } from "@/lib/validations/question-fields";
import { staffEventPage } from "../event";

export const metadata: Metadata = { title: "Questions" };

type Props = { params: Promise<{ id: string }> };

/** The questions of the event's registration form: asked ones edited in place, suggestions, removed ones. */
export default async function EventQuestionsPage({ params }: Props) {
  const { id } = await staffEventPage(params, "questions");
  const [questions, settings] = await Promise.all([listQuestions(id, { removed: true }), getSettings()]);
  const asked = questions.filter((q) => !q.removedAt);
  const removed = questions.filter((q) => q.removedAt);
  const clock = homeClock(settings);
  return (
    <div className="space-y-8">
      <p className="max-w-3xl text-sm text-slate-700">
        People answer these questions when they register on the event&apos;s public page. Their answers show in the registrations list and
        in its CSV export. A question you remove leaves the form, and the answers already given to it stay in the export.
      </p>
      <QuestionList questions={asked.map(({ id, kind, label, options, required }) => ({ id, kind, label, options, required }))} />
      <QuestionSuggestions eventId={id} asked={asked.map((q) => q.label)} />
      <QuestionAddForm eventId={id} />
      {removed.length > 0 && (
        <section aria-labelledby="removed-questions-heading" className="space-y-3">
          <h2 id="removed-questions-heading" className="text-lg font-semibold">
            Removed questions
          </h2>
          <p className="text-sm text-slate-600">No longer on the form; the answers given to them stay in the export.</p>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm">
            {removed.map((q) => (
              <li key={q.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <span>
                  {q.label} <span className="text-slate-600">({QUESTION_KIND_LABELS[q.kind]})</span>
                </span>
                <span className="text-slate-600">Removed {formatStaffTime(q.removedAt!, clock)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
