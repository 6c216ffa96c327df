/**
 * The messages registration sends: plain text for every reader, and the same words as simple HTML.
 * Each is built from blocks so that the two versions cannot drift apart.
 */
import type { OutboxAttachment } from "@/db/schema";
import type { CalendarSource } from "@/lib/ics";
import { durationMinutes, formatDualTime, formatDuration, formatTimeRange } from "@/lib/time";
import { escapeHtml } from "@/lib/html";
import type { Language } from "@/lib/i18n/languages";
import { type EmailMessage } from "./message";

export type EmailEvent = CalendarSource & { timeZone: string };

export type EmailContext = {
  home: { zone: string; label: string };
  /** The site's public origin, without a trailing slash. */
  baseUrl: string;
  organization: string;
  /** The organization's default language: the language of the records' own columns (titles, venues). */
  defaultLanguage: Language;
};

export type Recipient = { name: string; email: string };

export type Block = { text: string } | { link: string; label?: string } | { code: string; caption: string } | { details: [string, string][] };

export const REGISTRATION_EMAIL_KINDS = {
  confirmed: "registration_confirmed",
  waitlisted: "registration_waitlisted",
  promoted: "registration_promoted",
  already: "registration_already_registered",
  cancelled: "registration_cancelled",
  detailsChanged: "event_details_changed",
  eventCancelled: "event_cancelled",
  pending: "registration_pending",
  approved: "registration_approved",
  approvedWaitlisted: "registration_approved_waitlisted",
  declined: "registration_declined",
} as const;

/** "K7PM-3QXD": the code read aloud or typed at the door in two halves. */
export function formatCheckInCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

export const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

export function venueLine(event: EmailEvent): string | null {
  const v = event.venue;
  if (!v) return null;
  return [v.name, v.address, v.city, v.country].filter((part) => part && part.trim()).join(", ");
}

/** The event's title, dual time, length and place. */
export function eventDetails(event: EmailEvent, ctx: EmailContext): Block {
  const rows: [string, string][] = [
    ["Event", oneLine(event.title)],
    ["When", formatDualTime(event.startsAt, event.timeZone, ctx.home.zone, ctx.home.label)],
    [
      "Time",
      `${formatTimeRange(event.startsAt, event.endsAt, event.timeZone)} local time, ${formatDuration(durationMinutes(event.startsAt, event.endsAt))}`,
    ],
  ];
  const venue = venueLine(event);
  if (venue) rows.push(["Where", venue]);
  return { details: rows };
}

function renderText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ("text" in b) return b.text;
      if ("link" in b) return b.label ? `${b.label}\n${b.link}` : b.link;
      if ("code" in b) return `${b.caption}: ${b.code}`;
      return b.details.map(([k, v]) => `${k}: ${v}`).join("\n");
    })
    .join("\n\n");
}

function renderHtml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ("text" in b) return `<p>${escapeHtml(b.text).replace(/\n/g, "<br>")}</p>`;
      if ("link" in b) {
        const anchor = `<a href="${escapeHtml(b.link)}">${escapeHtml(b.label ?? b.link)}</a>`;
        return `<p>${anchor}</p>`;
      }
      if ("code" in b) {
        return `<p>${escapeHtml(b.caption)}:<br><strong style="font-family:monospace;font-size:1.5em;letter-spacing:0.1em">${escapeHtml(b.code)}</strong></p>`;
      }
      const rows = b.details
        .map(([k, v]) => `<tr><th align="left" style="padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(k)}</th><td style="padding:2px 0">${escapeHtml(v)}</td></tr>`)
        .join("");
      return `<table role="presentation" style="border-collapse:collapse">${rows}</table>`;
    })
    .join("\n");
  return `<!doctype html>\n<html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">\n${body}\n</body></html>`;
}

export function message(kind: string, to: Recipient, subject: string, blocks: Block[], attachments: OutboxAttachment[] = []): EmailMessage {
  return { to: to.email, subject: oneLine(subject).slice(0, 300), text: renderText(blocks), html: renderHtml(blocks), kind, attachments };
}

export const greeting = (to: Recipient): Block => ({ text: `Dear ${oneLine(to.name)},` });
export const signature = (ctx: EmailContext): Block => ({ text: `With best regards,\n${ctx.organization}` });
export const eventLink = (event: EmailEvent, ctx: EmailContext): Block => ({
  link: `${ctx.baseUrl}/events/${encodeURIComponent(event.slug)}`,
  label: "The event's page:",
});

export function manageBlocks(manageUrl: string): Block[] {
  return [
    { link: manageUrl, label: "To see your registration, add the event to your calendar or cancel, open your personal link:" },
    { text: "Keep this link to yourself: anyone who has it can cancel your registration." },
  ];
}

export function seatBlocks(checkInCode: string): Block[] {
  return [
    { code: formatCheckInCode(checkInCode), caption: "Your check-in code" },
    { text: "Show this code at the door, on paper or on your phone; the QR code attached to this message holds the same code." },
  ];
}

