import type { Language, Translations } from "./i18n/languages";
import { localized } from "./i18n/localize";
import { displayName, joinList, type PersonName, plainName, shortReference, withPosition } from "./names";
import { ordinalWord } from "./names";
import { JAPANESE } from "./summary-draft-ja";
import { durationMinutes, formatDualTimeParts, formatDuration, formatShortDate } from "./time";

// Each record may carry its versions in other languages (the `translations` columns); a draft in a
// language other than the default reads them, and marks what has none (DraftTexts.untranslated).

export type DraftPerson = PersonName & {
  position?: string | null;
  translations?: Translations<"honorific" | "givenName" | "familyName" | "position">;
};

export type DraftParticipant = {
  id: string;
  role: "host" | "speaker" | "moderator" | "panelist" | "guest";
  person: DraftPerson;
  positionAtEvent: string | null;
  translations?: Translations<"positionAtEvent">;
};

export type DraftAgendaItem = {
  kind: "opening_remarks" | "speech" | "panel" | "closing_remarks" | "break" | "other";
  title: string;
  participantIds: string[];
};

export type DraftInput = {
  event: {
    title: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    seriesName: string | null;
    seriesNumber: number | null;
    venue: { name: string; city: string | null; country: string | null; translations?: Translations<"name" | "city" | "country"> } | null;
    translations?: Translations<"title">;
    seriesTranslations?: Translations<"name">;
  };
  home: { timeZone: string; label: string };
  participants: DraftParticipant[];
  agenda: DraftAgendaItem[];
  /** People checked in at the door; null when nobody was. */
  attendance: number | null;
  /** The language of the records' own columns; English when not given. */
  defaultLanguage?: Language;
};

export type SummaryDraft = {
  title: string;
  lede: string;
  body: string;
  attendanceCount: number | null;
  attendanceWording: string | null;
};

/** Placeholders staff replace; they read as instructions, so nobody publishes them by mistake. */
export const PLACEHOLDER = {
  speechPoint: "[Outline point of the speech]",
  discussion: "[What the discussion covered]",
  closing: "[what the closing remarks said]",
} as const;

/** An agenda item as the draft tells it, with its people found among the participants. */
export type DraftSegment =
  | { kind: "speech" | "opening_remarks"; speakers: DraftParticipant[] }
  | { kind: "panel"; moderators: DraftParticipant[]; panelists: DraftParticipant[] }
  | { kind: "closing_remarks"; speakers: DraftParticipant[] };
export type SpeechSegment = Extract<DraftSegment, { kind: "speech" | "opening_remarks" }>;
export type PanelSegment = Extract<DraftSegment, { kind: "panel" }>;

/** Attendance as people count it: exact when small, else rounded (`approximate`). */
export type HeadCount = { n: number; approximate: boolean };

/**
 * What a language supplies to the draft: its wording of the parts. The input it receives is already in
 * that language (the records' translations, or `untranslated` marks where one is missing).
 */
export type DraftTexts = {
  /** A record's text in the default language, marked for staff to translate: never shown as if translated. */
  untranslated(text: string): string;
  attendance(count: HeadCount): string;
  title(input: DraftInput): string;
  lede(input: DraftInput): string;
  body(input: DraftInput, segments: DraftSegment[], attendance: string | null): string;
};

// Words that open a position and serve as a title in later references ("Minister Kamikawa").
const TITLE_WORDS = [
  "Prime Minister",
  "Foreign Minister",
  "Deputy Minister",
  "State Minister",
  "Minister",
  "Secretary-General",
  "Under-Secretary-General",
  "Secretary",
  "President",
  "Vice President",
  "Ambassador",
  "Governor",
  "Mayor",
  "Professor",
  "Director-General",
  "Director",
  "Chair",
] as const;

/** The title a position starts with, if any: "Minister for Foreign Affairs of Japan" → "Minister". */
export function titleFromPosition(position: string | null | undefined): string | undefined {
  const text = position?.trim() ?? "";
  return TITLE_WORDS.find((t) => text === t || text.startsWith(`${t} `) || text.startsWith(`${t},`));
}

/** Small numbers exactly; larger ones rounded to 10, 50 or 100 as they grow. Null for no one. */
export function headCount(count: number | null | undefined): HeadCount | null {
  if (count == null || !Number.isFinite(count) || count <= 0) return null;
  const n = Math.round(count);
  if (n < 20) return { n, approximate: false };
  const step = n < 200 ? 10 : n < 1000 ? 50 : 100;
  return { n: Math.round(n / step) * step, approximate: true };
}

/**
 * Attendance as people write it: small numbers exactly, larger ones rounded ("about 90 people",
 * "about 350 people", "about 1,200 people").
 */
export function attendanceWording(count: number | null | undefined): string | null {
  const head = headCount(count);
  return head && ENGLISH.attendance(head);
}

