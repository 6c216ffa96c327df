import type { Metadata } from "next";
import Link from "next/link";
import { PublicSummary } from "@/components/public-summary";
import { Alert } from "@/components/ui/alert";
import { getOrganization, getSettings } from "@/db/queries/settings";
import { getSummary, listEventPhotos, listReferences } from "@/db/queries/summaries";
import { getTopic } from "@/db/queries/topics";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import { inLanguage } from "@/lib/i18n/localize";
import { isPublishablePhoto, summaryVersion } from "@/lib/summary-publish";
import { staffEventPage } from "../../event";

export const metadata: Metadata = { title: "Summary preview" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ language?: string }> };

/** The summary exactly as the public page will show it, before it is published: in the language chosen (`?language=ja`). */
export default async function SummaryPreviewPage({ params, searchParams }: Props) {
  const { id, event, venueName, venueCity } = await staffEventPage(params, "summary/preview");
  const query = await searchParams;
  const [summary, photos, topic, organization, settings] = await Promise.all([
    getSummary(id),
    listEventPhotos(id),
    event.topicId ? getTopic(event.topicId) : undefined,
    getOrganization(),
    getSettings(),
  ]);
  const references = summary ? await listReferences(summary.id) : [];
  const { defaultLanguage } = settings;
  const language: Language = isLanguage(query.language) && settings.enabledLanguages.includes(query.language) ? query.language : defaultLanguage;
  // As the public page shows that version: its own text, and the default language's where it has none.
  const own = summaryVersion(summary, language, defaultLanguage);
  const fallback = summaryVersion(summary, defaultLanguage, defaultLanguage);
  const text = (field: "title" | "lede" | "body") => (own[field]?.trim() ? { text: own[field]!, lang: language } : { text: fallback[field] ?? "", lang: defaultLanguage });
  const [title, lede, body] = [text("title"), text("lede"), text("body")];

  return (
    <div className="space-y-6">
      <div className="no-print">
        <Alert tone="info">
          Preview: this is how the public page will read.{" "}
          <Link href={`/admin/events/${id}/summary${language === defaultLanguage ? "" : `?language=${language}`}`}>Back to the editor</Link>
        </Alert>
      </div>
      {/* The staff area is in English: the preview says which language it is in. */}
      <div lang={language}>
      <PublicSummary
        language={language}
        dataLanguage={defaultLanguage}
        event={{
          title: event.title,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          timeZone: event.timeZone,
          topic: topic ? { name: topic.name, slug: topic.slug } : null,
          venue: venueName ? { name: venueName, city: venueCity } : null,
        }}
        summary={{
          title: title.text,
          lede: lede.text || null,
          body: body.text,
          publishedAt: summary?.publishedAt ?? null,
          langOf: { title: title.lang, lede: lede.lang, body: body.lang },
        }}
        organization={{ ...organization, homeTimeZone: settings.homeTimeZone, homeTimeZoneLabel: settings.homeTimeZoneLabel ?? undefined }}
        // As the public will see them: a photo without a description is not shown.
        photos={photos.filter(isPublishablePhoto).map((p) => {
          const t = inLanguage(p, ["caption", "altText"], language, defaultLanguage);
          return { ...p, caption: t.caption, altText: t.altText, langOf: t.langOf };
        })}
        references={references.map((r) => {
          const t = inLanguage(r, ["title", "text"], language, defaultLanguage);
          return { ...r, title: t.title ?? r.title, text: t.text, langOf: t.langOf };
        })}
      />
      </div>
    </div>
  );
}
