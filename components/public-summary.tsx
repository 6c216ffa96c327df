import Link from "next/link";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";
import { langOfText } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import * as timeEn from "@/lib/time";
import * as timeJa from "@/lib/time-ja";
import { renderMarkdown } from "@/lib/markdown";
import { PlainText } from "@/components/plain-text";

/** The language each shown text is written in, where the page may show one in another language (a fallback). */
type LangOf<F extends string> = { langOf?: Partial<Record<F, Language>> };

export type PublicSummaryProps = {
  event: {
    title: string;
    startsAt: Date;
    endsAt?: Date;
    timeZone: string;
    topic: ({ name: string; slug: string } & LangOf<"name">) | null;
    venue?: ({ name: string; city: string | null } & LangOf<"name" | "city">) | null;
  } & LangOf<"title">;
  summary: { title: string; lede: string | null; body: string; publishedAt?: Date | null } & LangOf<"title" | "lede" | "body">;
  photos: ({ id: string; storageKey: string; width: number; height: number; caption: string | null; altText: string | null } & LangOf<"caption" | "altText">)[];
  references: ({ id: string; title: string; text: string | null; url: string | null } & LangOf<"title" | "text">)[];
  /** Who releases it: the letterhead in print and the label above the title (written in `dataLanguage`). */
  organization?: { name: string; releaseLabel: string; logo: { key: string; width: number; height: number } | null; homeTimeZone: string; homeTimeZoneLabel?: string };
  /** The page's public address, for the letterhead and the share links. */
  url?: string;
  /** The page's language (its interface words, dates and `lang` marks); English when left out. */
  language?: Language;
  /** The language of the records' own columns (the organization's name, say); the page's when left out. */
  dataLanguage?: Language;
  /** This site's address of a public page in the page's language; the unprefixed one when left out. */
  href?: (path: string) => string;
  /** The languages the summary is published in, with the address of each: the line that offers them. */
  availableIn?: { language: Language; href: string }[];
};

const TIME = { en: timeEn, ja: timeJa } as const;

/** "March 18, 2024, 4:35 p.m. (local time; …)" or "現地時間2024年3月18日午後4時35分（日本時間…）". */
function eventTimeLine(language: Language, start: Date, eventZone: string, organization: PublicSummaryProps["organization"]): string {
  if (!organization) return TIME[language].formatLocalDate(start, eventZone);
  return language === "ja"
    ? timeJa.formatDualTime(start, eventZone, organization.homeTimeZone)
    : timeEn.formatDualTime(start, eventZone, organization.homeTimeZone, organization.homeTimeZoneLabel ?? "");
}

/**
 * The published summary as the public reads it, laid out as an official release: the label, the
 * title, the release date apart from the event's date and place, captioned photos, the text, the
 * references and the way back to the topic. In print a letterhead with the organization's name and
 * the page's address replaces the site's header. The text is rendered from Markdown that can carry
 * no script or raw HTML (lib/markdown.ts).
 */
