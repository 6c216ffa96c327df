import Link from "next/link";
import { RegistrationCancelStaff } from "@/components/registration-cancel-staff";
import { Table, Td, Th } from "@/components/ui/table";
import type { RegistrationListRow } from "@/db/queries/registration-lists";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { formatStaffTime, type StaffClock } from "@/lib/time";
import { REGISTRATION_STATUS_LABELS } from "@/lib/validations/registration";

const BADGE = {
  confirmed: "bg-green-100 text-green-900",
  waitlisted: "bg-amber-100 text-amber-900",
  cancelled: "bg-slate-100 text-slate-700",
} as const;

/**
 * One page of an event's registrations, for staff. Times are the event's own (`clock`), written as
 * the Check-in tab writes them.
 */
export function RegistrationTable({ rows, clock }: { rows: RegistrationListRow[]; clock: StaffClock }) {
  return (
    <Table caption="Registrations">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Category</Th>
          <Th>Status</Th>
          <Th>Code</Th>
          <Th>Registered</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="min-w-40">
              <span className="font-medium">{r.name}</span>
              {r.organization && <div className="text-xs text-slate-600">{r.organization}</div>}
            </Td>
            <Td className="whitespace-nowrap">{r.email}</Td>
            <Td>{r.category ?? "—"}</Td>
            <Td className="min-w-40">
              <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${BADGE[r.status]}`}>
                {REGISTRATION_STATUS_LABELS[r.status]}
                {r.status === "waitlisted" && r.waitlistPosition != null && `, no. ${r.waitlistPosition}`}
              </span>
              {r.checkedInAt && <div className="text-xs text-green-800">Checked in at {formatStaffTime(r.checkedInAt, clock)}</div>}
            </Td>
            <Td className="whitespace-nowrap font-mono">{formatCheckInCode(r.checkInCode)}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={r.createdAt.toISOString()}>{formatStaffTime(r.createdAt, clock)}</time>
            </Td>
            <Td>{r.status !== "cancelled" && !r.checkedInAt && <RegistrationCancelStaff id={r.id} name={r.name} />}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
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
