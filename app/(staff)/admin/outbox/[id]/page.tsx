import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ItemPage } from "@/components/admin/item-page";
import { RetryMessageButton } from "@/components/retry-message-button";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { StaffTime } from "@/components/ui/staff-time";
import { getOutboxMessage } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { env } from "@/lib/env";
import { smtpConfigured } from "@/lib/email/sender";
import { OUTBOX_STATUS_LABEL } from "@/lib/email/status";
import { HIDDEN_LINK_EXPLANATION, REGISTRATION_REMOVED_TEXT, visibleMessage } from "@/lib/email/visibility";
import { homeClock } from "@/lib/time";

export const metadata: Metadata = { title: "Message" };

type Props = { params: Promise<{ id: string }> };

export default async function OutboxMessagePage({ params }: Props) {
  const { id } = await params;
  const me = await requireRole("staff", `/admin/outbox/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const message = await getOutboxMessage(id);
  if (!message) notFound();
  const smtp = smtpConfigured();
  const { text, links, hidden } = visibleMessage(message, me.role, smtp);
  const home = homeClock(await getSettings());

  return (
    <ItemPage back={{ href: "/admin/outbox", label: "Outbox" }} title={message.subject}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">To</dt>
        <dd>{message.to}</dd>
        <dt className="font-medium">Status</dt>
        <dd>
          {OUTBOX_STATUS_LABEL[message.status]}
          {message.sentAt && <> at <StaffTime at={message.sentAt} clock={home} /></>}
          {message.attempts > 0 && ` after ${message.attempts} attempt(s)`}
        </dd>
        {message.lastError && (
          <>
            <dt className="font-medium">Last error</dt>
            <dd className="text-red-800">{message.lastError}</dd>
          </>
        )}
        {message.attachments.length > 0 && (
          <>
            <dt className="font-medium">Attachments</dt>
            <dd>{message.attachments.map((a) => a.filename).join(", ")}</dd>
          </>
        )}
      </dl>
      {message.status === "failed" && !message.redactedAt && <RetryMessageButton id={message.id} />}
      {text === null ? (
        <Alert tone="info">
          {message.text === REGISTRATION_REMOVED_TEXT ? (
            <>
              The text of this message, with its links and attachments, and its recipient&apos;s address were removed with the personal data
              of its registration (after the registration retention period in Settings, or at the person&apos;s request). The subject and
              times stay for the record.
            </>
          ) : (
            <>
              The text of this message, with its links and attachments, was removed after the retention period for delivered messages
              (OUTBOX_RETENTION_DAYS, now {env().OUTBOX_RETENTION_DAYS} days). The recipient, subject and times stay for the record.
            </>
          )}
        </Alert>
      ) : (
        <>
          {hidden.length > 0 && (
            <Alert tone="info">
              {hidden.map((kind) => HIDDEN_LINK_EXPLANATION[kind]).join(" ")} So {hidden.length > 1 ? "they are" : "it is"} hidden here:{" "}
              {smtp
                ? "the recipient has it in their inbox."
                : "only admins can read it, and only while no mail server is configured (SMTP_URL)."}
            </Alert>
          )}
          {links.length > 0 && (
            <Section id="links-heading" title="Links in this message" className={null} headingClassName="text-lg font-semibold">
              <ul className="mt-2 list-disc pl-5 text-sm">
                {links.map((href) => (
                  <li key={href} className="break-all">
                    <a href={href}>{href}</a>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <Section id="body-heading" title="Message" className={null} headingClassName="text-lg font-semibold">
            <pre className="mt-2 whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-4 font-sans text-sm">{text}</pre>
          </Section>
        </>
      )}
    </ItemPage>
  );
}
