import "server-only";
import { db, type Executor } from "@/db";
import { getSummary, listEventPhotos } from "@/db/queries/summaries";
import type { Summary } from "@/db/schema";
import { LANGUAGE_LABELS, type Language } from "@/lib/i18n/languages";
import { PLACEHOLDER } from "@/lib/summary-draft";
import { PLACEHOLDER_JA } from "@/lib/summary-draft-ja";

type SummaryText = { title: string; body: string };
type PhotoText = { altText: string | null };

// What the draft generators write for staff to replace: their named placeholders, and the stand-ins
// they use when the agenda names no speaker. The Japanese draft's notes sit in 【】.
const DRAFT_MARKERS = [...Object.values(PLACEHOLDER), "[the speaker]", "[the host]", ...Object.values(PLACEHOLDER_JA)];
// Where a record had no version in the draft's language, the draft quotes the default language's text
// inside this mark (lib/summary-draft-ja.ts `untranslated`): a text still holding one is not finished.
const UNTRANSLATED_MARK = "【未翻訳：";

/** The parts of `text` still marked as untranslated, as they read: "【未翻訳：Opening remarks】". */
function untranslatedParts(text: string): string[] {
  const found = new Set<string>();
  let at = text.indexOf(UNTRANSLATED_MARK);
  while (at >= 0) {
    const end = text.indexOf("】", at);
    found.add(text.slice(at, end < 0 ? undefined : end + 1));
    at = text.indexOf(UNTRANSLATED_MARK, at + UNTRANSLATED_MARK.length);
  }
  return [...found];
}

/** A summary's text in one language, without falling back: what staff edit and what that language publishes. */
export type SummaryVersion = { title: string; lede: string | null; body: string; attendanceWording: string | null };

export function summaryVersion(summary: Pick<Summary, "title" | "lede" | "body" | "attendanceWording" | "translations"> | undefined, language: Language, defaultLanguage: Language): SummaryVersion {
  if (!summary) return { title: "", lede: null, body: "", attendanceWording: null };
  if (language === defaultLanguage) return { title: summary.title, lede: summary.lede, body: summary.body, attendanceWording: summary.attendanceWording };
  const t = summary.translations[language] ?? {};
  return { title: t.title ?? "", lede: t.lede ?? null, body: t.body ?? "", attendanceWording: t.attendanceWording ?? null };
}

/** Whether `language`'s version of the summary is public: the default's by its status, another's by its own publication under it. */
export function isPublishedIn(summary: Pick<Summary, "status" | "translationPublishedAt"> | undefined, language: Language, defaultLanguage: Language): boolean {
  if (summary?.status !== "published") return false;
  return language === defaultLanguage || Boolean(summary.translationPublishedAt[language]);
}

/**
 * A published summary's title and lede as a page in `language` lists it: that version when it is
 * published, else the default language's, with the language each is written in (for `lang`).
 */
export function publishedText(
  summary: Pick<Summary, "title" | "lede" | "status" | "translations" | "translationPublishedAt">,
  language: Language,
  defaultLanguage: Language,
): { title: string; lede: string | null; langOf: { title: Language; lede?: Language } } {
  const shown = isPublishedIn(summary, language, defaultLanguage) ? language : defaultLanguage;
  const own = summary.translations[shown];
  const title = shown !== defaultLanguage && own?.title?.trim() ? { text: own.title, lang: shown } : { text: summary.title, lang: defaultLanguage };
  const lede = shown !== defaultLanguage && own?.lede?.trim() ? { text: own.lede, lang: shown } : summary.lede ? { text: summary.lede, lang: defaultLanguage } : null;
  return { title: title.text, lede: lede?.text ?? null, langOf: { title: title.lang, lede: lede?.lang } };
}

/** A photo the public may see: it has a description for people who cannot see it. */
export function isPublishablePhoto(photo: PhotoText): boolean {
  return Boolean(photo.altText?.trim());
}

/**
 * What is wrong with a summary's text for the public to read, by field; empty when nothing is.
 * `language` names the version in the sentences when it is not the default one ("The Japanese text …").
 */
export function textProblemsByField(summary: SummaryText | undefined, language?: Language): { title?: string; body?: string } {
  const out: { title?: string; body?: string } = {};
  const which = language ? `The ${LANGUAGE_LABELS[language]} version of the summary` : "The summary";
  const text = language ? `The ${LANGUAGE_LABELS[language]} text` : "The text";
  const title = summary?.title ?? "";
  if (!title.trim()) out.title = `${which} has no title.`;
  else {
    const untranslated = untranslatedParts(title);
    if (untranslated.length) out.title = `The title still has parts marked as untranslated: ${untranslated.join(", ")}. Translate them.`;
  }
  const body = summary?.body ?? "";
  if (!body.trim()) out.body = `${which} has no text.`;
  else {
    const markers = DRAFT_MARKERS.filter((p) => body.includes(p));
    const untranslated = untranslatedParts(body);
    const problems = [
      markers.length ? `${text} still has placeholders to replace: ${markers.join(", ")}.` : "",
      untranslated.length ? `${text} still has parts marked as untranslated: ${untranslated.join(", ")}. Translate them.` : "",
    ].filter(Boolean);
    if (problems.length) out.body = problems.join(" ");
  }
  return out;
}

/** The same, as a list of sentences. */
export function textProblems(summary: SummaryText | undefined, language?: Language): string[] {
  const { title, body } = textProblemsByField(summary, language);
  return [title, body].filter((p): p is string => Boolean(p));
}

export function photoProblems(photos: PhotoText[]): string[] {
  const missingAlt = photos.filter((p) => !isPublishablePhoto(p)).length;
  return missingAlt ? [`${missingAlt} photo${missingAlt === 1 ? " has" : "s have"} no description (alt text) for people who cannot see it.`] : [];
}

/** Why a summary cannot be published yet, in words staff can act on; empty when it can. */
export function summaryProblems(summary: SummaryText | undefined, photos: PhotoText[]): string[] {
  return [...textProblems(summary), ...photoProblems(photos)];
}

/**
 * The same, read from the database. Inside a transaction that holds the summary's lock
 * (`lockSummary`), nobody can change the text between this check and what the transaction does next.
 */
export async function publishProblems(eventId: string, executor: Executor = db): Promise<string[]> {
  const summary = await getSummary(eventId, executor);
  const photos = await listEventPhotos(eventId, executor);
  return summaryProblems(summary, photos);
}

/**
 * Why a summary's version in `language`, not the default, cannot be published yet. Its photos'
 * captions and descriptions fall back to the default language's, which publishing that one already
 * required, so only its own text is held here, and the default version must be public first.
 */
export function translationProblems(summary: Summary | undefined, language: Language, defaultLanguage: Language): string[] {
  const own = textProblems(summaryVersion(summary, language, defaultLanguage), language);
  if (summary?.status !== "published") {
    return [`Publish the ${LANGUAGE_LABELS[defaultLanguage]} version first: the other languages are published beside it.`, ...own];
  }
  return own;
}
