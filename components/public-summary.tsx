import Link from "next/link";
import { formatLocalDate } from "@/lib/time";
import { renderMarkdown } from "@/lib/markdown";
import { PlainText } from "@/components/public-text";

export type PublicSummaryProps = {
  event: { title: string; startsAt: Date; timeZone: string; topic: { name: string; slug: string } | null };
  summary: { title: string; lede: string | null; body: string };
  photos: { id: string; storageKey: string; width: number; height: number; caption: string | null; altText: string | null }[];
  references: { id: string; title: string; text: string | null; url: string | null }[];
};

/**
 * The published summary as the public reads it: topic, title, date, captioned photos, the text, the
 * references and the way back to the topic. The text is rendered from Markdown that can carry no
 * script or raw HTML (lib/markdown.ts).
 */
export function PublicSummary({ event, summary, photos, references }: PublicSummaryProps) {
  return (
    <article className="summary mx-auto max-w-3xl">
      {event.topic && (
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">
          <Link href={`/topics/${event.topic.slug}`}>{event.topic.name}</Link>
        </p>
      )}
      <h1 className="mt-2 font-serif text-3xl font-semibold leading-tight text-brand-900">{summary.title || event.title}</h1>
      <p className="mt-2 text-slate-600">
        <time dateTime={event.startsAt.toISOString()}>{formatLocalDate(event.startsAt, event.timeZone)}</time>
      </p>
      {summary.lede && <p className="mt-4 text-lg text-slate-800">{summary.lede}</p>}

      {photos.length > 0 && (
        <div className={`mt-6 grid gap-4 ${photos.length > 1 ? "sm:grid-cols-2" : ""}`}>
          {photos.map((photo, i) => (
            <figure key={photo.id} className={photos.length > 2 && i === 0 ? "sm:col-span-2" : undefined}>
              {/* Stored photos are already re-encoded and bounded in size; the optimiser adds nothing. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={`/media/${photo.storageKey}`}
                alt={photo.altText ?? ""}
                width={photo.width}
                height={photo.height}
                loading={i === 0 ? "eager" : "lazy"}
                className="h-auto w-full rounded-md bg-slate-100"
              />
              {photo.caption && <figcaption className="mt-1 text-sm text-slate-600">{photo.caption}</figcaption>}
            </figure>
          ))}
        </div>
      )}

      <div
        className="summary-body mt-8 space-y-4 leading-relaxed [&_a]:underline [&_li]:mt-2 [&_ol]:list-decimal [&_ol]:space-y-2 [&_ol]:pl-6 [&_ol_ol]:list-decimal [&_ol_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
        // The HTML comes from renderMarkdown, which escapes raw HTML and drops unsafe links.
        dangerouslySetInnerHTML={{ __html: renderMarkdown(summary.body) }}
      />

      {references.length > 0 && (
        <section aria-labelledby="references-heading" className="mt-10 space-y-4 border-t border-slate-200 pt-6">
          <h2 id="references-heading" className="text-xl font-semibold text-brand-900">
            References
          </h2>
          {references.map((r, i) => (
            <div key={r.id}>
              <h3 className="font-semibold">
                (Reference {i + 1}){" "}
                {r.url ? (
                  <a href={r.url} rel="noopener noreferrer nofollow">
                    {r.title}
                  </a>
                ) : (
                  r.title
                )}
              </h3>
              {r.text && <PlainText text={r.text} className="mt-1" />}
            </div>
          ))}
        </section>
      )}

      {event.topic && (
        <p className="mt-10 border-t border-slate-200 pt-6">
          <Link href={`/topics/${event.topic.slug}`}>Back to {event.topic.name}</Link>
        </p>
      )}
    </article>
  );
}
