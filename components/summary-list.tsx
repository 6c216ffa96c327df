import Link from "next/link";
import { formatLocalDate } from "@/lib/time";

type Item = { eventSlug: string; eventTitle: string; title: string; lede: string | null; startsAt: Date; timeZone: string };

/** Published summaries as a list of linked titles with their dates and ledes. */
export function SummaryList({ summaries, headingLevel = 3 }: { summaries: Item[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="space-y-5">
      {summaries.map((s) => (
        <li key={s.eventSlug}>
          <Heading className="text-lg font-semibold">
            <Link href={`/events/${s.eventSlug}/summary`}>{s.title.trim() || s.eventTitle}</Link>
          </Heading>
          <p className="text-sm text-slate-600">
            <time dateTime={s.startsAt.toISOString()}>{formatLocalDate(s.startsAt, s.timeZone)}</time>
          </p>
          {s.lede && <p className="mt-1 text-slate-800">{s.lede}</p>}
        </li>
      ))}
    </ul>
  );
}

/** A page's "Summaries" section; nothing at all when there are none yet. */
export function SummariesSection({ summaries }: { summaries: Item[] }) {
  if (summaries.length === 0) return null;
  return (
    <section aria-labelledby="summaries-heading" className="space-y-4">
      <h2 id="summaries-heading" className="text-2xl font-semibold text-brand-900">
        Summaries
      </h2>
      <SummaryList summaries={summaries} />
    </section>
  );
}