/** What every email giving a seat says after its opening: when and where, the check-in code, the calendar file, the manage link. */
function seatDetails(event: EmailEvent, ctx: EmailContext, checkInCode: string, manageUrl: string): Block[] {
  return [
    eventDetails(event, ctx),
    ...seatBlocks(checkInCode),
    { text: "The calendar file attached adds the event to your calendar." },
    ...manageBlocks(manageUrl),
  ];
}

export type SeatMessage = {
  to: Recipient;
  event: EmailEvent;
  ctx: EmailContext;
  manageUrl: string;
  checkInCode: string;
  /** The calendar file and the QR code. */
  attachments: OutboxAttachment[];
};

export function confirmedEmail({ to, event, ctx, manageUrl, checkInCode, attachments }: SeatMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.confirmed, to, `Registration confirmed: ${event.title}`, [
    greeting(to),
    { text: `Your registration is confirmed: you have a seat at “${oneLine(event.title)}”.` },
    ...seatDetails(event, ctx, checkInCode, manageUrl),
    signature(ctx),
  ], attachments);
}

export function promotedEmail({ to, event, ctx, manageUrl, checkInCode, attachments }: SeatMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.promoted, to, `A seat is yours: ${event.title}`, [
    greeting(to),
    { text: `Good news: a seat has become free at “${oneLine(event.title)}”, and it is yours. Your registration is now confirmed; there is nothing more to do.` },
    ...seatDetails(event, ctx, checkInCode, manageUrl),
    { text: "The link in our earlier email keeps working too." },
    { text: "If you can no longer come, please cancel with the link above, so that the seat goes to the next person waiting." },
    signature(ctx),
  ], attachments);
}

export type WaitlistMessage = {
  to: Recipient;
  event: EmailEvent;
  ctx: EmailContext;
  manageUrl: string;
  /** The place in the waitlist, or a marker that the database replaces with it (lib/registration/seats.ts). */
  position: number | string;
  attachments: OutboxAttachment[];
};

export function waitlistedEmail({ to, event, ctx, manageUrl, position, attachments }: WaitlistMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.waitlisted, to, `You are on the waitlist: ${event.title}`, [
    greeting(to),
    { text: `Thank you for registering for “${oneLine(event.title)}”. Every seat is taken, so you are on the waitlist, number ${position}.` },
    { text: "Seats that become free go to the waitlist in order. If one comes to you, it is yours at once, and we will email you your check-in code." },
    eventDetails(event, ctx),
    ...manageBlocks(manageUrl),
    signature(ctx),
  ], attachments);
}

export type AlreadyRegisteredMessage = {
  to: Recipient;
  event: EmailEvent;
  ctx: EmailContext;
  /** Null for a declined registration: there is nothing for the person to manage. */
  manageUrl: string | null;
  status: "confirmed" | "waitlisted" | "pending" | "declined";
  checkInCode: string;
  position: number | null;
  attachments: OutboxAttachment[];
};

const ALREADY: Record<AlreadyRegisteredMessage["status"], (position: number | null) => string> = {
  confirmed: () => "You are already registered, with a seat; nothing has changed.",
  waitlisted: (position) => `You are already on the waitlist${position ? `, number ${position}` : ""}; nothing has changed.`,
  pending: () => "Your earlier request is still under review; nothing has changed, and we will email you once the organizers have decided.",
  declined: () => "The organizers declined the earlier registration with this address, so it cannot register again. If you think this is a mistake, please get in touch with the organizers.",
};

/** To an address registered already: says so, with a fresh link, since the earlier one cannot be sent again. */
export function alreadyRegisteredEmail({ to, event, ctx, manageUrl, status, checkInCode, position, attachments }: AlreadyRegisteredMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.already, to, `You are already registered: ${event.title}`, [
    greeting(to),
    { text: `We received another registration for “${oneLine(event.title)}” with this email address. ${ALREADY[status](position)}` },
    eventDetails(event, ctx),
    ...(status === "confirmed" ? seatBlocks(checkInCode) : []),
    ...(manageUrl
      ? [
          ...manageBlocks(manageUrl),
          { text: "This link replaces the one in our earlier email, which no longer works. If you did not register again yourself, you need do nothing: your registration stands." },
        ]
      : []),
    signature(ctx),
  ], attachments);
}

/** `pending`: a request still under review was withdrawn; it held no place to pass on. */
export type CancelledMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; byStaff: boolean; pending?: boolean };

