/**
 * The messages registration sends: plain text for every reader, and the same words as simple HTML.
 * Each is built from blocks so that the two versions cannot drift apart.
 */
import type { OutboxAttachment } from "@/db/schema";
import type { CalendarSource } from "@/lib/ics";
import { durationMinutes, formatDualTime, formatDuration, formatTimeRange } from "@/lib/time";
import { escapeHtml } from "@/lib/html";
import type { Language, Translations } from "@/lib/i18n/languages";
import { localized } from "@/lib/i18n/localize";
import * as timeJa from "@/lib/time-ja";
import { type EmailMessage } from "./message";

export type EmailEvent = CalendarSource & {
  timeZone: string;
  /** The title in other languages (events.translations); the emails of a person in one of them use it. */
  translations?: Translations<"title" | "description">;
  venue: (NonNullable<CalendarSource["venue"]> & { translations?: Translations<VenueField> }) | null;
};

type VenueField = "name" | "address" | "city" | "country";

export type EmailContext = {
  home: { zone: string; label: string };
  /** The site's public origin, without a trailing slash. */
  baseUrl: string;
  organization: string;
  /** The organization's default language: the language of the records' own columns (titles, venues). */
  defaultLanguage: Language;
};

/** `language`: the language the person's emails are written in (a registration's, an account's); English without it. */
export type Recipient = { name: string; email: string; language?: Language };

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

/** The language `to`'s emails are written in. */
export const languageOf = (to: Recipient): Language => to.language ?? "en";

/**
 * The event as an email in `language` names it: its title and venue from their translations when they
 * have one in it, else the record's own columns (the organization's default language).
 */
export function inLanguage(event: EmailEvent, language: Language, ctx: EmailContext): EmailEvent {
  const text = <F extends string>(record: { translations?: Translations<F> } & { [K in F]: string | null }, field: F) =>
    localized({ ...record, translations: record.translations ?? {} } as { translations: Translations<F> } & { [K in F]: string | null }, field, language, ctx.defaultLanguage)?.text ?? null;
  const v = event.venue;
  return {
    ...event,
    title: text(event, "title") ?? event.title,
    venue: v && { ...v, name: text(v, "name") ?? v.name, address: text(v, "address"), city: text(v, "city") ?? v.city, country: text(v, "country") ?? v.country },
  };
}

export function venueLine(event: EmailEvent, language: Language = "en"): string | null {
  const v = event.venue;
  if (!v) return null;
  return [v.name, v.address, v.city, v.country].filter((part) => part && part.trim()).join(language === "ja" ? "、" : ", ");
}

/** A title as a sentence quotes it: “…” in English, 「…」 in Japanese. */
export const quoted = (title: string, language: Language) => (language === "ja" ? `「${oneLine(title)}」` : `“${oneLine(title)}”`);

/** The event's title, dual time, length and place. */
export function eventDetails(event: EmailEvent, ctx: EmailContext, language: Language = "en"): Block {
  const e = inLanguage(event, language, ctx);
  const rows: [string, string][] =
    language === "ja"
      ? [
          ["イベント", oneLine(e.title)],
          ["日時", timeJa.formatDualTime(e.startsAt, e.timeZone, ctx.home.zone)],
          ["時間", `${timeJa.formatTimeRange(e.startsAt, e.endsAt, e.timeZone)}（現地時間、${timeJa.formatDuration(durationMinutes(e.startsAt, e.endsAt))}）`],
        ]
      : [
          ["Event", oneLine(e.title)],
          ["When", formatDualTime(e.startsAt, e.timeZone, ctx.home.zone, ctx.home.label)],
          ["Time", `${formatTimeRange(e.startsAt, e.endsAt, e.timeZone)} local time, ${formatDuration(durationMinutes(e.startsAt, e.endsAt))}`],
        ];
  const venue = venueLine(e, language);
  if (venue) rows.push([language === "ja" ? "会場" : "Where", venue]);
  return { details: rows };
}

function renderText(blocks: Block[], language: Language): string {
  const colon = language === "ja" ? "：" : ": ";
  return blocks
    .map((b) => {
      if ("text" in b) return b.text;
      if ("link" in b) return b.label ? `${b.label}\n${b.link}` : b.link;
      if ("code" in b) return `${b.caption}${colon}${b.code}`;
      return b.details.map(([k, v]) => `${k}${colon}${v}`).join("\n");
    })
    .join("\n\n");
}

