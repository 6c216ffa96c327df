import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ApprovalOutcomes } from "@/components/approval-outcomes";
import { ApprovalReview, type ConflictChoice } from "@/components/approval-review";
import { ProfilePortrait } from "@/components/profile-portrait";
import { PlainText } from "@/components/plain-text";
import { EmptyState } from "@/components/ui/table";
import { listPendingRevisions, type PendingRevisionRow, revisionFields, versionOf } from "@/db/queries/profiles";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { LANGUAGE_LABELS } from "@/lib/i18n/languages";
import { displayName } from "@/lib/names";
import { type MergeField, planMerge } from "@/lib/profile-merge";
import { mediaUrl } from "@/lib/storage";
import { formatStaffTime, homeClock } from "@/lib/time";
import { NAME_ORDER_LABELS } from "@/lib/validations/person";
import { PROFILE_FIELD_LABELS, PROFILE_FIELDS, type ProfileField, TRANSLATED_PROFILE_FIELDS } from "@/lib/validations/profile";

export const metadata: Metadata = { title: "Profile changes to review" };

function value(field: ProfileField, v: string | null): ReactNode {
  if (field === "nameOrder") return NAME_ORDER_LABELS[v as keyof typeof NAME_ORDER_LABELS] ?? v;
  if (!v?.trim()) return <span className="text-slate-500">(empty)</span>;
  return field === "bio" ? <PlainText text={v} /> : v;
}

type Portrait = PendingRevisionRow["oldPortrait"];

function photo(p: Portrait, label: string): ReactNode {
  if (!p?.key) return <span className="text-slate-500">(no photo)</span>;
  return (
    <figure className="space-y-1">
      <ProfilePortrait src={mediaUrl(p.key)} alt={`${label}: ${p.alt ?? "no description"}`} width={p.width} height={p.height} className="w-36" />
      <figcaption className="text-xs text-slate-600">Description: {p.alt?.trim() || "(none)"}</figcaption>
    </figure>
  );
}

/** A value as one line of a choice between two. */
function plainValue(field: ProfileField, v: string | null): string {
  if (field === "nameOrder") return NAME_ORDER_LABELS[v as keyof typeof NAME_ORDER_LABELS] ?? String(v);
  const text = v?.trim();
  if (!text) return "(empty)";
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

type RowState = "changed" | "conflict" | "staff" | null;
const ROW_NOTE: Record<Exclude<RowState, null>, string> = {
  changed: "Changed",
  conflict: "Also edited by staff",
  staff: "Edited by staff since; stays",
};

/** Changed rows carry words and a bar at the side: never colour alone. */
function Row({ label, state, before, after }: { label: string; state: RowState; before: ReactNode; after: ReactNode }) {
  const changed = state !== null;
  return (
    <tr className={changed ? "bg-amber-50" : undefined}>
      <th scope="row" className={`px-3 py-2 text-left align-top font-medium ${changed ? "border-l-4 border-amber-500" : "border-l-4 border-transparent"}`}>
        {label}
        {state && <span className="mt-1 block text-xs font-semibold uppercase tracking-wide text-amber-900">{ROW_NOTE[state]}</span>}
      </th>
      <td className="px-3 py-2 align-top">{before}</td>
      <td className={`px-3 py-2 align-top ${changed ? "font-medium" : ""}`}>{after}</td>
    </tr>
  );
}

export default async function ApprovalsPage() {
  await requireRole("staff", "/admin/approvals");
  const [rows, settings] = await Promise.all([listPendingRevisions(), getSettings()]);

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-brand-900">Profile changes to review</h1>
        <p className="text-slate-700">
          Panelists&apos; own changes wait here, oldest first. Nothing below is public until approved; approving applies every
          change at once.
        </p>
      </div>
      <ApprovalOutcomes>
        {rows.length === 0 ? (
          <EmptyState title="Nothing to review">When a panelist proposes changes to their profile, they appear here.</EmptyState>
        ) : (
          <ol className="space-y-10">
            {rows.map(({ revision, person, oldPortrait, newPortrait, authorEmail }) => {
              const name = displayName(person);
              // Another language's revision changes that language's version only: its name, titles and bio.
              const { language } = revision;
              const isDefault = language === settings.defaultLanguage;
              const current = versionOf(person, language, settings.defaultLanguage);
              const fields: readonly ProfileField[] = isDefault ? PROFILE_FIELDS : TRANSLATED_PROFILE_FIELDS;
              const lang = isDefault ? undefined : language;
              const plan = planMerge(current, revisionFields(revision), revision.base);
              const stateOf = (f: MergeField): RowState =>
                plan.conflicts.includes(f) ? "conflict" : plan.keptStaffEdits.includes(f) ? "staff" : plan.result[f] !== current[f] ? "changed" : null;
              const changedCount = plan.proposed.length;
              const conflicts: ConflictChoice[] = plan.conflicts.map((f) =>
                f === "portraitId"
                  ? { field: f, label: "Photo", current: "the photo the public sees now", proposed: "the proposed photo" }
                  : { field: f, label: PROFILE_FIELD_LABELS[f], current: plainValue(f, current[f]), proposed: plainValue(f, revision[f]) },
              );
              return (
                <li key={revision.id}>
                  <article aria-labelledby={`revision-${revision.id}`} className="space-y-4 rounded-lg border border-slate-200 p-5">
                    <header className="space-y-1">
                      <h2 id={`revision-${revision.id}`} className="text-xl font-semibold">
                        <Link href={`/admin/people/${person.id}`}>{name}</Link>
                        {settings.enabledLanguages.length > 1 && <span className="font-normal text-slate-700"> · {LANGUAGE_LABELS[language]}</span>}
                      </h2>
                      <p className="text-sm text-slate-600">
                        {!isDefault && `Changes to the ${LANGUAGE_LABELS[language]} version only · `}
                        Sent {formatStaffTime(revision.createdAt, homeClock(settings))}
                        {authorEmail && ` by ${authorEmail}`} · {changedCount === 1 ? "1 change" : `${changedCount} changes`}
                      </p>
                    </header>
                    <div className="overflow-x-auto rounded-md border border-slate-200">
                      <table className="min-w-full divide-y divide-slate-200 text-sm">
                        <caption className="sr-only">
                          Public now and proposed, for {name} in {LANGUAGE_LABELS[language]}
                        </caption>
                        <thead className="bg-slate-50">
                          <tr>
                            <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                              Field
                            </th>
                            <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                              Public now
                            </th>
                            <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                              Proposed
                            </th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {fields.map((f) => (
                            <Row
                              key={f}
                              label={PROFILE_FIELD_LABELS[f]}
                              state={stateOf(f)}
                              before={<span lang={lang}>{value(f, current[f])}</span>}
                              after={<span lang={lang}>{value(f, revision[f])}</span>}
                            />
                          ))}
                          {isDefault && (
                            <Row
                              label="Photo"
                              state={stateOf("portraitId")}
                              before={photo(oldPortrait, "Public photo")}
                              after={photo(newPortrait, "Proposed photo")}
                            />
                          )}
                        </tbody>
                      </table>
                    </div>
                    <ApprovalReview revisionId={revision.id} name={isDefault ? name : `${name} in ${LANGUAGE_LABELS[language]}`} conflicts={conflicts} />
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </ApprovalOutcomes>
    </div>
  );
}
