import Link from "next/link";
import { Input, Options, Select } from "@/components/ui/field";

type Props = { entityTypes: string[]; entityType?: string; entityId?: string };

/** Narrows the log to one kind of record, or one record; a GET form, so it works without JavaScript. */
export function AuditFilter({ entityTypes, entityType, entityId }: Props) {
  // A type passed in the address (a "History" link) is offered even before the log holds one.
  const choices = entityType && !entityTypes.includes(entityType) ? [...entityTypes, entityType].sort() : entityTypes;
  return (
    <form role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="audit-entity-type" className="block text-sm font-medium">
          Record type
        </label>
        <Select id="audit-entity-type" name="entityType" defaultValue={entityType ?? ""}>
          <option value="">Any</option>
          <Options values={choices} />
        </Select>
      </div>
      <div>
        <label htmlFor="audit-entity-id" className="block text-sm font-medium">
          Record id
        </label>
        <Input id="audit-entity-id" name="entityId" defaultValue={entityId} className="w-80 font-mono" spellCheck={false} autoComplete="off" />
      </div>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
        Filter
      </button>
      {(entityType || entityId) && <Link href="/admin/audit">Clear filter</Link>}
    </form>
  );
}
