import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Options, Select } from "@/components/ui/field";
import type { ArchiveChoiceLists } from "@/db/queries/archive";
import type { CardPage } from "@/components/event-card";
import { translator } from "@/lib/i18n/messages";
import { type ArchiveFilters, archiveHref, hasArchiveFilters } from "@/lib/archive-filters";


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
export function ArchiveFilterForm({ choices, filters, page }: { choices: ArchiveChoiceLists; filters: ArchiveFilters; page: CardPage }) {
  const t = translator(page.language, "pages");
  const whenLabels = { all: t("archive.filter.whenAll"), upcoming: t("archive.filter.whenUpcoming"), past: t("archive.filter.whenPast") };
  // Series grouped under their topics, in the order of the topic select.
  const groups = new Map<string, ArchiveChoiceLists["series"]>();
  for (const s of choices.series) {
    const key = s.topicName ?? t("archive.filter.otherSeries");
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return (
    // Keyed by the filters: a link to other filters (the pages, "Clear filters") changes the page without a
    // reload, and only a new form shows the new choices in its selects.
    <form
      key={archiveHref(filters)}
      action={page.href("/events")}
      method="get"
      aria-label={t("archive.filter.label")}
      className="grid gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      <Choice id="archive-topic" label={t("archive.filter.topic")}>
        <Select id="archive-topic" name="topic" defaultValue={filters.topic ?? ""}>
          <option value="">{t("archive.filter.allTopics")}</option>
          {choices.topics.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </Select>
      </Choice>
      <Choice id="archive-series" label={t("archive.filter.series")}>
        <Select id="archive-series" name="series" defaultValue={filters.series ?? ""}>
          <option value="">{t("archive.filter.allSeries")}</option>
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
      <Choice id="archive-year" label={t("archive.filter.year")}>
        <Select id="archive-year" name="year" defaultValue={filters.year ? String(filters.year) : ""}>
          <option value="">{t("archive.filter.allYears")}</option>
          <Options values={choices.years} />
        </Select>
      </Choice>
      <Choice id="archive-when" label={t("archive.filter.when")}>
        <Select id="archive-when" name="when" defaultValue={filters.when}>
          {Object.entries(whenLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Choice>
      <div className="flex flex-wrap items-end gap-3">
        <Button type="submit">{t("archive.filter.submit")}</Button>
        {hasArchiveFilters(filters) && (
          <Link href={page.href("/events")} className="py-2 text-sm">
            {t("archive.filter.clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
