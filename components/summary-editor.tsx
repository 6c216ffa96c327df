"use client";

import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useState } from "react";
import { generateSummary, restoreSummaryRevision, saveSummary } from "@/app/(staff)/admin/events/[id]/summary/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import type { Language } from "@/lib/i18n/languages";
import { renderMarkdown } from "@/lib/markdown";
import { summarySchema } from "@/lib/validations/summary";

export type SummaryValues = {
  title: string;
  lede: string | null;
  body: string;
  attendanceCount: number | null;
  attendanceWording: string | null;
  updatedAt: string;
};

type Props = {
  eventId: string;
  /** The version edited; left out, the default language's. */
  language?: Language;
  /** That version's language in words ("Japanese"); null for the default language's. */
  languageLabel: string | null;
  initial: SummaryValues;
  /** `when` is the time already written in the home clock (lib/time.ts `formatStaffTime`). */
  revisions: { id: string; title: string; createdAt: string; when: string }[];
  checkedIn: number;
};

const toForm = (eventId: string, language: Language | undefined, v: SummaryValues) => ({
  eventId,
  language,
  title: v.title,
  lede: v.lede ?? "",
  body: v.body,
  attendanceCount: v.attendanceCount ?? "",
  attendanceWording: v.attendanceWording ?? "",
  baseUpdatedAt: v.updatedAt,
});

/** Warns before leaving the page, by reload or by link, while there are unsaved changes. */
function useUnsavedChangesWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const message = "You have unsaved changes to the summary. Leave without saving?";
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank" || e.defaultPrevented) return;
      if (!window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}

