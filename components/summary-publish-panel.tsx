"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishSummary, unpublishSummary } from "@/app/(staff)/admin/events/[id]/summary/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Language } from "@/lib/i18n/languages";

type Props = {
  eventId: string;
  /** The version this panel publishes; left out, the default language's (which the others need). */
  language?: Language;
  /** That version's language in words ("Japanese"); null for the default language's. */
  languageLabel: string | null;
  /** The public page of this version. */
  publicPath: string;
  published: boolean;
  /** When it was published, already written in the home clock (lib/time.ts `formatStaffTime`). */
  publishedAt: string | null;
  /** What stands in the way of publishing, as the server sees it now (the page refreshes after every change). */
  problems: string[];
};

export function SummaryPublishPanel({ eventId, language, languageLabel, publicPath, published, publishedAt, problems }: Props) {
  const router = useRouter();
  // Publishing and unpublishing mark the public pages stale, which renders this page afresh; a refusal
  // marks nothing, so the page is refreshed for the problems as the server now sees them.
  const { run, pending, error, fieldErrors, message, clear } = useActionButton(
    (action: typeof publishSummary | typeof unpublishSummary) => action({ eventId, language }),
    { done: "Done.", onFailure: () => router.refresh() },
  );
  // The answer to the last click holds only while the problems it was about do: once a save or a new
  // draft changes them, it is out of date and the current list takes its place.
  const problemsKey = problems.join("\n");
  const [resultFor, setResultFor] = useState(problemsKey);
  if (resultFor !== problemsKey) {
    setResultFor(problemsKey);
    clear();
  }
  const result = error ? { tone: "error" as const, text: error, reasons: fieldErrors?.problems } : message ? { tone: "success" as const, text: message, reasons: undefined } : null;

  const showList = problems.length > 0 && !result?.reasons;

  return (
    <section aria-labelledby="publish-heading" className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h2 id="publish-heading" className="text-lg font-semibold">
        Publishing{languageLabel ? ` the ${languageLabel} version` : ""}
      </h2>
      <p className="text-sm">
        {published ? (
          <>
            Published{publishedAt ? ` ${publishedAt}` : ""}: <Link href={publicPath}>view the public page{languageLabel ? ` in ${languageLabel}` : ""}</Link>.
          </>
        ) : languageLabel ? (
          `Not published in ${languageLabel}: its public page shows the default language's version.`
        ) : (
          "Not published: the public event page does not show the summary."
        )}
      </p>
      {result && (
        <Alert tone={result.tone}>
          {result.text}
          {result.reasons && (
            <ul aria-label="Problems to fix" className="mt-1 list-disc pl-5">
              {result.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div aria-live="polite">
        {showList && (
          <div className="text-sm text-slate-700">
            <p>{published ? "Needs attention (a photo without a description stays off the public page):" : "Before it can be published:"}</p>
            <ul aria-label="Problems to fix" className="mt-1 list-disc pl-5">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/admin/events/${eventId}/summary/preview${language ? `?language=${language}` : ""}`}>
          Preview the public page{languageLabel ? ` in ${languageLabel}` : ""}
        </Link>
        {published ? (
          <Button type="button" variant="secondary" pending={pending} onClick={() => run(unpublishSummary)}>
            {languageLabel ? `Unpublish the ${languageLabel} version` : "Unpublish"}
          </Button>
        ) : (
          // The page's main button only once there is nothing left to fix; until then it explains what is.
          <Button type="button" variant={problems.length ? "secondary" : "primary"} pending={pending} onClick={() => run(publishSummary)}>
            {languageLabel ? `Publish the ${languageLabel} version` : "Publish summary"}
          </Button>
        )}
      </div>
    </section>
  );
}
