/**
 * The reminder before an event, to each person holding a seat: when and where, the check-in code, the
 * event for their calendar (the attached file, or a web calendar's own link) and their manage link.
 */
import { calendarLinks } from "@/lib/calendar-links";
import type { EmailMessage } from "./message";
import {
  eventDetails,
  eventLink,
  greeting,
  inLanguage,
  languageOf,
  manageBlocks,
  message,
  quoted,
  seatBlocks,
  type SeatMessage,
  signature,
  venueLine,
} from "./registration-emails";

export const REMINDER_EMAIL_KIND = "registration_reminder";

/** As a confirmation: the attachments are the calendar file and the QR code (`seatAttachments`). */
export type ReminderMessage = SeatMessage;

export function reminderEmail({ to, event, ctx, manageUrl, checkInCode, attachments }: ReminderMessage): EmailMessage {
  const language = languageOf(to);
  const ja = language === "ja";
  const e = inLanguage(event, language, ctx);
  const calendar = calendarLinks({ ...e, location: venueLine(e, language) }, ctx.baseUrl);
  return message(REMINDER_EMAIL_KIND, to, ja ? `開催のご案内：${e.title}` : `Reminder: ${e.title}`, [
    greeting(to),
    {
      text: ja
        ? `${quoted(e.title, language)}のお席をご用意しております。当日お目にかかれることを楽しみにしております。`
        : `A reminder: you have a seat at ${quoted(e.title, language)}, and we look forward to seeing you.`,
    },
    eventDetails(event, ctx, language),
    ...seatBlocks(checkInCode, language),
    {
      text: ja
        ? "添付のカレンダーファイルから、イベントをカレンダーに追加できます。ウェブカレンダーをお使いの場合は、こちらから追加できます："
        : "The calendar file attached adds the event to your calendar. Or add it to a web calendar:",
    },
    { link: calendar.google, label: ja ? "Googleカレンダーに追加" : "Add to Google Calendar" },
    { link: calendar.outlook, label: ja ? "Outlook（Microsoft 365）に追加" : "Add to Outlook (Microsoft 365)" },
    { link: calendar.outlookCom, label: ja ? "Outlook.comに追加" : "Add to Outlook.com" },
    ...manageBlocks(manageUrl, language),
    {
      text: ja
        ? "ご都合が悪くなった場合は、お席を他の方にお譲りできるよう、個人用リンクからキャンセルをお願いいたします。"
        : "If you can no longer come, please cancel with your personal link, so that your seat can go to someone else.",
    },
    eventLink(event, ctx, language),
    signature(ctx, language),
  ], attachments);
}