export function cancelledEmail({ to, event, ctx, byStaff, pending = false }: CancelledMessage): EmailMessage {
  const title = oneLine(event.title);
  return message(REGISTRATION_EMAIL_KINDS.cancelled, to, `Registration cancelled: ${event.title}`, [
    greeting(to),
    {
      text: byStaff
        ? `The organizers have cancelled your registration for “${title}”. If you think this is a mistake, please get in touch with the organizers.`
        : pending
          ? `Your request to register for “${title}” is withdrawn, as you asked. Thank you for letting us know.`
          : `Your registration for “${title}” is cancelled, as you asked. Thank you for letting us know: your place goes to the next person waiting.`,
    },
    eventDetails(event, ctx),
    { text: "If you change your mind, you can register again on the event's page while registration is open." },
    eventLink(event, ctx),
    signature(ctx),
  ]);
}

export type EventNoticeMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; status: "confirmed" | "waitlisted" | "pending"; calendar: OutboxAttachment };

const KEPT: Record<EventNoticeMessage["status"], string> = {
  confirmed: "Your seat is kept. The calendar file attached updates the entry in your calendar.",
  waitlisted: "You are still on the waitlist. The calendar file attached has the new time and place.",
  pending: "Your request is still under review. The calendar file attached has the new time and place.",
};

export function detailsChangedEmail({ to, event, ctx, status, calendar }: EventNoticeMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.detailsChanged, to, `New time or place: ${event.title}`, [
    greeting(to),
    { text: `The time or place of “${oneLine(event.title)}” has changed. These are the details now:` },
    eventDetails(event, ctx),
    { text: KEPT[status] },
    { text: "To see or cancel your registration, use the personal link in our earlier email." },
    eventLink(event, ctx),
    signature(ctx),
  ], [calendar]);
}

export function eventCancelledEmail({ to, event, ctx, calendar }: EventNoticeMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.eventCancelled, to, `Cancelled: ${event.title}`, [
    greeting(to),
    { text: `We are sorry to tell you that “${oneLine(event.title)}” has been cancelled. Your registration ends with it; there is nothing you need to do.` },
    eventDetails(event, ctx),
    { text: "The calendar file attached marks the entry in your calendar as cancelled." },
    signature(ctx),
  ], [calendar]);
}

// ---------------------------------------------------------------------------
// Events that require approval

/** The staff's own words to the person, when they wrote any: quoted as typed, line breaks kept. */
function staffNote(note: string | null | undefined): Block[] {
  const text = note?.trim();
  return text ? [{ text: "A message from the organizers:" }, { text }] : [];
}

export type PendingMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; manageUrl: string };

/** A registration for an event that requires approval: received, under review, no seat held yet. */
export function pendingEmail({ to, event, ctx, manageUrl }: PendingMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.pending, to, `Request received, under review: ${event.title}`, [
    greeting(to),
    { text: `Thank you for registering for “${oneLine(event.title)}”. The organizers review every registration for this event: we have received your request, and it is under review.` },
    { text: "No seat is held for you yet. We will email you as soon as the organizers have decided; if they approve, that email has your check-in code." },
    eventDetails(event, ctx),
    { link: manageUrl, label: "To see your request or withdraw it, open your personal link:" },
    { text: "Keep this link to yourself: anyone who has it can withdraw your request." },
    signature(ctx),
  ]);
}

export type ApprovedMessage = SeatMessage & { note?: string | null };

/** Approved, with a seat: as the confirmation, with the staff's message. */
export function approvedEmail({ to, event, ctx, manageUrl, checkInCode, attachments, note }: ApprovedMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.approved, to, `Registration approved: ${event.title}`, [
    greeting(to),
    { text: `Your registration for “${oneLine(event.title)}” has been approved: you have a seat.` },
    ...staffNote(note),
    ...seatDetails(event, ctx, checkInCode, manageUrl),
    signature(ctx),
  ], attachments);
}

export type ApprovedWaitlistMessage = WaitlistMessage & { position: number; note?: string | null };

/** Approved when every seat is taken: on the waitlist, at `position`. */
export function approvedWaitlistedEmail({ to, event, ctx, manageUrl, position, attachments, note }: ApprovedWaitlistMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.approvedWaitlisted, to, `Registration approved, on the waitlist: ${event.title}`, [
    greeting(to),
    { text: `Your registration for “${oneLine(event.title)}” has been approved. Every seat is taken, so you are on the waitlist, number ${position}.` },
    { text: "Seats that become free go to the waitlist in order. If one comes to you, it is yours at once, and we will email you your check-in code." },
    ...staffNote(note),
    eventDetails(event, ctx),
    ...manageBlocks(manageUrl),
    signature(ctx),
  ], attachments);
}

export type DeclinedMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; note?: string | null };

/** Declined by the staff: no seat, and the address cannot register again for this event. */
export function declinedEmail({ to, event, ctx, note }: DeclinedMessage): EmailMessage {
  return message(REGISTRATION_EMAIL_KINDS.declined, to, `Registration declined: ${event.title}`, [
    greeting(to),
    { text: `We are sorry: the organizers could not accept your registration for “${oneLine(event.title)}”.` },
    ...staffNote(note),
    eventDetails(event, ctx),
    { text: "If you think this is a mistake, please get in touch with the organizers." },
    signature(ctx),
  ]);
}
