import type { AgendaKind } from "@/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { langOfText } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import type { LangOf } from "@/lib/i18n/public-event";
import { formatTime } from "@/lib/time";
import { formatTime as formatTimeJa } from "@/lib/time-ja";
import { SpeakerLine, type SpeakerView } from "./speaker-list";
import { PlainText } from "./plain-text";

export const AGENDA_KIND_LABEL: Record<AgendaKind, string> = {
  opening_remarks: "Opening remarks",
  speech: "Speech",
  panel: "Panel discussion",
  closing_remarks: "Closing remarks",
  break: "Break",
  other: "Other",
};

export type AgendaItemView = {
  id: string;
  kind: AgendaKind;
  title: string;
  startsAt: Date | null;
  durationMinutes: number | null;
  description: string | null;
  /** The language each text came out in, when written for a page in one language. */
  langOf?: LangOf<"title" | "description">;
  speakers: SpeakerView[];
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A programme slot's length as printed in an agenda: "10 minutes", "1 hour 30 minutes". */
export function slotLength(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, "minute");
  return rest === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(rest, "minute")}`;
}

/** The same in Japanese: "10分", "1時間", "1時間30分". */
export function slotLengthJa(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}分`;
  return rest === 0 ? `${hours}時間` : `${hours}時間${rest}分`;
}

const LENGTH: Record<Language, (minutes: number) => string> = { en: slotLength, ja: slotLengthJa };
const TIME: Record<Language, (instant: Date, timeZone: string) => string> = { en: formatTime, ja: formatTimeJa };

/** The programme in order: what, when (local time), how long, and who speaks. */
export function AgendaView({ items, timeZone, headingLevel = 3, language = "en" }: { items: AgendaItemView[]; timeZone: string; headingLevel?: 3 | 4; language?: Language }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const t = translator(language, "event");
  const kindLabel = (kind: AgendaKind) => t(`agenda.kinds.${kind}`);
  // "Panel discussion" over a segment titled "Panel discussion" would only stutter.
  const showKind = (item: AgendaItemView) => item.kind !== "other" && kindLabel(item.kind).toLowerCase() !== item.title.trim().toLowerCase();
  return (
    <ol className="space-y-5">
      {items.map((item) => {
        const when = [
          item.startsAt ? (
            <time key="start" dateTime={item.startsAt.toISOString()}>
              {TIME[language](item.startsAt, timeZone)}
            </time>
          ) : null,
          item.durationMinutes ? <span key="length">{LENGTH[language](item.durationMinutes)}</span> : null,
        ].filter(Boolean);
        const descriptionLang = langOfText(item.langOf?.description, language);
        return (
          <li key={item.id} className="border-l-4 border-brand-100 pl-4">
            {showKind(item) && <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{kindLabel(item.kind)}</p>}
            <Heading className="font-semibold" lang={langOfText(item.langOf?.title, language)}>
              {item.title}
            </Heading>
            {when.length > 0 && (
              <p className="text-sm text-slate-600">
                {when.map((part, i) => (
                  <span key={i}>
                    {i > 0 && " · "}
                    {part}
                  </span>
                ))}
              </p>
            )}
            <PlainText text={item.description} className="mt-1 text-sm" lang={descriptionLang} />
            {item.speakers.length > 0 && (
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {item.speakers.map((s) => (
                  <li key={s.id}>
                    <SpeakerLine speaker={s} language={language} />
                    {s.role === "moderator" && <span className="text-slate-600">{language === "ja" ? "" : " "}{t("agenda.moderator")}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
