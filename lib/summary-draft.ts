import { displayName, joinList, type PersonName, shortReference, withPosition } from "./names";
import { ordinalWord } from "./names";
import { durationMinutes, formatDualTimeParts, formatDuration, formatShortDate } from "./time";

export type DraftParticipant = {
  id: string;
  role: "host" | "speaker" | "moderator" | "panelist" | "guest";
  person: PersonName;
  positionAtEvent: string | null;
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
    venue: { name: string; city: string | null; country: string | null } | null;
  };
  home: { timeZone: string; label: string };
  participants: DraftParticipant[];
  agenda: DraftAgendaItem[];
  /** People checked in at the door; null when nobody was. */
  attendance: number | null;
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

/**
 * Attendance as people write it: small numbers exactly, larger ones rounded ("about 90 people",
 * "about 350 people", "about 1,200 people").
 */
export function attendanceWording(count: number | null | undefined): string | null {
  if (count == null || !Number.isFinite(count) || count <= 0) return null;
  const n = Math.round(count);
  if (n === 1) return "1 person";
  if (n < 20) return `${n} people`;
  const step = n < 200 ? 10 : n < 1000 ? 50 : 100;
  const rounded = Math.round(n / step) * step;
  return `about ${rounded.toLocaleString("en-US")} people`;
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

function segmentPeople(item: DraftAgendaItem, participants: DraftParticipant[]): DraftParticipant[] {
  return item.participantIds.map((id) => participants.find((p) => p.id === id)).filter((p): p is DraftParticipant => Boolean(p));
}

function speechItem(item: DraftAgendaItem, participants: DraftParticipant[], first: boolean): string {
  const speakers = segmentPeople(item, participants);
  const names = speakers.length ? joinList(speakers.map(refer)) : "[the speaker]";
  const verb = item.kind === "opening_remarks" ? "made opening remarks" : "made a speech";
  const lead = first ? `At the beginning of the meeting, ${names} ${verb}.` : `${capitalize(names)} ${verb}.`;
  return [`${lead} The outline is as follows:`, `   1. ${PLACEHOLDER.speechPoint}`, `   2. ${PLACEHOLDER.speechPoint}`].join("\n");
}

function panelItem(item: DraftAgendaItem, participants: DraftParticipant[]): string {
  const people = segmentPeople(item, participants);
  const onPanel = people.length ? people : participants;
  const moderators = onPanel.filter((p) => p.role === "moderator");
  const panelists = onPanel.filter((p) => p.role === "panelist" || p.role === "speaker");
  const parts: string[] = [];
  if (moderators.length) parts.push(`The panel discussion was moderated by ${joinList(moderators.map(introduceInList))}`);
  else parts.push("The panel discussion was held");
  if (panelists.length) parts.push(`, with the participation of ${joinList(panelists.map(introduceInList))}`);
  return `${parts.join("")}. ${PLACEHOLDER.discussion}`;
}

function closingItem(item: DraftAgendaItem, participants: DraftParticipant[], attendance: string | null): string {
  const speakers = segmentPeople(item, participants);
  const closer = speakers.length ? joinList(speakers.map(refer)) : "[the host]";
  const closing = `In closing, ${closer} concluded the symposium by stating that ${PLACEHOLDER.closing}.`;
  return attendance ? `${closing} The symposium was attended by a total of ${attendance}.` : closing;
}

/**
 * A first draft of the post-event summary from the event's own data, as ordinary Markdown for staff
 * to edit: the opening sentence, a numbered item per speech with an outline to fill in, the panel,
 * the closing and the attendance.
 */
export function generateSummaryDraft(input: DraftInput): SummaryDraft {
  const attendance = attendanceWording(input.attendance);
  const items: string[] = [];
  let speeches = 0;
  let closed = false;
  for (const item of input.agenda) {
    if (item.kind === "speech" || item.kind === "opening_remarks") items.push(speechItem(item, input.participants, speeches++ === 0));
    else if (item.kind === "panel") items.push(panelItem(item, input.participants));
    else if (item.kind === "closing_remarks") {
      items.push(closingItem(item, input.participants, attendance));
      closed = true;
    }
  }
  if (!closed && attendance) items.push(`The symposium was attended by a total of ${attendance}.`);

  const numbered = items.map((text, i) => `${i + 1}. ${text}`).join("\n");
  const host = input.participants.find((p) => p.role === "host");
  const lede = host
    ? `${displayName(host.person)} took part in ${input.event.seriesName && input.event.seriesNumber ? `the ${ordinalWord(input.event.seriesNumber)} meeting on ${quote(input.event.seriesName)}` : quote(input.event.title)}.`
    : `${quote(input.event.title)} was held${input.event.venue?.city ? ` in ${input.event.venue.city}` : ""}.`;

  return {
    title: input.event.title,
    lede,
    body: [openingSentence(input), numbered].filter(Boolean).join("\n\n") + "\n",
    attendanceCount: input.attendance && input.attendance > 0 ? input.attendance : null,
    attendanceWording: attendance,
  };
}