function renderHtml(blocks: Block[], language: Language): string {
  const colon = language === "ja" ? "：" : ":";
  const body = blocks
    .map((b) => {
      if ("text" in b) return `<p>${escapeHtml(b.text).replace(/\n/g, "<br>")}</p>`;
      if ("link" in b) {
        const anchor = `<a href="${escapeHtml(b.link)}">${escapeHtml(b.label ?? b.link)}</a>`;
        return `<p>${anchor}</p>`;
      }
      if ("code" in b) {
        return `<p>${escapeHtml(b.caption)}${colon}<br><strong style="font-family:monospace;font-size:1.5em;letter-spacing:0.1em">${escapeHtml(b.code)}</strong></p>`;
      }
      const rows = b.details
        .map(([k, v]) => `<tr><th align="left" style="padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(k)}</th><td style="padding:2px 0">${escapeHtml(v)}</td></tr>`)
        .join("");
      return `<table role="presentation" style="border-collapse:collapse">${rows}</table>`;
    })
    .join("\n");
  return `<!doctype html>\n<html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">\n${body}\n</body></html>`;
}

/** The message in `to`'s language: the HTML carries it as `lang` (the sender adds Content-Language from it). */
export function message(kind: string, to: Recipient, subject: string, blocks: Block[], attachments: OutboxAttachment[] = []): EmailMessage {
  const language = languageOf(to);
  return { to: to.email, subject: oneLine(subject).slice(0, 300), text: renderText(blocks, language), html: renderHtml(blocks, language), kind, attachments };
}

export const greeting = (to: Recipient): Block => ({ text: languageOf(to) === "ja" ? `${oneLine(to.name)} 様` : `Dear ${oneLine(to.name)},` });
export const signature = (ctx: EmailContext, language: Language = "en"): Block => ({
  text: language === "ja" ? `今後ともどうぞよろしくお願い申し上げます。\n${ctx.organization}` : `With best regards,\n${ctx.organization}`,
});
export const eventLink = (event: EmailEvent, ctx: EmailContext, language: Language = "en"): Block => ({
  link: `${ctx.baseUrl}/events/${encodeURIComponent(event.slug)}`,
  label: language === "ja" ? "イベントのページ：" : "The event's page:",
});

export function manageBlocks(manageUrl: string, language: Language = "en"): Block[] {
  return language === "ja"
    ? [
        { link: manageUrl, label: "ご登録内容の確認、カレンダーへの追加、キャンセルは、以下の個人用リンクから行えます：" },
        { text: "このリンクは他の方と共有しないでください。リンクをお持ちの方はどなたでもご登録をキャンセルできます。" },
      ]
    : [
        { link: manageUrl, label: "To see your registration, add the event to your calendar or cancel, open your personal link:" },
        { text: "Keep this link to yourself: anyone who has it can cancel your registration." },
      ];
}

export function seatBlocks(checkInCode: string, language: Language = "en"): Block[] {
  return language === "ja"
    ? [
        { code: formatCheckInCode(checkInCode), caption: "受付コード" },
        { text: "当日は受付でこのコードを、印刷またはスマートフォンの画面でご提示ください。添付のQRコードにも同じコードが含まれています。" },
      ]
    : [
        { code: formatCheckInCode(checkInCode), caption: "Your check-in code" },
        { text: "Show this code at the door, on paper or on your phone; the QR code attached to this message holds the same code." },
      ];
}

/** What every email giving a seat says after its opening: when and where, the check-in code, the calendar file, the manage link. */
function seatDetails(event: EmailEvent, ctx: EmailContext, checkInCode: string, manageUrl: string, language: Language): Block[] {
  return [
    eventDetails(event, ctx, language),
    ...seatBlocks(checkInCode, language),
    { text: language === "ja" ? "添付のカレンダーファイルから、イベントをカレンダーに追加できます。" : "The calendar file attached adds the event to your calendar." },
    ...manageBlocks(manageUrl, language),
  ];
}

/** The title in the recipient's language, for the subject and the opening sentence. */
const titleFor = (event: EmailEvent, ctx: EmailContext, language: Language) => inLanguage(event, language, ctx).title;

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
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.confirmed, to, ja ? `参加登録完了のお知らせ：${title}` : `Registration confirmed: ${title}`, [
    greeting(to),
    { text: ja ? `${quoted(title, language)}にご登録いただき、ありがとうございます。参加登録が完了し、お席をご用意いたしました。` : `Your registration is confirmed: you have a seat at ${quoted(title, language)}.` },
    ...seatDetails(event, ctx, checkInCode, manageUrl, language),
    signature(ctx, language),
  ], attachments);
}