export function SummaryEditor({ eventId, language, languageLabel, initial, revisions, checkedIn }: Props) {
  const router = useRouter();
  const [confirmGenerate, setConfirmGenerate] = useState(false);
  const { form, message, onSubmit, errors, pending } = useActionForm(summarySchema, saveSummary, {
    defaultValues: toForm(eventId, language, initial),
    onSuccess: (data) => {
      form.reset(toForm(eventId, language, data));
      router.refresh();
    },
  });
  const dirty = form.formState.isDirty;
  useUnsavedChangesWarning(dirty);
  const currentBody = form.watch("body");
  const body = useDeferredValue(currentBody);
  // With no text yet, the next step is a first draft, so that is the page's main button until there is text.
  const hasText = Boolean(currentBody?.trim());

  // The summary's actions mark only the public pages stale, and a draft event has none: the page is
  // refreshed by hand.
  const replaceWith = (data: SummaryValues) => {
    form.reset(toForm(eventId, language, data));
    router.refresh();
  };
  const generator = useActionButton(generateSummary, {
    done: "Draft generated.",
    onSuccess: (data) => {
      setConfirmGenerate(false);
      replaceWith(data);
    },
    // A draft already there is replaced only once staff confirm it.
    onFailure: (result) => setConfirmGenerate(Boolean(result.fieldErrors?.confirm)),
  });
  const restorer = useActionButton(restoreSummaryRevision, { done: "Revision restored.", onSuccess: replaceWith });
  const busy = generator.pending || restorer.pending;

  const generate = (overwrite: boolean) => {
    restorer.clear();
    generator.run({ eventId, language, overwrite });
  };
  const restore = (revisionId: string) => {
    if (dirty && !window.confirm("Restoring replaces your unsaved changes. Continue?")) return;
    generator.clear();
    restorer.run({ eventId, language, revisionId });
  };

  const refused = generator.error && !generator.fieldErrors?.confirm ? generator : restorer.error ? restorer : null;
  const succeeded = generator.message ?? restorer.message;
  const notice = refused
    ? { tone: "error" as const, text: refused.error, reasons: refused.fieldErrors?.problems }
    : succeeded
      ? { tone: "success" as const, text: succeeded, reasons: undefined }
      : null;

  return (
    <div className="space-y-8">
      <Section id="generate-heading" title="First draft" className="rounded-lg border border-slate-200 p-4" headingClassName="text-lg font-semibold">
        <p className="mt-1 text-sm text-slate-600">
          Writes the opening sentence, the speech outline, the panel, the closing and the attendance from the event&apos;s
          own records ({checkedIn} checked in). You then edit it.
          {languageLabel &&
            ` The ${languageLabel} draft takes the ${languageLabel} versions of the records, in the form of a ${languageLabel} press release; where a record has none, the draft marks the text to translate.`}
        </p>
        {notice && (
          <div className="mt-3">
            <Alert tone={notice.tone}>
              {notice.text}
              {notice.reasons && (
                <ul className="mt-1 list-disc pl-5">
                  {notice.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </Alert>
          </div>
        )}
        {confirmGenerate ? (
          <div role="group" aria-label="Confirm replacing the text" className="mt-3 space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4">
            <p className="text-sm text-amber-900">
              This summary already has text{dirty ? ", and you have unsaved changes" : ""}. A new draft replaces it; the saved text
              stays in the revisions below{dirty ? ", but unsaved changes are lost" : ""}.
            </p>
            <div className="flex gap-2">
              <Button type="button" pending={busy} onClick={() => generate(true)}>
                Replace with a new draft
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmGenerate(false)}>
                Keep my text
              </Button>
            </div>
          </div>
        ) : (
          <Button type="button" variant={hasText ? "secondary" : "primary"} className="mt-3" pending={busy} onClick={() => generate(false)}>
            {languageLabel ? `Generate ${languageLabel} draft from the event` : "Generate draft from the event"}
          </Button>
        )}
      </Section>

      <form method="post" onSubmit={onSubmit} noValidate aria-label={languageLabel ? `Summary in ${languageLabel}` : "Summary"} className="space-y-4">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <Field label="Title" error={errors.title?.message}>
          {(p) => <Input {...p} lang={language} {...form.register("title")} />}
        </Field>
        <Field label="Lede" error={errors.lede?.message} hint="One or two sentences shown in lists, the feed and link previews.">
          {(p) => <Textarea {...p} rows={2} lang={language} {...form.register("lede")} />}
        </Field>
        <div className="grid gap-4 lg:grid-cols-2">
          <Field
            label="Text (Markdown)"
            error={errors.body?.message}
            hint="Numbered lists: “1. ” at the start of a line; indent by three spaces for a nested list. **bold**, *italic*, [link](https://…)."
          >
            {(p) => <Textarea {...p} rows={24} lang={language} className="font-mono text-xs" {...form.register("body")} />}
          </Field>
          <div>
            <h3 className="text-sm font-medium text-slate-800" id="preview-heading">
              Preview
            </h3>
            <div
              aria-labelledby="preview-heading"
              lang={language}
              className="mt-1 min-h-40 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm leading-relaxed [&_li]:mt-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
              // renderMarkdown escapes raw HTML and drops unsafe links.
              dangerouslySetInnerHTML={{ __html: renderMarkdown(body ?? "") }}
            />
          </div>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Attendance (people)" error={errors.attendanceCount?.message} hint={`${checkedIn} people were checked in at the door.${languageLabel ? " One number for every language." : ""}`}>
            {(p) => <Input {...p} type="number" min={0} inputMode="numeric" {...form.register("attendanceCount")} />}
          </Field>
          <Field label="Attendance wording" error={errors.attendanceWording?.message} hint="For example “about 90 people, including permanent representatives”.">
            {(p) => <Input {...p} lang={language} {...form.register("attendanceWording")} />}
          </Field>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant={hasText ? "primary" : "secondary"} pending={pending}>
            {languageLabel ? `Save ${languageLabel} version` : "Save summary"}
          </Button>
          {dirty && <span className="text-sm text-amber-800">Unsaved changes</span>}
        </div>
      </form>

      <Section id="revisions-heading" title="Revisions" className={null} headingClassName="text-lg font-semibold">
        {revisions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Each save keeps a revision here.</p>
        ) : (
          <ol className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
            {revisions.map((r, i) => (
              <li key={r.id} className="flex items-center justify-between gap-4 px-3 py-2">
                <span>
                  <time dateTime={r.createdAt}>{r.when}</time>
                  {i === 0 && <span className="ml-2 text-slate-500">(latest)</span>}
                  <span className="ml-2 text-slate-600">{r.title}</span>
                </span>
                {i > 0 && (
                  <Button type="button" variant="link" disabled={busy} onClick={() => restore(r.id)}>
                    Restore<span className="sr-only"> the revision of {r.when}</span>
                  </Button>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
