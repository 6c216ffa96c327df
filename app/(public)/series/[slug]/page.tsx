import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UpcomingAndPast } from "@/components/event-card-list";
import { PlainText } from "@/components/plain-text";
import { listMeetings } from "@/db/queries/archive";
import { getPublicSeries } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { archiveHref, NO_FILTERS } from "@/lib/archive-filters";
import { SubscribeLinks, subscribeAlternates } from "@/components/subscribe-links";
import { PAGE_TAGS, taggedLoader } from "@/lib/public-cache";
import { loadBySlug, type SlugParams } from "@/lib/public-page";

// Served from the cache and marked stale by the staff actions that change it (its tags,
// lib/public-cache.ts); the minute bounds what changes with the clock alone (upcoming becoming past).
export const revalidate = 60;

export { generateStaticParams } from "@/lib/public-page";

// Read once per render (the metadata and the page both need it), and the page tagged with what it shows.
const load = taggedLoader(getPublicSeries, PAGE_TAGS.series);

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const series = await loadBySlug(load, params);
  return { alternates: subscribeAlternates(`/series/${series.slug}`, series.name), title: series.name, description: series.description?.replace(/\s+/g, " ").trim() || `The meetings of ${series.name}.` };
}

export default async function SeriesPage({ params }: SlugParams) {
  const { slug } = await params;
  const [series, settings] = await Promise.all([load(slug), getSettings()]);
  if (!series) notFound();
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const meetings = await listMeetings({ seriesId: series.id });

  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-3">
        {series.topic && (
          <p className="text-sm font-medium uppercase tracking-wide">
            <Link href={`/topics/${series.topic.slug}`}>{series.topic.name}</Link>
          </p>
        )}
        <h1 className="text-3xl font-semibold text-brand-900">{series.name}</h1>
        <PlainText text={series.description} className="text-slate-700" />
        <SubscribeLinks path={`/series/${series.slug}`} />
      </header>

      <UpcomingAndPast
        meetings={meetings}
        home={home}
        of="series"
        order={{ upcoming: "In order of the series.", past: "In order of the series, from the first meeting, each with its summary once published." }}
      />

      <p className="no-print flex flex-wrap gap-x-6 gap-y-2">
        <Link href={archiveHref({ ...NO_FILTERS, series: series.slug })}>All meetings of {series.name} in the archive</Link>
        {series.topic ? <Link href={`/topics/${series.topic.slug}`}>Back to {series.topic.name}</Link> : <Link href="/">Back to all events</Link>}
      </p>
    </div>
  );
}