export function promotedEmail({ to, event, ctx, manageUrl, checkInCode, attachments }: SeatMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.promoted, to, ja ? `お席をご用意しました：${title}` : `A seat is yours: ${title}`, [
    greeting(to),
    {
      text: ja
        ? `${quoted(title, language)}にお席の空きが出ましたので、お客様のお席としてご用意いたしました。ご登録は確定しており、お手続きは不要です。`
        : `Good news: a seat has become free at ${quoted(title, language)}, and it is yours. Your registration is now confirmed; there is nothing more to do.`,
    },
    ...seatDetails(event, ctx, checkInCode, manageUrl, language),
    { text: ja ? "先にお送りしたメールのリンクも、引き続きご利用いただけます。" : "The link in our earlier email keeps working too." },
    {
      text: ja
        ? "ご都合が悪くなった場合は、次にお待ちの方にお席をお譲りできるよう、上記のリンクからキャンセルをお願いいたします。"
        : "If you can no longer come, please cancel with the link above, so that the seat goes to the next person waiting.",
    },
    signature(ctx, language),
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

const waitlistRule = (language: Language): Block => ({
  text:
    language === "ja"
      ? "空席が出た場合は、キャンセル待ちの順にお席をご案内します。お席をご用意できた時点でご登録が確定し、受付コードをメールでお知らせします。"
      : "Seats that become free go to the waitlist in order. If one comes to you, it is yours at once, and we will email you your check-in code.",
});

export function waitlistedEmail({ to, event, ctx, manageUrl, position, attachments }: WaitlistMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.waitlisted, to, ja ? `キャンセル待ちのご案内：${title}` : `You are on the waitlist: ${title}`, [
    greeting(to),
    {
      text: ja
        ? `${quoted(title, language)}にご登録いただき、ありがとうございます。あいにく満席のため、キャンセル待ち${position}番目として承りました。`
        : `Thank you for registering for ${quoted(title, language)}. Every seat is taken, so you are on the waitlist, number ${position}.`,
    },
    waitlistRule(language),
    eventDetails(event, ctx, language),
    ...manageBlocks(manageUrl, language),
    signature(ctx, language),
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

type Status = AlreadyRegisteredMessage["status"];

const ALREADY: Record<Language, Record<Status, (position: number | null) => string>> = {
  en: {
    confirmed: () => "You are already registered, with a seat; nothing has changed.",
    waitlisted: (position) => `You are already on the waitlist${position ? `, number ${position}` : ""}; nothing has changed.`,
    pending: () => "Your earlier request is still under review; nothing has changed, and we will email you once the organizers have decided.",
    declined: () => "The organizers declined the earlier registration with this address, so it cannot register again. If you think this is a mistake, please get in touch with the organizers.",
  },
  ja: {
    confirmed: () => "すでにお席をご用意したご登録があり、内容に変更はありません。",
    waitlisted: (position) => `すでにキャンセル待ち${position ? `${position}番目` : ""}としてご登録済みで、内容に変更はありません。`,
    pending: () => "先のお申し込みは引き続き審査中で、内容に変更はありません。主催者の判断が決まり次第、メールでお知らせします。",
    declined: () => "このメールアドレスでの先のご登録は主催者の判断によりお受けできなかったため、再度ご登録いただくことはできません。お心当たりのない場合は、主催者までお問い合わせください。",
  },
};

/** To an address registered already: says so, with a fresh link, since the earlier one cannot be sent again. */
export function alreadyRegisteredEmail({ to, event, ctx, manageUrl, status, checkInCode, position, attachments }: AlreadyRegisteredMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.already, to, ja ? `ご登録済みのお知らせ：${title}` : `You are already registered: ${title}`, [
    greeting(to),
    {
      text: ja
        ? `このメールアドレスで、${quoted(title, language)}への登録のお申し込みを再度受け付けました。${ALREADY.ja[status](position)}`
        : `We received another registration for ${quoted(title, language)} with this email address. ${ALREADY.en[status](position)}`,
    },
    eventDetails(event, ctx, language),
    ...(status === "confirmed" ? seatBlocks(checkInCode, language) : []),
    ...(manageUrl
      ? [
          ...manageBlocks(manageUrl, language),
          {
            text: ja
              ? "先のメールのリンクも引き続きご利用いただけます。ご自身で再度お申し込みされていない場合は、何もしていただく必要はありません。ご登録はそのまま有効です。"
              : "The link in our earlier email keeps working too. If you did not register again yourself, you need do nothing: your registration stands.",
          },
        ]
      : []),
    signature(ctx, language),
  ], attachments);
}

/** `pending`: a request still under review was withdrawn; it held no place to pass on. */
export type CancelledMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; byStaff: boolean; pending?: boolean };

export function cancelledEmail({ to, event, ctx, byStaff, pending = false }: CancelledMessage): EmailMessage {
  const language = languageOf(to);
  const title = quoted(titleFor(event, ctx, language), language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.cancelled, to, ja ? `登録キャンセルのお知らせ：${titleFor(event, ctx, language)}` : `Registration cancelled: ${titleFor(event, ctx, language)}`, [
    greeting(to),
    {
      text: ja
        ? byStaff
          ? `主催者により、${title}へのご登録がキャンセルされました。お心当たりのない場合は、主催者までお問い合わせください。`
          : pending
            ? `ご依頼のとおり、${title}への参加のお申し込みを取り下げました。ご連絡いただき、ありがとうございました。`
            : `ご依頼のとおり、${title}へのご登録をキャンセルいたしました。ご連絡いただき、ありがとうございました。お席はキャンセル待ちの方にご案内いたします。`
        : byStaff
          ? `The organizers have cancelled your registration for ${title}. If you think this is a mistake, please get in touch with the organizers.`
          : pending
            ? `Your request to register for ${title} is withdrawn, as you asked. Thank you for letting us know.`
            : `Your registration for ${title} is cancelled, as you asked. Thank you for letting us know: your place goes to the next person waiting.`,
    },
    eventDetails(event, ctx, language),
    {
      text: ja
        ? "お気持ちが変わった場合は、受付期間中であれば、イベントのページから再度ご登録いただけます。"
        : "If you change your mind, you can register again on the event's page while registration is open.",
    },
    eventLink(event, ctx, language),
    signature(ctx, language),
  ]);
}

export type EventNoticeMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; status: "confirmed" | "waitlisted" | "pending"; calendar: OutboxAttachment };

const KEPT: Record<Language, Record<EventNoticeMessage["status"], string>> = {
  en: {
    confirmed: "Your seat is kept. The calendar file attached updates the entry in your calendar.",
    waitlisted: "You are still on the waitlist. The calendar file attached has the new time and place.",
    pending: "Your request is still under review. The calendar file attached has the new time and place.",
  },
  ja: {
    confirmed: "お席は引き続き確保しております。添付のカレンダーファイルで、カレンダーの予定を更新できます。",
    waitlisted: "引き続きキャンセル待ちとして承っております。添付のカレンダーファイルに、変更後の日時と会場を記載しています。",
    pending: "お申し込みは引き続き審査中です。添付のカレンダーファイルに、変更後の日時と会場を記載しています。",
  },
};

export function detailsChangedEmail({ to, event, ctx, status, calendar }: EventNoticeMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.detailsChanged, to, ja ? `日時・会場変更のお知らせ：${title}` : `New time or place: ${title}`, [
    greeting(to),
    { text: ja ? `${quoted(title, language)}の日時または会場が変更になりました。変更後の内容は以下のとおりです。` : `The time or place of ${quoted(title, language)} has changed. These are the details now:` },
    eventDetails(event, ctx, language),
    { text: KEPT[language][status] },
    { text: ja ? "ご登録の確認やキャンセルは、先のメールに記載した個人用リンクから行えます。" : "To see or cancel your registration, use the personal link in our earlier email." },
    eventLink(event, ctx, language),
    signature(ctx, language),
  ], [calendar]);
}

