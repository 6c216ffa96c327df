import Link from "next/link";

/** The words of the pages' navigation; English unless a public page in another language gives its own. */
export type PaginationWords = { label: string; status: string; previous: string; next: string };

type Props = { page: number; pageSize: number; total: number; hrefFor: (page: number) => string; words?: PaginationWords };

export function Pagination({ page, pageSize, total, hrefFor, words }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={words?.label ?? "Pagination"} className="mt-4 flex items-center justify-between text-sm">
      <span className="text-slate-600">{words?.status ?? `Page ${page} of ${pages} (${total} in all)`}</span>
      <span className="flex gap-3">
        {page > 1 ? <Link href={hrefFor(page - 1)}>{words?.previous ?? "Previous page"}</Link> : <span className="text-slate-500">{words?.previous ?? "Previous page"}</span>}
        {page < pages ? <Link href={hrefFor(page + 1)}>{words?.next ?? "Next page"}</Link> : <span className="text-slate-500">{words?.next ?? "Next page"}</span>}
      </span>
    </nav>
  );
}

/** Reads a 1-based page number from a search parameter. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
