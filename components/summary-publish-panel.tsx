"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishSummary, unpublishSummary } from "@/app/(staff)/admin/events/[id]/summary/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props = {
  eventId: string;
  eventSlug: string;
  published: boolean;
  /** When it was published, already written in the home clock (lib/time.ts `formatStaffTime`). */
  publishedAt: string | null;
  problems: string[];
};

export function SummaryPublishPanel({ eventId, eventSlug, published, publishedAt, problems }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string; reasons?: string[] } | null>(null);

  const run = (action: typeof publishSummary | typeof unpublishSummary) =>
    startTransition(async () => {
      const r = await action({ eventId });
      setResult(r.ok ? { tone: "success", text: r.message ?? "Done." } : { tone: "error", text: r.message, reasons: r.fieldErrors?.problems });
      router.refresh();
    });

  return (
    <section aria-labelledby="publish-heading" className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h2 id="publish-heading" className="text-lg font-semibold">
        Publishing
      </h2>
      <p className="text-sm">
        {published ? (
          <>
            Published{publishedAt ? ` ${publishedAt}` : ""}: <Link href={`/events/${eventSlug}/summary`}>view the public page</Link>.
          </>
        ) : (
          "Not published: the public event page does not show the summary."
        )}
      </p>
      {result && (
        <Alert tone={result.tone}>
          {result.text}
          {result.reasons && (
            <ul className="mt-1 list-disc pl-5">
              {result.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {!published && problems.length > 0 && !result && (
        <div className="text-sm text-slate-700">
          <p>Before it can be published:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/admin/events/${eventId}/summary/preview`}>Preview the public page</Link>
        {published ? (
          <Button type="button" variant="secondary" pending={pending} onClick={() => run(unpublishSummary)}>
            Unpublish
          </Button>
        ) : (
          <Button type="button" pending={pending} onClick={() => run(publishSummary)}>
            Publish summary
          </Button>
        )}
      </div>
    </section>
  );
}
