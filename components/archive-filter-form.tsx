import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Options, Select } from "@/components/ui/field";
import type { ArchiveChoiceLists } from "@/db/queries/archive";
import { type ArchiveFilters, archiveHref, hasArchiveFilters } from "@/lib/archive-filters";

const WHEN_LABELS = { all: "Upcoming and past", upcoming: "Upcoming", past: "Past" } as const;

function Choice({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The archive's filters: a plain GET form, so that it works before any script loads, or without one,
 * and every result has an address to bookmark or share.
 */
export function ArchiveFilterForm({ choices, filters }: { choices: ArchiveChoiceLists; filters: ArchiveFilters }) {
  // Series grouped under their topics, in the order of the topic select.
  const groups = new Map<string, ArchiveChoiceLists["series"]>();
  for (const s of choices.series) {
    const key = s.topicName ?? "Other series";
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return (
    // Keyed by the filters: a link to other filters (the pages, "Clear filters") changes the page without a
    // reload, and only a new form shows the new choices in its selects.
    <form
      key={archiveHref(filters)}
      action="/events"
      method="get"
      aria-label="Filter events"
      className="grid gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      <Choice id="archive-topic" label="Topic">
        <Select id="archive-topic" name="topic" defaultValue={filters.topic ?? ""}>
          <option value="">All topics</option>
          {choices.topics.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </Select>
      </Choice>
      <Choice id="archive-series" label="Series">
        <Select id="archive-series" name="series" defaultValue={filters.series ?? ""}>
          <option value="">All series</option>
          {[...groups].map(([topic, list]) => (
            <optgroup key={topic} label={topic}>
              {list.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Choice>
      <Choice id="archive-year" label="Year">
        <Select id="archive-year" name="year" defaultValue={filters.year ? String(filters.year) : ""}>
          <option value="">All years</option>
          <Options values={choices.years} />
        </Select>
      </Choice>
      <Choice id="archive-when" label="When">
        <Select id="archive-when" name="when" defaultValue={filters.when}>
          {Object.entries(WHEN_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Choice>
      <div className="flex flex-wrap items-end gap-3">
        <Button type="submit">Show events</Button>
        {hasArchiveFilters(filters) && (
          <Link href="/events" className="py-2 text-sm">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
