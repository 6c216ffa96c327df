import Link from "next/link";
import { formatLocalDate } from "@/lib/time";
import { renderMarkdown } from "@/lib/markdown";
import { PlainText } from "@/components/plain-text";

export type PublicSummaryProps = {
  event: { title: string; startsAt: Date; timeZone: string; topic: { name: string; slug: string } | null; venue?: { name: string; city: string | null } | null };
  summary: { title: string; lede: string | null; body: string; publishedAt?: Date | null };
  photos: { id: string; storageKey: string; width: number; height: number; caption: string | null; altText: string | null }[];
  references: { id: string; title: string; text: string | null; url: string | null }[];
  /** Who releases it: the letterhead in print and the label above the title. */
  organization?: { name: string; releaseLabel: string; logo: { key: string; width: number; height: number } | null; homeTimeZone: string };
  /** The page's public address, for the letterhead and the share links. */
  url?: string;
};

/**
 * The published summary as the public reads it, laid out as an official release: the label, the
 * title, the release date apart from the event's date and place, captioned photos, the text, the
 * references and the way back to the topic. In print a letterhead with the organization's name and
 * the page's address replaces the site's header. The text is rendered from Markdown that can carry
 * no script or raw HTML (lib/markdown.ts).
 */
export function PublicSummary({ event, summary, photos, references, organization, url }: PublicSummaryProps) {
  const title = summary.title || event.title;
  const place = event.venue ? [event.venue.name, event.venue.city].filter(Boolean).join(", ") : null;
  const released = summary.publishedAt && organization ? formatLocalDate(summary.publishedAt, organization.homeTimeZone) : null;
  return (
    <article className="summary mx-auto max-w-3xl">
      {organization && (
        <div className="print-only letterhead mb-6 border-b-2 border-black pb-3" aria-hidden="true">
          <div className="flex items-center gap-3">
            {organization.logo && (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/media/${organization.logo.key}`} alt="" width={organization.logo.width} height={organization.logo.height} className="h-12 w-auto" />
            )}
            <span className="font-serif text-xl font-semibold">{organization.name}</span>
          </div>
          {url && <p className="mt-1 text-xs">{url}</p>}
        </div>
      )}
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm font-medium uppercase tracking-wide text-brand-700">
        {organization && <span className="rounded-sm bg-brand-900 px-2 py-0.5 text-xs font-semibold tracking-wider text-white print:border print:border-black print:bg-transparent print:text-black">{organization.releaseLabel}</span>}
        {event.topic && <Link href={`/topics/${event.topic.slug}`}>{event.topic.name}</Link>}
      </p>
      <h1 className="mt-3 font-serif text-3xl font-semibold leading-tight text-brand-900">{title}</h1>
      {released && summary.publishedAt ? (
        <p className="mt-2 text-slate-700">
          Released <time dateTime={summary.publishedAt.toISOString()}>{released}</time>
        </p>
      ) : (
        organization && <p className="mt-2 text-slate-600 italic">Released on the day it is published</p>
      )}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-l-4 border-brand-100 pl-4 text-sm text-slate-700">
        <dt className="font-medium text-slate-600">Event date</dt>
        <dd>
          <time dateTime={event.startsAt.toISOString()}>{formatLocalDate(event.startsAt, event.timeZone)}</time>
        </dd>
        {place && (
          <>
            <dt className="font-medium text-slate-600">Place</dt>
            <dd>{place}</dd>
          </>
        )}
      </dl>
      {summary.lede && <p className="mt-4 text-lg text-slate-800">{summary.lede}</p>}
      {url && <ShareBar title={title} url={url} />}

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
        <p className="no-print mt-10 border-t border-slate-200 pt-6">
          <Link href={`/topics/${event.topic.slug}`}>Back to {event.topic.name}</Link>
        </p>
      )}
    </article>
  );
}

const SHARE_BUTTON =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50 hover:no-underline";

/**
 * Print and share without a script of the page's own: email is a plain link; print and copy are
 * buttons that stay hidden until the public layout's few lines of inline script (PAGE_ACTIONS_SCRIPT)
 * have made them work, so none of them ever does nothing.
 */
function ShareBar({ title, url }: { title: string; url: string }) {
  const mail = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`;
  return (
    <div role="group" aria-label="Print or share" className="no-print mt-5 flex flex-wrap items-center gap-2">
      <button type="button" data-page-action="print" className={`js-only ${SHARE_BUTTON}`}>
        Print
      </button>
      <a href={mail} className={SHARE_BUTTON}>
        Share by email
      </a>
      <button type="button" data-page-action="copy-link" data-url={url} className={`js-only ${SHARE_BUTTON}`}>
        Copy link
      </button>
      <span data-page-action-status role="status" className="text-sm text-slate-600" />
    </div>
  );
}
