import Link from "next/link";
import type { ReactNode } from "react";
import { type Column, DataTable } from "@/components/admin/data-list";
import { StaffTime } from "@/components/ui/staff-time";
import type { StaffClock } from "@/lib/time";

export type AuditTableRow = {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
};

const SHORT = 160;
const LONG = 10_000;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The changes on one line, cut short; the whole of them, indented, behind a disclosure when cut. */
export function changesPreview(changes: Record<string, unknown> | null): { fields: string[]; short: string; full: string | null } {
  if (!changes || Object.keys(changes).length === 0) return { fields: [], short: "", full: null };
  const compact = JSON.stringify(changes);
  return {
    fields: Object.keys(changes),
    short: clip(compact, SHORT),
    full: compact.length > SHORT ? clip(JSON.stringify(changes, null, 2), LONG) : null,
  };
}

const historyHref = (entityType: string, entityId: string) =>
  `/admin/audit?${new URLSearchParams({ entityType, entityId })}`;

/** Changed field names, the changes on one line, and all of them behind a disclosure when cut. */
function ChangesCell({ changes }: { changes: Record<string, unknown> | null }) {
  const preview = changesPreview(changes);
  if (preview.fields.length === 0) return null;
  return (
    <>
      <p className="text-xs text-slate-600">{preview.fields.join(", ")}</p>
      <code className="block break-all text-xs">{preview.short}</code>
      {preview.full && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-brand-700">All changes</summary>
          <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{preview.full}</pre>
        </details>
      )}
    </>
  );
}

const COLUMNS = (clock: StaffClock): Column<AuditTableRow>[] => [
  { header: "When", className: "whitespace-nowrap tabular-nums", cell: (row) => <StaffTime at={row.createdAt} clock={clock} seconds /> },
  {
    header: "Who",
    cell: (row) => (
      <>
        {/* A deleted account leaves its entries without an actor, as system entries have. */}
        {row.actorEmail ?? "system"}
        {row.ip && <span className="block text-xs text-slate-500">{row.ip}</span>}
      </>
    ),
  },
  { header: "Action", className: "font-mono text-xs", cell: (row) => row.action },
  {
    header: "Record",
    cell: (row) => (
      <>
        {row.entityType}
        {row.entityId && (
          <span className="block font-mono text-xs">
            <Link href={historyHref(row.entityType, row.entityId)} aria-label={`History of ${row.entityType} ${row.entityId}`}>
              {row.entityId}
            </Link>
          </span>
        )}
      </>
    ),
  },
  { header: "Changes", className: "max-w-md", cell: (row) => <ChangesCell changes={row.changes} /> },
];

/** Times in the home clock, with seconds: they matter when reading a sequence of changes. */
export function AuditTable({ rows, clock, empty }: { rows: AuditTableRow[]; clock: StaffClock; empty: { title: string; body?: ReactNode } }) {
  return <DataTable caption="Audit log, newest first" columns={COLUMNS(clock)} rows={rows} empty={empty} />;
}
