import type { Metadata } from "next";
import Link from "next/link";
import { HighlightedText } from "@/components/highlighted-text";
import { SearchForm } from "@/components/search-form";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { MAX_RESULTS, type SearchHit, type SearchKind, searchPublic } from "@/db/queries/search";
import { formatsFor } from "@/lib/i18n/format";
import type { Language } from "@/lib/i18n/languages";
import { paginationWords, translator } from "@/lib/i18n/messages";
import { type LangParams, type PageLanguage, pageLanguage } from "@/lib/i18n/page";

type Props = { params: Promise<LangParams>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 20;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ language }, query] = await Promise.all([pageLanguage(params), searchParams]);
  const q = first(query.q).trim();
  const t = translator(language, "pages");
  // Result pages are endless variations of the site's own pages: not for search engines' indexes.
  return { title: q ? t("search.titleFor", { query: q.slice(0, 60) }) : t("search.title"), robots: { index: false } };
}

const hrefFor = (page: PageLanguage, q: string, n: number) => page.href(`/search?${new URLSearchParams(n > 1 ? { q, page: String(n) } : { q })}`);

/**
 * One hit. The index holds the default language's texts, so a hit on another language's page shows
 * them marked with that language; its link leads to the page in the language being read.
 */
function Result({ hit, page }: { hit: SearchHit; page: PageLanguage }) {
  const t = translator(page.language, "pages");
  const details = [hit.when && formatsFor(page.language).localDate(hit.when.startsAt, hit.when.timeZone), hit.context].filter(Boolean).join(" · ");
  const lang: Language | undefined = page.language === page.defaultLanguage ? undefined : page.defaultLanguage;
  return (
    <li className="space-y-1 border-b border-slate-200 pb-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{t(`search.kinds.${hit.kind satisfies SearchKind}`)}</p>
      <h2 className="text-lg font-semibold" lang={lang}>
        <Link href={page.href(hit.href)}>
          <HighlightedText parts={hit.title} />
        </Link>
      </h2>
      {details && <p className="text-sm text-slate-700">{details}</p>}
      {hit.excerpt.length > 0 && (
        <p className="text-slate-800" lang={lang}>
          <HighlightedText parts={hit.excerpt} />
        </p>
      )}
    </li>
  );
}

/** Search over everything public: events, published summaries, speakers' profiles and topics. */
export default async function SearchPage({ params: routeParams, searchParams }: Props) {
  const [page, params] = await Promise.all([pageLanguage(routeParams), searchParams]);
  const t = translator(page.language, "pages");
  const results = await searchPublic(first(params.q), { page: pageParam(params.page), pageSize: PAGE_SIZE });
  const { query, hits, total } = results;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-semibold text-brand-900">{t("search.title")}</h1>
      <SearchForm
        id="search-page-q"
        name={t("search.again")}
        label={t("search.label")}
        buttonLabel={translator(page.language, "site")("search.button")}
        action={page.href("/search")}
        defaultValue={query}
        visibleLabel
        className="max-w-xl"
      />

      {!query ? (
        <p className="text-slate-700">{t("search.intro")}</p>
      ) : total === 0 ? (
        <div className="space-y-2 text-slate-700" role="status">
          <p className="font-medium text-slate-900">{t("search.none", { query })}</p>
          <p>{t("search.noneHelp")}</p>
          <p>{t.rich("search.browse", { home: (chunks) => <Link href={page.href("/")}>{chunks}</Link> })}</p>
        </div>
      ) : (
        <>
          <p className="text-slate-700" role="status">
            {t("search.count", { total, query })}
            {results.pageCount > 1 && t("search.pageOf", { page: results.page, pages: results.pageCount })}
            {t("search.end")}
            {total > MAX_RESULTS && t("search.capped", { max: MAX_RESULTS })}
          </p>
          {hits.length > 0 ? (
            <ol className="space-y-4" aria-label={t("search.results")}>
              {hits.map((hit) => (
                <Result key={hit.href} hit={hit} page={page} />
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">{t.rich("search.pastLast", { first: (chunks) => <Link href={hrefFor(page, query, 1)}>{chunks}</Link> })}</p>
          )}
          <Pagination
            page={results.page}
            pageSize={PAGE_SIZE}
            total={Math.min(total, MAX_RESULTS)}
            hrefFor={(p) => hrefFor(page, query, p)}
            words={paginationWords(page.language, results.page, results.pageCount, Math.min(total, MAX_RESULTS))}
          />
        </>
      )}
    </div>
  );
}
