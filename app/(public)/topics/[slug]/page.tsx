import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UpcomingAndPast } from "@/components/event-card-list";
import { PlainText } from "@/components/plain-text";
import { listMeetings } from "@/db/queries/archive";
import { getPublicTopic } from "@/db/queries/public";
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
const load = taggedLoader(getPublicTopic, PAGE_TAGS.topic);

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const topic = await loadBySlug(load, params);
  return { alternates: subscribeAlternates(`/topics/${topic.slug}`, topic.name, true), title: topic.name, description: topic.description?.replace(/\s+/g, " ").trim() || `Events on ${topic.name}.` };
}

export default async function TopicPage({ params }: SlugParams) {
  const { slug } = await params;
  const [topic, settings] = await Promise.all([load(slug), getSettings()]);
  if (!topic) notFound();
  const home = { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel };
  const meetings = await listMeetings({ topicId: topic.id });

  return (
    <div className="space-y-10">
      <header className="max-w-3xl space-y-3">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-500">Topic</p>
        <h1 className="text-3xl font-semibold text-brand-900">{topic.name}</h1>
        <PlainText text={topic.description} className="text-slate-700" />
        <SubscribeLinks path={`/topics/${topic.slug}`} feed />
      </header>

      {topic.series.length > 0 && (
        <section aria-labelledby="series-heading" className="space-y-4">
          <h2 id="series-heading" className="text-2xl font-semibold text-brand-900">
            Series
          </h2>
          <ul className="space-y-2">
            {topic.series.map((s) => (
              <li key={s.slug}>
                <Link href={`/series/${s.slug}`} className="font-semibold">
                  {s.name}
                </Link>
                {s.description && <p className="text-sm text-slate-600">{s.description}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <UpcomingAndPast
        meetings={meetings}
        home={home}
        of="topic"
        order={{ upcoming: "Soonest first.", past: "Most recent first, each with its summary once published." }}
      />

      <p className="no-print flex flex-wrap gap-x-6 gap-y-2">
        <Link href={archiveHref({ ...NO_FILTERS, topic: topic.slug })}>All events on {topic.name} in the archive</Link>
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  );
}
