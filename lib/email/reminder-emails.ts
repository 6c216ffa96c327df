/**
 * The reminder before an event, to each person holding a seat: when and where, the check-in code, the
 * event for their calendar (the attached file, or a web calendar's own link) and their manage link.
 */
import type { OutboxAttachment } from "@/db/schema";
import { calendarLinks } from "@/lib/calendar-links";
import type { EmailMessage } from "./message";
import {
  type EmailContext,
  type EmailEvent,
  eventDetails,
  eventLink,
  greeting,
  manageBlocks,
  message,
  oneLine,
  type Recipient,
  seatBlocks,
  signature,
  venueLine,
} from "./registration-emails";

export const REMINDER_EMAIL_KIND = "registration_reminder";

export type ReminderMessage = {
  to: Recipient;
  event: EmailEvent;
  ctx: EmailContext;
  manageUrl: string;
  checkInCode: string;
  /** The calendar file and the QR code (`seatAttachments`). */
  attachments: OutboxAttachment[];
};

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
