import Link from "next/link";
import type { ReactNode } from "react";
import { type Column, DataTable } from "@/components/admin/data-list";
import { RegistrationCancelStaff } from "@/components/registration-cancel-staff";
import type { RegistrationListRow } from "@/db/queries/registration-lists";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { formatStaffDate, formatStaffTime, type StaffClock } from "@/lib/time";
import { REGISTRATION_STATUS_LABELS } from "@/lib/validations/registration";

const BADGE = {
  confirmed: "bg-green-100 text-green-900",
  waitlisted: "bg-amber-100 text-amber-900",
  cancelled: "bg-slate-100 text-slate-700",
  pending: "bg-sky-100 text-sky-900",
  declined: "bg-rose-100 text-rose-900",
} as const;

/**
 * One page of an event's registrations, for staff, or what to say when there are none. Times are the
 * event's own (`clock`), written as the Check-in tab writes them.
 */
export function RegistrationTable({ rows, clock, empty }: { rows: RegistrationListRow[]; clock: StaffClock; empty: { title: string; body?: ReactNode } }) {
  const columns: Column<RegistrationListRow>[] = [
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
      cell: (r) => r.status !== "cancelled" && !r.checkedInAt && <RegistrationCancelStaff id={r.id} name={r.name} />,
    },
  ];
  return <DataTable caption="Registrations" columns={columns} rows={rows} empty={empty} />;
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
