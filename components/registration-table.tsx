import { RegistrationCancelStaff } from "@/components/registration-cancel-staff";
import { Table, Td, Th } from "@/components/ui/table";
import type { RegistrationListRow } from "@/db/queries/registrations";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { formatShortDate, formatTime } from "@/lib/time";
import { REGISTRATION_STATUS_LABELS } from "@/lib/validations/registration";

const BADGE = {
  confirmed: "bg-green-100 text-green-900",
  waitlisted: "bg-amber-100 text-amber-900",
  cancelled: "bg-slate-100 text-slate-700",
} as const;

const stamp = (d: Date, zone: string) => `${formatShortDate(d, zone)}, ${formatTime(d, zone)}`;

/** One page of an event's registrations, for staff. Times are in the organization's home zone. */
export function RegistrationTable({ rows, homeZone, homeLabel }: { rows: RegistrationListRow[]; homeZone: string; homeLabel: string }) {
  return (
    <Table caption="Registrations">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Category</Th>
          <Th>Status</Th>
          <Th>Code</Th>
          <Th>Registered ({homeLabel})</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td>
              <span className="font-medium">{r.name}</span>
              {r.organization && <div className="text-xs text-slate-600">{r.organization}</div>}
            </Td>
            <Td className="break-all">{r.email}</Td>
            <Td>{r.category ?? "—"}</Td>
            <Td>
              <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${BADGE[r.status]}`}>
                {REGISTRATION_STATUS_LABELS[r.status]}
                {r.status === "waitlisted" && r.waitlistPosition != null && `, no. ${r.waitlistPosition}`}
              </span>
              {r.checkedInAt && <div className="text-xs text-green-800">Checked in {formatTime(r.checkedInAt, homeZone)}</div>}
            </Td>
            <Td className="font-mono">{formatCheckInCode(r.checkInCode)}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={r.createdAt.toISOString()}>{stamp(r.createdAt, homeZone)}</time>
            </Td>
            <Td>{r.status !== "cancelled" && !r.checkedInAt && <RegistrationCancelStaff id={r.id} name={r.name} />}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
