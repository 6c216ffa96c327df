import type { ParticipantRole } from "@/db/schema";
import { type EmailMessage } from "@/lib/email/message";
import { escapeHtml } from "@/lib/html";
import type { Language, Translations } from "@/lib/i18n/languages";
import { localized } from "@/lib/i18n/localize";
import * as names from "@/lib/names";
import * as namesJa from "@/lib/names-ja";
import { formatDualTime } from "@/lib/time";
import * as timeJa from "@/lib/time-ja";

/**
 * Text that goes into a header (the subject): line breaks and runs of spaces become one space, and
 * it is cut to a length mail clients show. Names and titles come from forms; a line break in one must
 * never start a new header.
 */
export function headerSafe(value: string, max = 200): string {
  const flat = value.replace(/[\s\u0085\u2028\u2029]+/gu, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** One line of body text: a name or title cannot break the layout of the message either. */
const line = (value: string) => headerSafe(value, 1000);

const ROLE_NOUN: Record<ParticipantRole, string> = {
  host: "host",
  speaker: "speaker",
  moderator: "moderator",
  panelist: "panelist",
  guest: "guest",
};

const paragraphs = (parts: (string | null | false | undefined)[]) => parts.filter((p): p is string => Boolean(p));

function html(blocks: string[]): string {
  return blocks.map((b) => `<p>${b}</p>`).join("\n");
}

export type InvitationEmailInput = {
  to: string;
  organization: string;
  personName: string;
  eventTitle: string;
  seriesLine: string | null;
  /** "March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST)" */
  when: string;
  venue: string | null;
  role: ParticipantRole;
  positionAtEvent: string | null;
  signInUrl: string;
  linkMinutes: number;
  /** The sign-in page, for when the link has expired: it returns to the invitation. */
  loginUrl: string;
  /** The account's language (users.language), else the organization's default; English without it. */
  language?: Language;
  /** How the greeting names the person, when it differs from `personName` (Japanese: the name without honorific). */
  greetingName?: string;
};

const ROLE_NOUN_JA: Record<ParticipantRole, string> = {
  host: "ホスト",
  speaker: "登壇者",
  moderator: "モデレーター",
  panelist: "パネリスト",
  guest: "ゲスト",
};

type InvitedPerson = names.PersonName & { honorific: string | null; translations: Translations<"honorific" | "givenName" | "familyName"> };
type InvitationEvent = {
  title: string;
  translations?: Translations<"title" | "description">;
  startsAt: Date;
  timeZone: string;
  seriesName: string | null;
  seriesNumber: number | null;
  venue: { name: string | null; city: string | null; country: string | null } | null;
};

/**
 * The invitation's names, title, time and place in `language`: the person's name and the event's title
 * from their translations when they have one, the time as that language writes it.
 */
export function invitationDetails(
  language: Language,
  defaultLanguage: Language,
  person: InvitedPerson,
  event: InvitationEvent,
  home: { zone: string; label: string },
): Pick<InvitationEmailInput, "language" | "personName" | "greetingName" | "eventTitle" | "seriesLine" | "when" | "venue"> {
  const venue = event.venue?.name ? [event.venue.name, event.venue.city, event.venue.country].filter(Boolean).join(language === "ja" ? "、" : ", ") : null;
  const eventTitle = localized({ ...event, translations: event.translations ?? {} }, "title", language, defaultLanguage)?.text ?? event.title;
  if (language !== "ja") {
    return {
      language,
      personName: names.displayName(person),
      eventTitle,
      seriesLine: names.seriesLine(event.seriesName, event.seriesNumber),
      when: formatDualTime(event.startsAt, event.timeZone, home.zone, home.label),
      venue,
    };
  }
  const field = (f: "honorific" | "givenName" | "familyName") => localized(person, f, language, defaultLanguage)?.text ?? null;
  const name = { ...person, honorific: field("honorific"), givenName: field("givenName") ?? person.givenName, familyName: field("familyName") ?? person.familyName };
  return {
    language,
    personName: namesJa.displayName(name),
    greetingName: namesJa.plainName(name),
    eventTitle,
    seriesLine: namesJa.seriesLine(event.seriesName, event.seriesNumber),
    when: timeJa.formatDualTime(event.startsAt, event.timeZone, home.zone),
    venue,
  };
}

/** The invitation in Japanese: the same details, link and expiry as the English one. */
function invitationEmailJa(i: InvitationEmailInput): EmailMessage {
  const title = line(i.eventTitle);
  const role = ROLE_NOUN_JA[i.role];
  const details = paragraphs([
    `イベント：${title}`,
    i.seriesLine && `シリーズ：${line(i.seriesLine)}`,
    `日時：${line(i.when)}`,
    i.venue && `会場：${line(i.venue)}`,
    `ご担当：${role}`,
    i.positionAtEvent && `ご紹介時の肩書：${line(i.positionAtEvent)}`,
  ]);
  const greeting = `${line(i.greetingName ?? i.personName)} 様`;
  const invite = `${line(i.organization)}より、「${title}」に${role}としてご参加いただきたく、ご案内申し上げます。`;
  const expiry = `このサインイン用リンクは${i.linkMinutes}分以内に1回限りご利用いただけます。期限が過ぎた場合は、${i.loginUrl} にこのメールアドレス（${i.to}）でサインインしてご回答ください。`;
  const closing = "パスワードは不要です。お心当たりのない場合は、このメールを破棄してください。";
  return {
    to: i.to,
    kind: "sign_in_link",
    subject: headerSafe(`ご参加のお願い：${i.eventTitle}`),
    text: [
      greeting,
      "",
      invite,
      "",
      ...details,
      "",
      "ご承諾またはご辞退のご回答（主催者へのメッセージも添えられます）は、以下のリンクからお願いいたします：",
      "",
      i.signInUrl,
      "",
      expiry,
      "",
      closing,
    ].join("\n"),
    html: `<!doctype html>\n<html lang="ja"><body>\n${html([
      escapeHtml(greeting),
      escapeHtml(invite),
      details.map(escapeHtml).join("<br>\n"),
      `<a href="${escapeHtml(i.signInUrl)}">招待に回答する</a>`,
      escapeHtml(expiry),
      closing,
    ])}\n</body></html>`,
  };
}

/** The invitation: what, when, where, as what, and the one link that answers it. */
export function invitationEmail(i: InvitationEmailInput): EmailMessage {
  if (i.language === "ja") return invitationEmailJa(i);
  const title = line(i.eventTitle);
  const role = ROLE_NOUN[i.role];
  const details = paragraphs([
    `Event: ${title}`,
    i.seriesLine && `Series: ${line(i.seriesLine)}`,
    `When: ${line(i.when)}`,
    i.venue && `Where: ${line(i.venue)}`,
    `Your role: ${role}`,
    i.positionAtEvent && `Listed as: ${line(i.positionAtEvent)}`,
  ]);
  const expiry = `This sign-in link works once within ${i.linkMinutes} minutes; after that, sign in at ${i.loginUrl} with this address (${i.to}) to answer.`;
  return {
    to: i.to,
    kind: "sign_in_link",
    subject: headerSafe(`Invitation: ${i.eventTitle}`),
    text: [
      `Dear ${line(i.personName)},`,
      "",
      `${line(i.organization)} invites you to take part in “${title}” as ${role}.`,
      "",
      ...details,
      "",
      "To accept or decline (you may add a message for the organizers), open this link:",
      "",
      i.signInUrl,
      "",
      expiry,
      "",
      "No password is needed. If you did not expect this email, you can ignore it.",
    ].join("\n"),
    html: html([
      `Dear ${escapeHtml(line(i.personName))},`,
      `${escapeHtml(line(i.organization))} invites you to take part in “${escapeHtml(title)}” as ${role}.`,
      details.map(escapeHtml).join("<br>\n"),
      `<a href="${escapeHtml(i.signInUrl)}">Answer the invitation</a>`,
      escapeHtml(expiry),
      "No password is needed. If you did not expect this email, you can ignore it.",
    ]),
  };
}

export type InvitationAnswerInput = {
  to: string;
  personName: string;
  eventTitle: string;
  answer: "confirmed" | "declined";
  message: string | null;
  participantsUrl: string;
};

/** The notice staff get when an invitee answers. */
export function invitationAnswerEmail(i: InvitationAnswerInput): EmailMessage {
  const name = line(i.personName);
  const title = line(i.eventTitle);
  const verb = i.answer === "confirmed" ? "accepted" : "declined";
  const said = i.message?.trim() ? ["Their message:", "", i.message.trim(), ""] : ["They left no message.", ""];
  return {
    to: i.to,
    kind: "invitation_answer",
    subject: headerSafe(`${name} ${verb}: ${i.eventTitle}`),
    text: [`${name} ${verb} the invitation to “${title}”.`, "", ...said, `Participants: ${i.participantsUrl}`].join("\n"),
    html: html([
      `${escapeHtml(name)} ${verb} the invitation to “${escapeHtml(title)}”.`,
      i.message?.trim()
        ? `Their message:<br>\n${escapeHtml(i.message.trim()).replace(/\r?\n/g, "<br>\n")}`
        : "They left no message.",
      `<a href="${escapeHtml(i.participantsUrl)}">See the participants</a>`,
    ]),
  };
}

export type RevisionDecisionInput = {
  to: string;
  organization: string;
  personName: string;
  decision: "approved" | "rejected";
  note: string | null;
  profileUrl: string | null;
  meUrl: string;
};

/** Tells a panelist what became of the changes they proposed. */
export function revisionDecisionEmail(i: RevisionDecisionInput): EmailMessage {
  const approved = i.decision === "approved";
  const note = i.note?.trim();
  const body = [
    `Dear ${line(i.personName)},`,
    "",
    approved
      ? `${line(i.organization)} approved the changes you proposed to your profile. They are public now.`
      : `${line(i.organization)} did not approve the changes you proposed to your profile. Your public profile stays as it was.`,
    "",
    ...(note ? ["Note from the reviewer:", "", note, ""] : []),
    approved && i.profileUrl ? `Your public profile: ${i.profileUrl}` : `You can propose changes again at ${i.meUrl}`,
  ];
  return {
    to: i.to,
    kind: approved ? "profile_approved" : "profile_rejected",
    subject: approved ? "Your profile changes are approved" : "Your profile changes were not approved",
    text: body.join("\n"),
    html: html([
      `Dear ${escapeHtml(line(i.personName))},`,
      escapeHtml(body[2]!),
      ...(note ? [`Note from the reviewer:<br>\n${escapeHtml(note).replace(/\r?\n/g, "<br>\n")}`] : []),
      approved && i.profileUrl
        ? `<a href="${escapeHtml(i.profileUrl)}">Your public profile</a>`
        : `<a href="${escapeHtml(i.meUrl)}">Propose changes again</a>`,
    ]),
  };
}
