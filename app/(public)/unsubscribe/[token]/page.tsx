import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { confirmUnsubscribe } from "@/app/(public)/unsubscribe/[token]/actions";
import { UnsubscribeButton } from "@/components/unsubscribe-button";
import { Alert } from "@/components/ui/alert";
import { getSettings } from "@/db/queries/settings";
import { isUnsubscribed } from "@/db/queries/unsubscribes";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";

// The address is personal: search engines must not keep it, whoever shares it by mistake.
export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/**
 * Where the unsubscribe link of an email sent after an event leads: a button that confirms, so that
 * a mail scanner opening the link unsubscribes nobody; then the plain result.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, { done }, { organizationName }] = await Promise.all([params, searchParams, getSettings()]);
  const address = verifyUnsubscribeToken(token);
  if (!address) notFound();
  const unsubscribed = await isUnsubscribed(address);

  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold text-brand-900">{unsubscribed ? "You are unsubscribed" : "Unsubscribe"}</h1>
      {unsubscribed ? (
        <>
          {done === "1" && <Alert tone="success">Done: you are unsubscribed.</Alert>}
          <p>
            <strong className="break-all">{address}</strong> will receive no more emails from {organizationName} after its events, such as
            thank-you messages with a meeting&apos;s summary.
          </p>
          <p className="text-slate-700">
            Emails about a registration of your own (its confirmation, a change of time or place, a cancellation) still come, as long as the
            registration stands.
          </p>
        </>
      ) : (
        <>
          <p>
            Stop emails from {organizationName} after its events, such as thank-you messages with a meeting&apos;s summary, to{" "}
            <strong className="break-all">{address}</strong>?
          </p>
          <p className="text-slate-700">Emails about a registration of your own (its confirmation, a change, a cancellation) still come.</p>
          <form action={confirmUnsubscribe}>
            <input type="hidden" name="token" value={token} />
            <UnsubscribeButton />
          </form>
        </>
      )}
    </article>
  );
}
