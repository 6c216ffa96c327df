/**
 * The summary draft in Japanese, in the form of a Japanese press release: the opening paragraph
 * ("現地時間…から約65分間、上川陽子外務大臣は、…に出席しました。概要は以下のとおりです。"), then items
 * numbered "1 ", "2 " with their points as "（1）", the closing remarks ending the last item
 * ("最後に、…") and the attendance an item of its own. lib/summary-draft.ts reads the records in
 * Japanese and calls these texts; this file only words them.
 */

import { joinList, seriesMeetingPhrase, shortReference, withPosition } from "./names-ja";
import type { DraftInput, DraftParticipant, DraftSegment, DraftTexts, PanelSegment, SpeechSegment } from "./summary-draft";
import { durationMinutes } from "./time";
import { formatDualTime, formatDuration } from "./time-ja";

/** Placeholders staff replace, in the brackets Japanese drafts use for notes to the editor. */
export const PLACEHOLDER_JA = {
  speechPoint: "【挨拶の要点】",
  discussion: "【議論の概要】",
  closing: "【閉会挨拶の要点】",
  // Replaced by who was among the audience ("各国国連常駐代表を含め"), or deleted: the sentence reads either way.
  attendees: "【主な参加者（例：各国国連常駐代表を含め）】",
  speaker: "【登壇者】",
  host: "【主催者】",
} as const;

/** "【未翻訳：Opening remarks】": a record with no Japanese version yet, for staff to translate. */
export function untranslated(text: string): string {
  return `【未翻訳：${text}】`;
}

// Titles that end a Japanese position and stand after the family name in later references
// ("外務大臣" → "上川大臣"); longer ones first, so that 副大臣 is not read as 大臣.
const TITLE_ENDINGS: readonly (readonly [string, string])[] = [
  ["内閣総理大臣", "総理"],
  ["総理大臣", "総理"],
  ["大臣政務官", "政務官"],
  ["副大臣", "副大臣"],
  ["大臣", "大臣"],
  ["副事務総長", "副事務総長"],
  ["事務総長", "事務総長"],
  ["事務局長", "事務局長"],
  ["大使", "大使"],
  ["総裁", "総裁"],
  ["長官", "長官"],
  ["知事", "知事"],
  ["市長", "市長"],
  ["議長", "議長"],
  ["理事長", "理事長"],
  ["学長", "学長"],
  ["教授", "教授"],
];

/** The title a Japanese position ends with, if any: "外務大臣" → "大臣", "外務副大臣" → "副大臣". */
export function titleFromPosition(position: string | null | undefined): string | undefined {
  const text = position?.trim() ?? "";
  return TITLE_ENDINGS.find(([ending]) => text.endsWith(ending))?.[1];
}

function refer(p: DraftParticipant): string {
  return shortReference(p.person, titleFromPosition(p.positionAtEvent));
}

function introduce(p: DraftParticipant): string {
  return withPosition(p.person, p.positionAtEvent);
}

const host = (input: DraftInput) => input.participants.find((p) => p.role === "host");

/** "「WPS＋イノベーション」第4回会合", "「WPS＋イノベーション」会合", or the event's own title. */
function meetingName({ event }: DraftInput): string {
  if (!event.seriesName) return `「${event.title}」`;
  return `「${event.seriesName}」${event.seriesNumber ? seriesMeetingPhrase(event.seriesNumber) : "会合"}`;
}

/** "「WPS＋イノベーション」第4回会合「国連から」", or "シンポジウム「国連から」" outside a series. */
function meetingWithTitle(input: DraftInput): string {
  return input.event.seriesName ? `${meetingName(input)}「${input.event.title}」` : `シンポジウム「${input.event.title}」`;
}

/** "ニューヨークの国連本部で", or "" without a venue. */
function venuePhrase({ event }: DraftInput): string {
  if (!event.venue) return "";
  return `${event.venue.city ? `${event.venue.city}の` : ""}${event.venue.name}で`;
}

/**
 * "現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）から約65分間、上川陽子外務大臣は、
 * ニューヨークの国連本部で開催された「WPS＋イノベーション」第4回会合「国連から」に出席しました。概要は以下のとおりです。"
 */
export function openingSentence(input: DraftInput): string {
  const { event, home } = input;
  const when = `${formatDualTime(event.startsAt, event.timeZone, home.timeZone)}から${formatDuration(durationMinutes(event.startsAt, event.endsAt))}`;
  const venue = venuePhrase(input);
  const who = host(input);
  const action = who
    ? `${introduce(who)}は、${venue ? `${venue}開催された` : ""}${meetingWithTitle(input)}に出席しました。`
    : `${meetingWithTitle(input)}が${venue}開催されました。`;
  return `${when}、${action}概要は以下のとおりです。`;
}

function speechItem(segment: SpeechSegment, first: boolean): string {
  const names = segment.speakers.length ? joinList(segment.speakers.map(refer)) : PLACEHOLDER_JA.speaker;
  const what = segment.kind === "opening_remarks" ? "開会挨拶" : "挨拶";
  return [
    `${first ? "冒頭" : "続いて"}、${names}から${what}を行いました。概要は以下のとおりです。`,
    `（1）${PLACEHOLDER_JA.speechPoint}`,
    `（2）${PLACEHOLDER_JA.speechPoint}`,
  ].join("\n\n");
}

function panelItem({ moderators, panelists }: PanelSegment): string {
  const moderated = moderators.length ? `${joinList(moderators.map(introduce))}がモデレーターを務め` : "";
  const joined = panelists.length ? `${joinList(panelists.map(introduce))}がパネリストとして参加しました` : "";
  const held = moderated && joined ? `${moderated}、${joined}` : joined || (moderated ? `${moderated}ました` : "");
  return `${held ? `パネルディスカッションでは、${held}。` : "パネルディスカッションを行いました。"}${PLACEHOLDER_JA.discussion}`;
}

function closingParagraph(speakers: DraftParticipant[]): string {
  const closer = speakers.length ? joinList(speakers.map(refer)) : PLACEHOLDER_JA.host;
  return `最後に、${closer}から、${PLACEHOLDER_JA.closing}旨述べました。`;
}

export const JAPANESE: DraftTexts = {
  untranslated,
  attendance: ({ n, approximate }) => (approximate ? `約${n.toLocaleString("ja-JP")}名` : `${n}名`),
  title: (input) => `${meetingName(input)}の開催`,
  lede(input) {
    const who = host(input);
    if (who) return `${introduce(who)}は、${meetingName(input)}に出席しました。`;
    const city = input.event.venue?.city;
    return `${meetingName(input)}が${city ? `${city}で` : ""}開催されました。`;
  },
  body(input, segments: DraftSegment[], attendance) {
    const items: string[] = [];
    let speeches = 0;
    for (const segment of segments) {
      if (segment.kind === "panel") items.push(panelItem(segment));
      else if (segment.kind === "speech" || segment.kind === "opening_remarks") items.push(speechItem(segment, speeches++ === 0));
      // The closing remarks end the item before them, as press releases tell them.
      else if (items.length) items.push(`${items.pop()!}\n\n${closingParagraph(segment.speakers)}`);
      else items.push(closingParagraph(segment.speakers));
    }
    if (attendance) items.push(`本シンポジウムには、${PLACEHOLDER_JA.attendees}${attendance}が参加しました。`);
    return [openingSentence(input), ...items.map((text, i) => `${i + 1} ${text}`)].join("\n\n") + "\n";
  },
};
