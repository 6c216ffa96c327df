import Link from "next/link";
import { StaffTime } from "@/components/ui/staff-time";
import { Table, Td, Th } from "@/components/ui/table";
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

/** Times in the home clock, with seconds: they matter when reading a sequence of changes. */
export function AuditTable({ rows, clock }: { rows: AuditTableRow[]; clock: StaffClock }) {
  return (
    <Table caption="Audit log, newest first">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Record</Th>
          <Th>Changes</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => {
          const changes = changesPreview(row.changes);
          return (
            <tr key={row.id}>
              <Td className="whitespace-nowrap tabular-nums">
                <StaffTime at={row.createdAt} clock={clock} seconds />
              </Td>
              <Td>
                {/* A deleted account leaves its entries without an actor, as system entries have. */}
                {row.actorEmail ?? "system"}
                {row.ip && <span className="block text-xs text-slate-500">{row.ip}</span>}
              </Td>
              <Td className="font-mono text-xs">{row.action}</Td>
              <Td>
                {row.entityType}
                {row.entityId && (
                  <span className="block font-mono text-xs">
                    <Link href={historyHref(row.entityType, row.entityId)} aria-label={`History of ${row.entityType} ${row.entityId}`}>
                      {row.entityId}
                    </Link>
                  </span>
                )}
              </Td>
              <Td className="max-w-md">
                {changes.fields.length > 0 && (
                  <>
                    <p className="text-xs text-slate-600">{changes.fields.join(", ")}</p>
                    <code className="block break-all text-xs">{changes.short}</code>
                    {changes.full && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-brand-700">All changes</summary>
                        <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{changes.full}</pre>
                      </details>
                    )}
                  </>
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
