import { StaffTime } from "@/components/ui/staff-time";
import type { FeedbackResults as Results } from "@/db/queries/feedback";
import { RATING_LABELS } from "@/lib/after-event";
import type { StaffClock } from "@/lib/time";

const answers = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "answer" : "answers"}`;

/**
 * What people answered on the feedback form of an event: the average, how many gave each rating, and
 * the comments with their dates. Without names: the form tells people so, which makes for franker
 * answers, and staff have nothing to follow up with a person here (registrations are on their own tab).
 */
export function FeedbackResults({ results, clock }: { results: Results; clock: StaffClock }) {
  const { count, average, distribution, comments, commentCount } = results;
  return (
    <section aria-labelledby="feedback-heading" className="space-y-4">
      <h2 id="feedback-heading" className="text-lg font-semibold">
        Feedback
      </h2>
      {count === 0 ? (
        <p className="text-sm text-slate-700">
          No answers yet. People rate the event on their own registration page, which the thank-you email links to.
        </p>
      ) : (
        <>
          <p>
            <strong className="text-2xl">{average!.toFixed(1)}</strong> out of 5 on average, from {answers(count)}.
          </p>
          <table className="text-sm">
            <caption className="sr-only">Answers by rating</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left font-semibold text-slate-700">
                  Rating
                </th>
                <th scope="col" className="pr-4 text-right font-semibold text-slate-700">
                  Answers
                </th>
                <th scope="col" className="text-left font-semibold text-slate-700">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {[5, 4, 3, 2, 1].map((rating) => {
                const n = distribution[rating - 1]!;
                const share = Math.round((n / count) * 100);
                return (
                  <tr key={rating}>
                    <th scope="row" className="pr-4 text-left font-normal">
                      {rating} – {RATING_LABELS[rating - 1]}
                    </th>
                    <td className="pr-4 text-right tabular-nums">{n}</td>
                    <td>
                      <span className="flex items-center gap-2">
                        <span aria-hidden="true" className="inline-block h-3 rounded-sm bg-brand-700" style={{ width: `${Math.max(share, n ? 2 : 0) * 1.5}px` }} />
                        <span className="tabular-nums">{share}%</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="space-y-2">
            <h3 className="font-semibold">
              Comments{commentCount > comments.length ? ` (the newest ${comments.length} of ${commentCount})` : ` (${commentCount})`}
            </h3>
            {comments.length === 0 ? (
              <p className="text-sm text-slate-700">Nobody has left a comment.</p>
            ) : (
              <ul aria-label="Comments, newest first" className="space-y-3">
                {comments.map((c, i) => (
                  <li key={i} className="rounded-md border border-slate-200 p-3 text-sm">
                    <p className="text-slate-600">
                      Rated {c.rating} of 5 · <StaffTime at={c.at} clock={clock} />
                    </p>
                    <p className="mt-1 whitespace-pre-line break-words">{c.comment}</p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