export function eventCancelledEmail({ to, event, ctx, calendar }: EventNoticeMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.eventCancelled, to, ja ? `開催中止のお知らせ：${title}` : `Cancelled: ${title}`, [
    greeting(to),
    {
      text: ja
        ? `誠に申し訳ございませんが、${quoted(title, language)}は開催を中止することとなりました。これに伴い、ご登録も終了となります。お手続きは不要です。`
        : `We are sorry to tell you that ${quoted(title, language)} has been cancelled. Your registration ends with it; there is nothing you need to do.`,
    },
    eventDetails(event, ctx, language),
    { text: ja ? "添付のカレンダーファイルで、カレンダーの予定を中止として更新できます。" : "The calendar file attached marks the entry in your calendar as cancelled." },
    signature(ctx, language),
  ], [calendar]);
}

// ---------------------------------------------------------------------------
// Events that require approval

/** The staff's own words to the person, when they wrote any: quoted as typed, line breaks kept. */
function staffNote(note: string | null | undefined, language: Language): Block[] {
  const text = note?.trim();
  return text ? [{ text: language === "ja" ? "主催者からのメッセージ：" : "A message from the organizers:" }, { text }] : [];
}

export type PendingMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; manageUrl: string };

/** A registration for an event that requires approval: received, under review, no seat held yet. */
export function pendingEmail({ to, event, ctx, manageUrl }: PendingMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  if (language === "ja") {
    return message(REGISTRATION_EMAIL_KINDS.pending, to, `お申し込み受付（審査中）のお知らせ：${title}`, [
      greeting(to),
      { text: `${quoted(title, language)}にお申し込みいただき、ありがとうございます。本イベントでは、すべてのご登録を主催者が審査しております。お申し込みを受け付け、現在審査中です。` },
      { text: "現時点では、お席は確保されておりません。主催者の判断が決まり次第、メールでお知らせします。承認された場合は、そのメールに受付コードを記載いたします。" },
      eventDetails(event, ctx, language),
      { link: manageUrl, label: "お申し込み内容の確認や取り下げは、以下の個人用リンクから行えます：" },
      { text: "このリンクは他の方と共有しないでください。リンクをお持ちの方はどなたでもお申し込みを取り下げることができます。" },
      signature(ctx, language),
    ]);
  }
  return message(REGISTRATION_EMAIL_KINDS.pending, to, `Request received, under review: ${title}`, [
    greeting(to),
    { text: `Thank you for registering for ${quoted(title, language)}. The organizers review every registration for this event: we have received your request, and it is under review.` },
    { text: "No seat is held for you yet. We will email you as soon as the organizers have decided; if they approve, that email has your check-in code." },
    eventDetails(event, ctx, language),
    { link: manageUrl, label: "To see your request or withdraw it, open your personal link:" },
    { text: "Keep this link to yourself: anyone who has it can withdraw your request." },
    signature(ctx, language),
  ]);
}

