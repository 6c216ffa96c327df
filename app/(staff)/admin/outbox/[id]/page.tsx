import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RetryMessageButton } from "@/components/retry-message-button";
import { Alert } from "@/components/ui/alert";
import { StaffTime } from "@/components/ui/staff-time";
import { getOutboxMessage } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { smtpConfigured } from "@/lib/email/sender";
import { canReadBody, linksIn } from "@/lib/email/visibility";
import { homeClock } from "@/lib/time";

export const metadata: Metadata = { title: "Message" };

type Props = { params: Promise<{ id: string }> };

export default async function OutboxMessagePage({ params }: Props) {
  const { id } = await params;
  const me = await requireRole("staff", `/admin/outbox/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const message = await getOutboxMessage(id);
  if (!message) notFound();
  const readable = canReadBody(message.kind, me.role, smtpConfigured());
  const links = readable ? linksIn(message.text) : [];
  const home = homeClock(await getSettings());

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/outbox">← Outbox</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">{message.subject}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">To</dt>
        <dd>{message.to}</dd>
        <dt className="font-medium">Status</dt>
        <dd>
          {message.status}
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
      {message.status === "failed" && <RetryMessageButton id={message.id} />}
      {readable ? (
        <>
          {links.length > 0 && (
            <section aria-labelledby="links-heading">
              <h2 id="links-heading" className="text-lg font-semibold">
                Links in this message
              </h2>
              <ul className="mt-2 list-disc pl-5 text-sm">
                {links.map((href) => (
                  <li key={href} className="break-all">
                    <a href={href}>{href}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="body-heading">
            <h2 id="body-heading" className="text-lg font-semibold">
              Message
            </h2>
            <pre className="mt-2 whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-4 font-sans text-sm">{message.text}</pre>
          </section>
        </>
      ) : (
        <Alert tone="info">This is a sign-in link. Only admins can read it here, and only while email is not delivered by a mail server.</Alert>
      )}
    </div>
  );
}
