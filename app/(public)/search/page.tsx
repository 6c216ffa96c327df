import type { Metadata } from "next";
import Link from "next/link";
import { HighlightedText } from "@/components/highlighted-text";
import { SearchForm } from "@/components/search-form";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { MAX_RESULTS, type SearchHit, type SearchKind, searchPublic } from "@/db/queries/search";
import { formatLocalDate } from "@/lib/time";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 20;

const KIND_LABEL: Record<SearchKind, string> = { event: "Event", summary: "Summary", person: "Person", topic: "Topic" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q).trim();
  // Result pages are endless variations of the site's own pages: not for search engines' indexes.
  return { title: q ? `Search: ${q.slice(0, 60)}` : "Search", robots: { index: false } };
}

const hrefFor = (q: string, page: number) => `/search?${new URLSearchParams(page > 1 ? { q, page: String(page) } : { q })}`;

function Result({ hit }: { hit: SearchHit }) {
  const details = [hit.when && formatLocalDate(hit.when.startsAt, hit.when.timeZone), hit.context].filter(Boolean).join(" · ");
  return (
    <li className="space-y-1 border-b border-slate-200 pb-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{KIND_LABEL[hit.kind]}</p>
      <h2 className="text-lg font-semibold">
        <Link href={hit.href}>
          <HighlightedText parts={hit.title} />
        </Link>
      </h2>
      {details && <p className="text-sm text-slate-700">{details}</p>}
      {hit.excerpt.length > 0 && (
        <p className="text-slate-800">
          <HighlightedText parts={hit.excerpt} />
        </p>
      )}
    </li>
  );
}

/** Search over everything public: events, published summaries, speakers' profiles and topics. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const results = await searchPublic(first(params.q), { page: pageParam(params.page), pageSize: PAGE_SIZE });
  const { query, hits, total } = results;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-semibold text-brand-900">Search</h1>
      <SearchForm id="search-page-q" name="Search again" label="Search for" defaultValue={query} visibleLabel className="max-w-xl" />

      {!query ? (
        <p className="text-slate-700">Type a few words to find events, published summaries, speakers and topics.</p>
      ) : total === 0 ? (
        <div className="space-y-2 text-slate-700" role="status">
          <p className="font-medium text-slate-900">No results for “{query}”.</p>
          <p>Check the spelling, try fewer or more general words, or search for a speaker’s family name.</p>
          <p>
            You can also browse <Link href="/">upcoming events and published summaries</Link>.
          </p>
        </div>
      ) : (
        <>
          <p className="text-slate-700" role="status">
            {total === 1 ? "1 result" : `${total} results`} for “{query}”
            {results.pageCount > 1 && `, page ${results.page} of ${results.pageCount}`}.
            {total > MAX_RESULTS && ` Only the best ${MAX_RESULTS} are listed: add a word to narrow the search.`}
          </p>
          {hits.length > 0 ? (
            <ol className="space-y-4" aria-label="Search results">
              {hits.map((hit) => (
                <Result key={hit.href} hit={hit} />
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">
              This page is past the last result. <Link href={hrefFor(query, 1)}>Back to the first page</Link>.
            </p>
          )}
          <Pagination page={results.page} pageSize={PAGE_SIZE} total={Math.min(total, MAX_RESULTS)} hrefFor={(p) => hrefFor(query, p)} />
        </>
      )}
    </div>
  );
}
