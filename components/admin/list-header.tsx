import Link from "next/link";
import { redirect } from "next/navigation";
import { Input } from "@/components/ui/field";
import { listParamsSchema } from "@/lib/validations/common";

type TitleProps = { title: string; newHref?: string; newLabel?: string };

/** An admin list's heading and its "new" link. */
export function ListTitle({ title, newHref, newLabel }: TitleProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-4">
      <h1 className="text-2xl font-semibold text-brand-900">{title}</h1>
      {newHref && (
        <Link href={newHref} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800 hover:no-underline">
          {newLabel}
        </Link>
      )}
    </div>
  );
}

/** An admin list's heading, its "new" link and its search box (a GET form: works without JavaScript). */
export function ListHeader({ q, searchLabel, ...title }: TitleProps & { q?: string; searchLabel: string }) {
  return (
    <div className="space-y-4">
      <ListTitle {...title} />
      <form role="search" className="flex max-w-md gap-2">
        <label htmlFor="list-search" className="sr-only">
          {searchLabel}
        </label>
        <Input id="list-search" name="q" type="search" defaultValue={q} placeholder={searchLabel} />
        <button type="submit" className="rounded-md border border-slate-300 px-3 text-sm">
          Search
        </button>
      </form>
    </div>
  );
}

type ListQuery = Record<string, string | undefined>;

/** A URL for page `page` of a list, keeping its search and filters (those that are set). */
export function listHref(base: string, query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

/**
 * Sends an address past the last page (an old bookmark, a list that shrank) to the last page, rather than
 * showing an empty list that reads as if nothing existed.
 */
function redirectPastLastPage(base: string, query: ListQuery, page: number, pageSize: number, total: number): void {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (page > last) redirect(listHref(base, query, last));
}

const PAGE_SIZE = 25;

export type Load<Row> = (query: { q?: string; page: number; pageSize: number }) => Promise<{ rows: Row[]; total: number }>;

/**
 * The page of a searchable admin list that the address asks for (?q=…&page=…), with the links to its
 * other pages; an address past the last page is sent to the last one.
 */
export async function searchedPage<Row>(base: string, searchParams: Record<string, string | string[] | undefined>, load: Load<Row>) {
  const { q, page } = listParamsSchema.parse(searchParams);
  const { rows, total } = await load({ q, page, pageSize: PAGE_SIZE });
  redirectPastLastPage(base, { q }, page, PAGE_SIZE, total);
  return { q, rows, pages: { page, pageSize: PAGE_SIZE, total, hrefFor: (p: number) => listHref(base, { q }, p) } };
}
