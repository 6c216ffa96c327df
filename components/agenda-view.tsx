import type { AgendaKind } from "@/db/schema";
import { formatTime } from "@/lib/time";
import { type SpeakerView, speakerLine } from "./speaker-list";
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

// "Panel discussion" over a segment titled "Panel discussion" would only stutter.
const showKind = (item: AgendaItemView) =>
  item.kind !== "other" && AGENDA_KIND_LABEL[item.kind].toLowerCase() !== item.title.trim().toLowerCase();

/** The programme in order: what, when (local time), how long, and who speaks. */
export function AgendaView({ items, timeZone, headingLevel = 3 }: { items: AgendaItemView[]; timeZone: string; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ol className="space-y-5">
      {items.map((item) => {
        const when = [
          item.startsAt ? (
            <time key="start" dateTime={item.startsAt.toISOString()}>
              {formatTime(item.startsAt, timeZone)}
            </time>
          ) : null,
          item.durationMinutes ? <span key="length">{slotLength(item.durationMinutes)}</span> : null,
        ].filter(Boolean);
        return (
          <li key={item.id} className="border-l-4 border-brand-100 pl-4">
            {showKind(item) && (
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{AGENDA_KIND_LABEL[item.kind]}</p>
            )}
            <Heading className="font-semibold">{item.title}</Heading>
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
            <PlainText text={item.description} className="mt-1 text-sm" />
            {item.speakers.length > 0 && (
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {item.speakers.map((s) => (
                  <li key={s.id}>
                    {speakerLine(s)}
                    {s.role === "moderator" && <span className="text-slate-600"> (moderator)</span>}
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