export type ApprovedMessage = SeatMessage & { note?: string | null };

/** Approved, with a seat: as the confirmation, with the staff's message. */
export function approvedEmail({ to, event, ctx, manageUrl, checkInCode, attachments, note }: ApprovedMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.approved, to, ja ? `参加登録承認のお知らせ：${title}` : `Registration approved: ${title}`, [
    greeting(to),
    { text: ja ? `${quoted(title, language)}へのご登録が承認されました。お席をご用意しております。` : `Your registration for ${quoted(title, language)} has been approved: you have a seat.` },
    ...staffNote(note, language),
    ...seatDetails(event, ctx, checkInCode, manageUrl, language),
    signature(ctx, language),
  ], attachments);
}

export type ApprovedWaitlistMessage = WaitlistMessage & { position: number; note?: string | null };

/** Approved when every seat is taken: on the waitlist, at `position`. */
export function approvedWaitlistedEmail({ to, event, ctx, manageUrl, position, attachments, note }: ApprovedWaitlistMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.approvedWaitlisted, to, ja ? `参加登録承認（キャンセル待ち）のお知らせ：${title}` : `Registration approved, on the waitlist: ${title}`, [
    greeting(to),
    {
      text: ja
        ? `${quoted(title, language)}へのご登録が承認されました。あいにく満席のため、キャンセル待ち${position}番目として承りました。`
        : `Your registration for ${quoted(title, language)} has been approved. Every seat is taken, so you are on the waitlist, number ${position}.`,
    },
    waitlistRule(language),
    ...staffNote(note, language),
    eventDetails(event, ctx, language),
    ...manageBlocks(manageUrl, language),
    signature(ctx, language),
  ], attachments);
}

export type DeclinedMessage = { to: Recipient; event: EmailEvent; ctx: EmailContext; note?: string | null };

/** Declined by the staff: no seat, and the address cannot register again for this event. */
export function declinedEmail({ to, event, ctx, note }: DeclinedMessage): EmailMessage {
  const language = languageOf(to);
  const title = titleFor(event, ctx, language);
  const ja = language === "ja";
  return message(REGISTRATION_EMAIL_KINDS.declined, to, ja ? `参加登録についてのお知らせ：${title}` : `Registration declined: ${title}`, [
    greeting(to),
    {
      text: ja
        ? `誠に恐縮ではございますが、${quoted(title, language)}へのご登録は、お受けすることができませんでした。`
        : `We are sorry: the organizers could not accept your registration for ${quoted(title, language)}.`,
    },
    ...staffNote(note, language),
    eventDetails(event, ctx, language),
    { text: ja ? "お心当たりのない場合は、主催者までお問い合わせください。" : "If you think this is a mistake, please get in touch with the organizers." },
    signature(ctx, language),
  ]);
}
