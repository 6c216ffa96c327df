import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArchiveEventList } from "@/components/archive-event-list";
import { ArchiveFilterForm } from "@/components/archive-filter-form";
import { Pagination } from "@/components/ui/pagination";
import { type ArchiveChoiceLists, choiceKeys, choicesInLanguage, listArchiveChoices, listArchivePage } from "@/db/queries/archive";
import { getSettings } from "@/db/queries/settings";
import { type ArchiveFilters, archiveHref, hasArchiveFilters, readArchiveFilters, readArchivePage } from "@/lib/archive-filters";
import type { Language } from "@/lib/i18n/languages";
import { languageAlternates } from "@/lib/i18n/metadata";
import { paginationWords, translator } from "@/lib/i18n/messages";
import { type LangParams, pageLanguage } from "@/lib/i18n/page";

type Props = { params: Promise<LangParams>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 20;

const ORDER = { all: "archive.orderAll", upcoming: "archive.orderUpcoming", past: "archive.orderPast" } as const;

/** "Past events on Oceans, in 2024": the filters in words, for the title and the result count. */
function describe(f: ArchiveFilters, choices: ArchiveChoiceLists, language: Language): string {
  const t = translator(language, "pages");
  const topic = f.topic && choices.topics.find((c) => c.slug === f.topic)?.name;
  const series = f.series && choices.series.find((c) => c.slug === f.series)?.name;
  const parts = [t("archive.what", { when: f.when }), topic && t("archive.onTopic", { topic }), series && t("archive.inSeries", { series }), f.year && t("archive.inYear", { year: String(f.year) })];
  return parts.filter(Boolean).join(language === "ja" ? "・" : " ");
}

/** The archive's choices with their names in the page's language. */
async function choicesFor(page: Awaited<ReturnType<typeof pageLanguage>>) {
  return choicesInLanguage(await listArchiveChoices(), page.language, page.defaultLanguage);
}

export async function generateMetadata({ params: routeParams, searchParams }: Props): Promise<Metadata> {
  const [language, params] = await Promise.all([pageLanguage(routeParams), searchParams]);
  const choices = await choicesFor(language);
  const filters = readArchiveFilters(params, choiceKeys(choices));
  const page = readArchivePage(params);
  const filtered = hasArchiveFilters(filters) || page > 1;
  const t = translator(language.language, "pages");
  return {
    title: `${describe(filters, choices, language.language)}${page > 1 ? t("archive.pageSuffix", { page }) : ""}`,
    description: t("archive.description"),
    alternates: languageAlternates(language, archiveHref(filters, page)),
    // The archive itself is for search engines; its filtered variants only lead to the events.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

/** The public archive: every event that is not a draft, filtered by topic, series, year and time. */
export default async function EventsArchivePage({ params: routeParams, searchParams }: Props) {
  const [language, params] = await Promise.all([pageLanguage(routeParams), searchParams]);
  const [choices, settings] = await Promise.all([choicesFor(language), getSettings()]);
  const t = translator(language.language, "pages");
  const filters = readArchiveFilters(params, choiceKeys(choices));
  const requested = readArchivePage(params);

  // The form sends every field, empty ones too: land on the one clean address of what was asked for.
  const canonical = archiveHref(filters, requested);
  const asked = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x])))).toString();
  if (canonical !== (asked ? `/events?${asked}` : "/events")) redirect(language.href(canonical));

  const result = await listArchivePage({ ...filters, page: requested, pageSize: PAGE_SIZE });
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const { total, page, pageCount, rows } = result;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold text-brand-900">{t("archive.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("archive.intro")}</p>
      </header>

      <ArchiveFilterForm choices={choices} filters={filters} page={language} />

      <section aria-labelledby="results-heading" className="space-y-3">
        <h2 id="results-heading" className="text-2xl font-semibold text-brand-900">
          {describe(filters, choices, language.language)}
        </h2>
        {total === 0 ? (
          <div role="status" className="space-y-2 rounded-md border border-dashed border-slate-300 px-6 py-8 text-center">
            <p className="font-medium text-slate-900">{t("archive.noMatch")}</p>
            <p className="text-sm text-slate-700">{t.rich("archive.clear", { clear: (chunks) => <Link href={language.href("/events")}>{chunks}</Link> })}</p>
          </div>
        ) : (
          <>
            <p role="status" className="text-slate-700">
              {t("archive.count", { total })}
              {pageCount > 1 && t("archive.pageOf", { page, pages: pageCount })}
              {language.language === "ja" ? "。" : ". "}
              {t(ORDER[filters.when])}
            </p>
            <ArchiveEventList events={rows} home={home} labelledBy="results-heading" page={language} />
            <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => language.href(archiveHref(filters, p))} words={paginationWords(language.language, page, pageCount, total)} />
          </>
        )}
      </section>
    </div>
  );
}
