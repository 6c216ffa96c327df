import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuditFilter } from "@/components/audit-filter";
import { AuditTable } from "@/components/audit-table";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { listAudit, listAuditEntityTypes } from "@/db/queries/audit";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { homeClock } from "@/lib/time";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const filterText = (max: number) =>
  z.preprocess(first, z.string().trim().max(max).optional().catch(undefined)).transform((v) => v || undefined);
const filterSchema = z.object({ entityType: filterText(64), entityId: filterText(200) });

export default async function AuditPage({ searchParams }: Props) {
  await requireRole("admin", "/admin/audit");
  const params = await searchParams;
  const filter = filterSchema.parse(params);
  // Beyond any real log, and a far larger offset would overflow the database's integer.
  const page = Math.min(pageParam(params.page), 10_000);
  const [{ rows, total }, entityTypes] = await Promise.all([
    listAudit({ ...filter, page, pageSize: PAGE_SIZE }),
    listAuditEntityTypes(),
  ]);
  const hrefFor = (p: number) => {
    const query = new URLSearchParams();
    if (filter.entityType) query.set("entityType", filter.entityType);
    if (filter.entityId) query.set("entityId", filter.entityId);
    if (p > 1) query.set("page", String(p));
    const s = query.toString();
    return s ? `/admin/audit?${s}` : "/admin/audit";
  };
  const filtered = Boolean(filter.entityType || filter.entityId);
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > lastPage) redirect(hrefFor(lastPage));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-brand-900">Audit log</h1>
      <p className="text-sm text-slate-600">Every change staff, panelists and the system made, newest first. Times are in the organization&apos;s home time zone.</p>
      {/* Keyed by the filter: a select keeps its first defaultValue, so following a "History" link or
          "Clear filter" (the same page, new parameters) would otherwise show the previous choice. */}
      <AuditFilter
        key={`${filter.entityType ?? ""}|${filter.entityId ?? ""}`}
        entityTypes={entityTypes}
        entityType={filter.entityType}
        entityId={filter.entityId}
      />
      <AuditTable
        rows={rows}
        clock={homeClock(await getSettings())}
        empty={
          filtered
            ? { title: "No entries match this filter", body: "Try another record type or id." }
            : { title: "No entries yet", body: "Changes appear here as soon as anyone makes one." }
        }
      />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor} />
    </div>
  );
}
