import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArchiveEventList } from "@/components/archive-event-list";
import { ArchiveFilterForm } from "@/components/archive-filter-form";
import { Pagination } from "@/components/ui/pagination";
import { type ArchiveChoiceLists, choiceKeys, listArchiveChoices, listArchivePage } from "@/db/queries/archive";
import { getSettings } from "@/db/queries/settings";
import { type ArchiveFilters, archiveHref, hasArchiveFilters, readArchiveFilters, readArchivePage } from "@/lib/archive-filters";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 20;

const ORDER = {
  all: "Upcoming events first, soonest first; then past events, most recent first.",
  upcoming: "Soonest first.",
  past: "Most recent first.",
} as const;

/** "Past events on Oceans, in 2024": the filters in words, for the title and the result count. */
function describe(f: ArchiveFilters, choices: ArchiveChoiceLists): string {
  const what = f.when === "upcoming" ? "Upcoming events" : f.when === "past" ? "Past events" : "Events";
  const topic = f.topic && choices.topics.find((t) => t.slug === f.topic)?.name;
  const series = f.series && choices.series.find((s) => s.slug === f.series)?.name;
  return [what, topic && `on ${topic}`, series && `in ${series}`, f.year && `in ${f.year}`].filter(Boolean).join(" ");
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const choices = await listArchiveChoices();
  const filters = readArchiveFilters(params, choiceKeys(choices));
  const page = readArchivePage(params);
  const filtered = hasArchiveFilters(filters) || page > 1;
  return {
    title: `${describe(filters, choices)}${page > 1 ? ` (page ${page})` : ""}`,
    description: "Every public event, upcoming and past, by topic, series and year, with the summaries of those held.",
    alternates: { canonical: archiveHref(filters, page) },
    // The archive itself is for search engines; its filtered variants only lead to the events.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

/** The public archive: every event that is not a draft, filtered by topic, series, year and time. */
export default async function EventsArchivePage({ searchParams }: Props) {
  const params = await searchParams;
  const [choices, settings] = await Promise.all([listArchiveChoices(), getSettings()]);
  const filters = readArchiveFilters(params, choiceKeys(choices));
  const requested = readArchivePage(params);

  // The form sends every field, empty ones too: land on the one clean address of what was asked for.
  const canonical = archiveHref(filters, requested);
  const asked = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [v].flat().map((x) => [k, x])))).toString();
  if (canonical !== (asked ? `/events?${asked}` : "/events")) redirect(canonical);

  const result = await listArchivePage({ ...filters, page: requested, pageSize: PAGE_SIZE });
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const { total, page, pageCount, rows } = result;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold text-brand-900">Events</h1>
        <p className="max-w-3xl text-slate-700">
          Every public event, upcoming and past. Those already held link to their summary once it is published.
        </p>
      </header>

      <ArchiveFilterForm choices={choices} filters={filters} />

      <section aria-labelledby="results-heading" className="space-y-3">
        <h2 id="results-heading" className="text-2xl font-semibold text-brand-900">
          {describe(filters, choices)}
        </h2>
        {total === 0 ? (
          <div role="status" className="space-y-2 rounded-md border border-dashed border-slate-300 px-6 py-8 text-center">
            <p className="font-medium text-slate-900">No events match these filters.</p>
            <p className="text-sm text-slate-700">
              <Link href="/events">Clear the filters</Link> to see every event.
            </p>
          </div>
        ) : (
          <>
            <p role="status" className="text-slate-700">
              {total === 1 ? "1 event" : `${total} events`}
              {pageCount > 1 && `, page ${page} of ${pageCount}`}. {ORDER[filters.when]}
            </p>
            <ArchiveEventList events={rows} home={home} labelledBy="results-heading" />
            <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => archiveHref(filters, p)} />
          </>
        )}
      </section>
    </div>
  );
}
