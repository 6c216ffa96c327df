import type { ParticipantRole } from "@/db/schema";
import { type EmailMessage } from "@/lib/email/message";
import { escapeHtml } from "@/lib/html";

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
};

/** The invitation: what, when, where, as what, and the one link that answers it. */
export function invitationEmail(i: InvitationEmailInput): EmailMessage {
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
