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
  manageBlocks,
  message,
  oneLine,
  seatBlocks,
  type SeatMessage,
  signature,
  venueLine,
} from "./registration-emails";

export const REMINDER_EMAIL_KIND = "registration_reminder";

/** As a confirmation: the attachments are the calendar file and the QR code (`seatAttachments`). */
export type ReminderMessage = SeatMessage;

export function reminderEmail({ to, event, ctx, manageUrl, checkInCode, attachments }: ReminderMessage): EmailMessage {
  const calendar = calendarLinks({ ...event, location: venueLine(event) }, ctx.baseUrl);
  return message(REMINDER_EMAIL_KIND, to, `Reminder: ${event.title}`, [
    greeting(to),
    { text: `A reminder: you have a seat at “${oneLine(event.title)}”, and we look forward to seeing you.` },
    eventDetails(event, ctx),
    ...seatBlocks(checkInCode),
    { text: "The calendar file attached adds the event to your calendar. Or add it to a web calendar:" },
    { link: calendar.google, label: "Add to Google Calendar" },
    { link: calendar.outlook, label: "Add to Outlook (Microsoft 365)" },
    { link: calendar.outlookCom, label: "Add to Outlook.com" },
    ...manageBlocks(manageUrl),
    { text: "If you can no longer come, please cancel with your personal link, so that your seat can go to someone else." },
    eventLink(event, ctx),
    signature(ctx),
  ], attachments);
}
