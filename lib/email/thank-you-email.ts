/**
 * The "thank you, here is the summary" message staff send once after an event: the summary's link, the
 * feedback form (on the person's manage page) and a link to stop these emails.
 */
import type { ThankYouAudience } from "@/db/schema";
import type { Translations } from "@/lib/i18n/languages";
import { localized } from "@/lib/i18n/localize";
import { formatLocalDate } from "@/lib/time";
import { formatLocalDate as formatLocalDateJa } from "@/lib/time-ja";
import type { EmailMessage } from "./message";
import { type EmailContext, greeting, languageOf, message, oneLine, quoted, type Recipient, signature } from "./registration-emails";

export const THANK_YOU_EMAIL_KIND = "thank_you";

export type ThankYouMessage = {
  to: Recipient;
  event: { title: string; startsAt: Date; timeZone: string; translations?: Translations<"title" | "description"> };
  summary: { title: string; url: string };
  audience: ThankYouAudience;
  ctx: EmailContext;
  /** The person's manage page, where the feedback form is. */
  manageUrl: string;
  unsubscribeUrl: string;
};

export function thankYouEmail({ to, event, summary, audience, ctx, manageUrl, unsubscribeUrl }: ThankYouMessage): EmailMessage {
  const language = languageOf(to);
  const localTitle = localized({ ...event, translations: event.translations ?? {} }, "title", language, ctx.defaultLanguage)?.text ?? event.title;
  const title = quoted(localTitle, language);
  if (language === "ja") {
    const on = formatLocalDateJa(event.startsAt, event.timeZone);
    return message(THANK_YOU_EMAIL_KIND, to, `御礼と会合の概要のご案内：${localTitle}`, [
      greeting(to),
      {
        text:
          audience === "checked_in"
            ? `${on}に開催いたしました${title}にご参加いただき、誠にありがとうございました。`
            : `${on}に開催いたしました${title}にご登録いただき、誠にありがとうございました。`,
      },
      { link: summary.url, label: `会合の概要${quoted(summary.title, language)}を公開いたしました：` },
      { link: `${manageUrl}#feedback`, label: "ご感想をお聞かせください。個人用ページから、イベントの評価と任意のコメントをお寄せいただけます（1分ほどで終わります）：" },
      { text: "このリンクは他の方と共有しないでください。ご登録の内容も表示されます。" },
      signature(ctx, language),
      { link: unsubscribeUrl, label: `このメールは、${title}にご登録いただいた方にお送りしています。今後、${oneLine(ctx.organization)}からイベント後のメールの受信を希望されない場合は、こちらから配信を停止できます：` },
    ]);
  }
  const on = formatLocalDate(event.startsAt, event.timeZone);
  return message(THANK_YOU_EMAIL_KIND, to, `Thank you, and the summary: ${localTitle}`, [
    greeting(to),
    {
      text:
        audience === "checked_in"
          ? `Thank you for coming to ${title} on ${on}.`
          : `Thank you for registering for ${title}, held on ${on}.`,
    },
    { link: summary.url, label: `The summary of the meeting is published: “${oneLine(summary.title)}”` },
    { link: `${manageUrl}#feedback`, label: "How was it? Rate the event, and leave a comment if you like, on your personal page (it takes a minute):" },
    { text: "Keep this link to yourself: it also shows your registration." },
    signature(ctx),
    { link: unsubscribeUrl, label: `You receive this email because you registered for ${title}. To receive no more emails from ${oneLine(ctx.organization)} after its events, unsubscribe here:` },
  ]);
}
