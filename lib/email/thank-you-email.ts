/**
 * The "thank you, here is the summary" message staff send once after an event: the summary's link, the
 * feedback form (on the person's manage page) and a link to stop these emails.
 */
import type { ThankYouAudience } from "@/db/schema";
import { formatLocalDate } from "@/lib/time";
import type { EmailMessage } from "./message";
import { type EmailContext, greeting, message, oneLine, type Recipient, signature } from "./registration-emails";

export const THANK_YOU_EMAIL_KIND = "thank_you";

export type ThankYouMessage = {
  to: Recipient;
  event: { title: string; startsAt: Date; timeZone: string };
  summary: { title: string; url: string };
  audience: ThankYouAudience;
  ctx: EmailContext;
  /** The person's manage page, where the feedback form is. */
  manageUrl: string;
  unsubscribeUrl: string;
};

export function thankYouEmail({ to, event, summary, audience, ctx, manageUrl, unsubscribeUrl }: ThankYouMessage): EmailMessage {
  const title = oneLine(event.title);
  const on = formatLocalDate(event.startsAt, event.timeZone);
  return message(THANK_YOU_EMAIL_KIND, to, `Thank you, and the summary: ${event.title}`, [
    greeting(to),
    {
      text:
        audience === "checked_in"
          ? `Thank you for coming to “${title}” on ${on}.`
          : `Thank you for registering for “${title}”, held on ${on}.`,
    },
    { link: summary.url, label: `The summary of the meeting is published: “${oneLine(summary.title)}”` },
    { link: `${manageUrl}#feedback`, label: "How was it? Rate the event, and leave a comment if you like, on your personal page (it takes a minute):" },
    { text: "Keep this link to yourself: it also shows your registration." },
    signature(ctx),
    { link: unsubscribeUrl, label: `You receive this email because you registered for “${title}”. To receive no more emails from ${oneLine(ctx.organization)} after its events, unsubscribe here:` },
  ]);
}