export function PublicSummary({ event, summary, photos, references, organization, url, language = "en", dataLanguage = language, href = (path) => path, availableIn }: PublicSummaryProps) {
  const t = translator(language, "summary");
  const lang = (l: Language | undefined) => langOfText(l, language);
  const title = summary.title || event.title;
  const titleLang = summary.title ? summary.langOf?.title : event.langOf?.title;
  const place = event.venue ? [event.venue.name, event.venue.city].filter(Boolean).join(language === "ja" ? "、" : ", ") : null;
  const placeLang = event.venue?.langOf?.name;
  const released = summary.publishedAt && organization ? TIME[language].formatLocalDate(summary.publishedAt, organization.homeTimeZone) : null;
  const minutes = event.endsAt ? timeEn.durationMinutes(event.startsAt, event.endsAt) : null;
  const others = availableIn && availableIn.length > 1 ? availableIn : null;
  return (
    <article className="summary mx-auto max-w-3xl">
      {organization && (
        <div className="print-only letterhead mb-6 border-b-2 border-black pb-3" aria-hidden="true" lang={lang(dataLanguage)}>
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
        {organization && <span lang={lang(dataLanguage)} className="rounded-sm bg-brand-900 px-2 py-0.5 text-xs font-semibold tracking-wider text-white print:border print:border-black print:bg-transparent print:text-black">{organization.releaseLabel}</span>}
        {event.topic && (
          <Link href={href(`/topics/${event.topic.slug}`)} lang={lang(event.topic.langOf?.name)}>
            {event.topic.name}
          </Link>
        )}
      </p>
      <h1 lang={lang(titleLang)} className="mt-3 font-serif text-3xl font-semibold leading-tight text-brand-900">
        {title}
      </h1>
      {released && summary.publishedAt ? (
        <p className="mt-2 text-slate-700">
          {t.rich("released", {
            date: released,
            time: (chunks) => <time dateTime={summary.publishedAt!.toISOString()}>{chunks}</time>,
          })}
        </p>
      ) : (
        organization && <p className="mt-2 text-slate-600 italic">{t("releasedOnPublish")}</p>
      )}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-l-4 border-brand-100 pl-4 text-sm text-slate-700">
        <dt className="font-medium text-slate-600">{t("eventDate")}</dt>
        <dd>
          <time dateTime={event.startsAt.toISOString()}>{eventTimeLine(language, event.startsAt, event.timeZone, organization)}</time>
        </dd>
        {minutes !== null && minutes > 0 && (
          <>
            <dt className="font-medium text-slate-600">{t("duration")}</dt>
            <dd>{TIME[language].formatDuration(minutes)}</dd>
          </>
        )}
        {place && (
          <>
            <dt className="font-medium text-slate-600">{t("place")}</dt>
            <dd lang={lang(placeLang)}>{place}</dd>
          </>
        )}
      </dl>
      {others && (
        <nav aria-label={t("languages.label")} className="no-print mt-4 text-sm text-slate-700">
          {t("languages.availableIn")}{" "}
          {others.map((other, i) => (
            <span key={other.language}>
              {i > 0 && <span aria-hidden="true"> · </span>}
              {other.language === language ? (
                <span lang={lang(other.language)} aria-current="page" className="font-semibold">
                  {LANGUAGE_NAMES[other.language]}
                </span>
              ) : (
                <a href={other.href} lang={other.language} hrefLang={other.language}>
                  {LANGUAGE_NAMES[other.language]}
                </a>
              )}
            </span>
          ))}
        </nav>
      )}
      {summary.lede && (
        <p lang={lang(summary.langOf?.lede)} className="mt-4 text-lg text-slate-800">
          {summary.lede}
        </p>
      )}
      {url && <ShareBar title={title} url={url} labels={{ label: t("share.label"), print: t("share.print"), email: t("share.email"), copyLink: t("share.copyLink") }} />}

      {photos.length > 0 && (
        <div className={`mt-6 grid gap-4 ${photos.length > 1 ? "sm:grid-cols-2" : ""}`}>
          {photos.map((photo, i) => (
            <figure key={photo.id} className={photos.length > 2 && i === 0 ? "sm:col-span-2" : undefined}>
              {/* Stored photos are already re-encoded and bounded in size; the optimiser adds nothing. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={`/media/${photo.storageKey}`}
                alt={photo.altText ?? ""}
                lang={lang(photo.langOf?.altText)}
                width={photo.width}
                height={photo.height}
                loading={i === 0 ? "eager" : "lazy"}
                className="h-auto w-full rounded-md bg-slate-100"
              />
              {photo.caption && (
                <figcaption lang={lang(photo.langOf?.caption)} className="mt-1 text-sm text-slate-600">
                  {photo.caption}
                </figcaption>
              )}
            </figure>
          ))}
        </div>
      )}

      <div
        lang={lang(summary.langOf?.body)}
        className="summary-body mt-8 space-y-4 leading-relaxed [&_a]:underline [&_li]:mt-2 [&_ol]:list-decimal [&_ol]:space-y-2 [&_ol]:pl-6 [&_ol_ol]:list-decimal [&_ol_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
        // The HTML comes from renderMarkdown, which escapes raw HTML and drops unsafe links.
        dangerouslySetInnerHTML={{ __html: renderMarkdown(summary.body) }}
      />

      {references.length > 0 && (
        <section aria-labelledby="references-heading" className="mt-10 space-y-4 border-t border-slate-200 pt-6">
          <h2 id="references-heading" className="text-xl font-semibold text-brand-900">
            {t("references")}
          </h2>
          {references.map((r, i) => (
            <div key={r.id}>
              <h3 className="font-semibold">
                {t("referenceNumber", { number: i + 1 })}
                {language === "ja" ? "" : " "}
                {r.url ? (
                  <a href={r.url} rel="noopener noreferrer nofollow" lang={lang(r.langOf?.title)}>
                    {r.title}
                  </a>
                ) : (
                  <span lang={lang(r.langOf?.title)}>{r.title}</span>
                )}
              </h3>
              {r.text && (
                <div lang={lang(r.langOf?.text)}>
                  <PlainText text={r.text} className="mt-1" />
                </div>
              )}
            </div>
          ))}
        </section>
      )}

      {event.topic && (
        <p className="no-print mt-10 border-t border-slate-200 pt-6">
          <Link href={href(`/topics/${event.topic.slug}`)}>
            {t("backTo", { topic: event.topic.name })}
          </Link>
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
function ShareBar({ title, url, labels }: { title: string; url: string; labels: { label: string; print: string; email: string; copyLink: string } }) {
  const mail = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`;
  return (
    <div role="group" aria-label={labels.label} className="no-print mt-5 flex flex-wrap items-center gap-2">
      <button type="button" data-page-action="print" className={`js-only ${SHARE_BUTTON}`}>
        {labels.print}
      </button>
      <a href={mail} className={SHARE_BUTTON}>
        {labels.email}
      </a>
      <button type="button" data-page-action="copy-link" data-url={url} className={`js-only ${SHARE_BUTTON}`}>
        {labels.copyLink}
      </button>
      <span data-page-action-status role="status" className="text-sm text-slate-600" />
    </div>
  );
}
