import Link from "next/link";
import type { ReactNode } from "react";
import { type Column, DataTable } from "@/components/admin/data-list";
import { RegistrationCancelStaff } from "@/components/registration-cancel-staff";
import { RegistrationDecideRow } from "@/components/registration-decisions";
import type { RegistrationListRow } from "@/db/queries/registration-lists";
import type { EventQuestion } from "@/db/schema";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { formatStaffDate, formatStaffTime, type StaffClock } from "@/lib/time";
import { answerText } from "@/lib/validations/question-fields";
import { REGISTRATION_STATUS_LABELS } from "@/lib/validations/registration";

const BADGE = {
  confirmed: "bg-green-100 text-green-900",
  waitlisted: "bg-amber-100 text-amber-900",
  cancelled: "bg-slate-100 text-slate-700",
  pending: "bg-sky-100 text-sky-900",
  declined: "bg-rose-100 text-rose-900",
} as const;

type TableProps = {
  rows: RegistrationListRow[];
  clock: StaffClock;
  empty: { title: string; body?: ReactNode };
  /** Approve and decline in the rows awaiting approval, which get a checkbox of the form `formId` (RegistrationDecisionForm). */
  decisions?: { eventId: string; formId: string };
  /** The event's questions, whose answers each row lists. */
  questions?: Pick<EventQuestion, "id" | "label">[];
};

/**
 * One page of an event's registrations, for staff, or what to say when there are none. Times are the
 * event's own (`clock`), written as the Check-in tab writes them.
 */
export function RegistrationTable({ rows, clock, empty, decisions, questions = [] }: TableProps) {
  const select: Column<RegistrationListRow>[] = decisions
    ? [
        {
          header: "Select",
          quietHeader: true,
          cell: (r) =>
            r.status === "pending" && (
              <input type="checkbox" name="ids" value={r.id} form={decisions.formId} aria-label={`Select ${r.name}`} className="size-4 accent-brand-700" />
            ),
        },
      ]
    : [];
  const columns: Column<RegistrationListRow>[] = [
    ...select,
    {
      header: "Name",
      className: "min-w-40",
      cell: (r) => (
        <>
          <span className="font-medium">{r.name}</span>
          {r.organization && <div className="text-xs text-slate-600">{r.organization}</div>}
          {r.anonymizedAt && <div className="text-xs text-slate-600">Personal data deleted: {formatStaffDate(r.anonymizedAt, clock)}</div>}
        </>
      ),
    },
    { header: "Email", className: "whitespace-nowrap", cell: (r) => r.email || "—" },
    { header: "Category", cell: (r) => r.category ?? "—" },
    ...(questions.length > 0 ? [answersColumn(questions)] : []),
    {
      header: "Status",
      className: "min-w-40",
      cell: (r) => (
        <>
          <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${BADGE[r.status]}`}>
            {REGISTRATION_STATUS_LABELS[r.status]}
            {r.status === "waitlisted" && r.waitlistPosition != null && `, no. ${r.waitlistPosition}`}
          </span>
          {r.checkedInAt && <div className="text-xs text-green-800">Checked in at {formatStaffTime(r.checkedInAt, clock)}</div>}
        </>
      ),
    },
    { header: "Code", className: "whitespace-nowrap font-mono", cell: (r) => formatCheckInCode(r.checkInCode) },
    {
      header: "Registered",
      className: "whitespace-nowrap",
      cell: (r) => <time dateTime={r.createdAt.toISOString()}>{formatStaffTime(r.createdAt, clock)}</time>,
    },
    {
      header: "Actions",
      quietHeader: true,
      cell: (r) =>
        decisions && (r.status === "pending" || r.status === "declined") ? (
          <RegistrationDecideRow eventId={decisions.eventId} id={r.id} name={r.name} status={r.status} />
        ) : (
          r.status !== "cancelled" && r.status !== "declined" && !r.checkedInAt && <RegistrationCancelStaff id={r.id} name={r.name} />
        ),
    },
  ];
  return <DataTable caption="Registrations" columns={columns} rows={rows} empty={empty} />;
}

/** A long answer's start, on one line: the whole of it is in the export. */
const clipped = (text: string) => {
  const line = text.replace(/\s+/g, " ");
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
};

/** Each answer a registration gave, under its question's label. */
function answersColumn(questions: Pick<EventQuestion, "id" | "label">[]): Column<RegistrationListRow> {
  return {
    header: "Answers",
    className: "min-w-56",
    cell: (r) => {
      const given = questions.filter((q) => r.answers[q.id] != null);
      if (given.length === 0) return <span className="text-slate-500">—</span>;
      return (
        <dl className="space-y-0.5 text-xs">
          {given.map((q) => (
            <div key={q.id}>
              <dt className="inline font-medium text-slate-700">{q.label}:</dt> <dd className="inline">{clipped(answerText(r.answers[q.id]))}</dd>
            </div>
          ))}
        </dl>
      );
    },
  };
}

type PagesProps = {
  /** Rows on this page. */
  shown: number;
  /** Registrations the search and filter find; with `more`, at least this many. */
  total: number;
  more: boolean;
  /** Addresses of the other pages, null where there is none. Plain links: they work without JavaScript. */
  first: string | null;
  previous: string | null;
  next: string | null;
};

const number = new Intl.NumberFormat("en-US");

/**
 * Page links for the list, which moves from a row to the next (keyset pages): a page is always as fast
 * as the first, and a registration arriving meanwhile shifts nothing. Such pages have no numbers, so
 * the line says how many there are in all instead.
 */
export function RegistrationPages({ shown, total, more, first, previous, next }: PagesProps) {
  if (!first && !previous && !next) return null;
  const link = (href: string | null, label: string, rel?: string) =>
    href ? (
      <Link href={href} rel={rel}>
        {label}
      </Link>
    ) : (
      <span className="text-slate-400">{label}</span>
    );
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-slate-600">
        {shown} shown of {more ? `more than ${number.format(total)}` : number.format(total)}
        {more && " (counted up to there)"}
      </span>
      <span className="flex gap-3">
        {link(first, "First page")}
        {link(previous, "Previous page", "prev")}
        {link(next, "Next page", "next")}
      </span>
    </nav>
  );
}
