import Link from "next/link";

type Props = { page: number; pageSize: number; total: number; hrefFor: (page: number) => string };

export function Pagination({ page, pageSize, total, hrefFor }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
      <span className="text-slate-600">
        Page {page} of {pages} ({total} in all)
      </span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={hrefFor(page - 1)}>Previous page</Link> : <span className="text-slate-500">Previous page</span>}
        {page < pages ? <Link href={hrefFor(page + 1)}>Next page</Link> : <span className="text-slate-500">Next page</span>}
      </span>
    </nav>
  );
}

/** Reads a 1-based page number from a search parameter. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