function refer(p: DraftParticipant): string {
  return shortReference(p.person, titleFromPosition(p.positionAtEvent));
}

function introduce(p: DraftParticipant): string {
  return withPosition(p.person, p.positionAtEvent);
}

/**
 * "Ms. Sima Bahous (Executive Director of UN Women)": in a list of people, a title in brackets cannot
 * be read as another person, nor split by a comma or an "and" of its own.
 */
function introduceInList(p: DraftParticipant): string {
  const name = displayName(p.person);
  const position = p.positionAtEvent?.replace(/\s+/g, " ").trim();
  return position ? `${name} (${position})` : name;
}

function quote(text: string): string {
  return `“${text}”`;
}

/** "On March 18, commencing at 4:35 p.m. (local time; March 19, 5:35 a.m. JST) for approximately 65 minutes, …" */
export function openingSentence(input: DraftInput): string {
  const { event, home } = input;
  const parts = formatDualTimeParts(event.startsAt, event.timeZone, home.timeZone, home.label);
  const homeClause =
    parts.homeTime === null ? "(local time)" : `(local time; ${parts.homeDate ? `${parts.homeDate}, ` : ""}${parts.homeTime} ${parts.homeLabel})`;
  const when = `On ${formatShortDate(event.startsAt, event.timeZone)}, commencing at ${parts.localTime} ${homeClause} for ${formatDuration(durationMinutes(event.startsAt, event.endsAt))}`;

  const host = input.participants.find((p) => p.role === "host");
  const who = host ? introduce(host) : null;

  const meeting =
    event.seriesName && event.seriesNumber
      ? `the ${ordinalWord(event.seriesNumber)} meeting on ${quote(event.seriesName)}, a symposium entitled ${quote(event.title)}`
      : event.seriesName
        ? `a meeting on ${quote(event.seriesName)}, a symposium entitled ${quote(event.title)}`
        : `the symposium ${quote(event.title)}`;

  const venue = event.venue ? `, held at ${[event.venue.name, event.venue.city].filter(Boolean).join(", ")}` : "";
  const action = who ? `${who}, participated in ${meeting}${venue}` : `${meeting} was held${venue}`;
  return `${when}, ${action}. The overview of the event is as follows.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function speechItem(segment: SpeechSegment, first: boolean): string {
  const names = segment.speakers.length ? joinList(segment.speakers.map(refer)) : "[the speaker]";
  const verb = segment.kind === "opening_remarks" ? "made opening remarks" : "made a speech";
  const lead = first ? `At the beginning of the meeting, ${names} ${verb}.` : `${capitalize(names)} ${verb}.`;
  return [`${lead} The outline is as follows:`, `   1. ${PLACEHOLDER.speechPoint}`, `   2. ${PLACEHOLDER.speechPoint}`].join("\n");
}

function panelItem({ moderators, panelists }: PanelSegment): string {
  const parts: string[] = [];
  if (moderators.length) parts.push(`The panel discussion was moderated by ${joinList(moderators.map(introduceInList))}`);
  else parts.push("The panel discussion was held");
  if (panelists.length) parts.push(`, with the participation of ${joinList(panelists.map(introduceInList))}`);
  return `${parts.join("")}. ${PLACEHOLDER.discussion}`;
}

function closingItem(speakers: DraftParticipant[], attendance: string | null): string {
  const closer = speakers.length ? joinList(speakers.map(refer)) : "[the host]";
  const closing = `In closing, ${closer} concluded the symposium by stating that ${PLACEHOLDER.closing}.`;
  return attendance ? `${closing} The symposium was attended by a total of ${attendance}.` : closing;
}

/** The English draft: a Markdown list, the attendance closing the closing remarks' item. */
const ENGLISH: DraftTexts = {
  untranslated: (text) => `[Untranslated: ${text}]`,
  attendance: ({ n, approximate }) => (approximate ? `about ${n.toLocaleString("en-US")} people` : n === 1 ? "1 person" : `${n} people`),
  title: (input) => input.event.title,
  lede(input) {
    const host = input.participants.find((p) => p.role === "host");
    const { event } = input;
    return host
      ? `${displayName(host.person)} took part in ${event.seriesName && event.seriesNumber ? `the ${ordinalWord(event.seriesNumber)} meeting on ${quote(event.seriesName)}` : quote(event.title)}.`
      : `${quote(event.title)} was held${event.venue?.city ? ` in ${event.venue.city}` : ""}.`;
  },
  body(input, segments, attendance) {
    const items: string[] = [];
    let speeches = 0;
    let closed = false;
    for (const segment of segments) {
      if (segment.kind === "panel") items.push(panelItem(segment));
      else if (segment.kind === "closing_remarks") {
        items.push(closingItem(segment.speakers, attendance));
        closed = true;
      } else items.push(speechItem(segment, speeches++ === 0));
    }
    if (!closed && attendance) items.push(`The symposium was attended by a total of ${attendance}.`);
    const numbered = items.map((text, i) => `${i + 1}. ${text}`).join("\n");
    return [openingSentence(input), numbered].filter(Boolean).join("\n\n") + "\n";
  },
};

const DRAFT_TEXTS: Record<Language, DraftTexts> = { en: ENGLISH, ja: JAPANESE };

function segmentPeople(item: DraftAgendaItem, participants: DraftParticipant[]): DraftParticipant[] {
  return item.participantIds.map((id) => participants.find((p) => p.id === id)).filter((p): p is DraftParticipant => Boolean(p));
}

/** The agenda items a draft tells, in order: speeches, panels (everyone, when none is named) and the closing. */
export function draftSegments(input: DraftInput): DraftSegment[] {
  return input.agenda.flatMap((item): DraftSegment[] => {
    const people = segmentPeople(item, input.participants);
    switch (item.kind) {
      case "speech":
      case "opening_remarks":
        return [{ kind: item.kind, speakers: people }];
      case "closing_remarks":
        return [{ kind: item.kind, speakers: people }];
      case "panel": {
        const onPanel = people.length ? people : input.participants;
        return [
          {
            kind: "panel",
            moderators: onPanel.filter((p) => p.role === "moderator"),
            panelists: onPanel.filter((p) => p.role === "panelist" || p.role === "speaker"),
          },
        ];
      }
      default:
        return [];
    }
  });
}

/**
 * The person in `language`: the translated name when it has one (honorific falling back to the own one,
 * which the language's name rules word), else the own name marked as untranslated.
 */
function localizedPerson(person: DraftPerson, language: Language, mark: (text: string) => string): DraftPerson {
  const version = person.translations?.[language];
  const givenName = version?.givenName?.trim() ?? "";
  const familyName = version?.familyName?.trim() ?? "";
  const honorific = version?.honorific?.trim() || person.honorific;
  if (givenName || familyName) return { ...person, honorific, givenName, familyName };
  const own = plainName(person);
  return { ...person, honorific, givenName: "", familyName: own && mark(own) };
}

/**
 * The draft's input in `language`: every text the draft shows taken from the records' translations,
 * and where one is missing the default language's text marked for staff. A participant's position
 * that is the person's own position takes the person's translation of it when the participant has none.
 */
export function localizeDraftInput(input: DraftInput, language: Language, mark: (text: string) => string): DraftInput {
  const defaultLanguage = input.defaultLanguage ?? "en";
  if (language === defaultLanguage) return input;
  const text = <F extends string>(translations: Translations<F> | undefined, field: F, own: string | null): string | null => {
    const found = localized({ translations: translations ?? {}, [field]: own } as { translations: Translations<F> } & Record<F, string | null>, field, language, defaultLanguage);
    if (!found) return null;
    return found.lang === language ? found.text : mark(found.text);
  };
  const { event } = input;
  return {
    ...input,
    event: {
      ...event,
      title: text(event.translations, "title", event.title) ?? "",
      seriesName: event.seriesName === null ? null : text(event.seriesTranslations, "name", event.seriesName),
      venue: event.venue && {
        ...event.venue,
        name: text(event.venue.translations, "name", event.venue.name) ?? "",
        city: text(event.venue.translations, "city", event.venue.city),
        country: text(event.venue.translations, "country", event.venue.country),
      },
    },
    participants: input.participants.map((p) => {
      const own = p.positionAtEvent?.trim() || null;
      const asPerson = own !== null && own === p.person.position?.trim() ? p.person.translations?.[language]?.position?.trim() : undefined;
      const position = p.translations?.[language]?.positionAtEvent?.trim() || asPerson || (own && mark(own));
      return { ...p, person: localizedPerson(p.person, language, mark), positionAtEvent: position || null };
    }),
  };
}

/**
 * A first draft of the post-event summary from the event's own data, as ordinary Markdown for staff
 * to edit, in `language` (English by default): the opening sentence, an item per speech with an
 * outline to fill in, the panel, the closing and the attendance, each language in its own form.
 */
export function generateSummaryDraft(input: DraftInput, language: Language = "en"): SummaryDraft {
  const texts = DRAFT_TEXTS[language];
  const local = localizeDraftInput(input, language, texts.untranslated);
  const head = headCount(local.attendance);
  const attendance = head && texts.attendance(head);
  return {
    title: texts.title(local),
    lede: texts.lede(local),
    body: texts.body(local, draftSegments(local), attendance),
    attendanceCount: input.attendance && input.attendance > 0 ? input.attendance : null,
    attendanceWording: attendance,
  };
}
