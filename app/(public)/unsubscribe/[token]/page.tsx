import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { confirmUnsubscribe } from "@/app/(public)/unsubscribe/[token]/actions";
import { UnsubscribeButton } from "@/components/unsubscribe-button";
import { Alert } from "@/components/ui/alert";
import { getSettings } from "@/db/queries/settings";
import { isUnsubscribed } from "@/db/queries/unsubscribes";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage, type LangParams } from "@/lib/i18n/page";

type Props = { params: Promise<{ token: string } & LangParams>; searchParams: Promise<{ done?: string }> };

// The address is personal: search engines must not keep it, whoever shares it by mistake.
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const page = await pageLanguage(params);
  return { title: translator(page.language, "manage")("unsubscribe.metaTitle"), robots: { index: false, follow: false } };
}

/**
 * Where the unsubscribe link of an email sent after an event leads: a button that confirms, so that
 * a mail scanner opening the link unsubscribes nobody; then the plain result.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, page, { done }, { organizationName }] = await Promise.all([params, pageLanguage(params), searchParams, getSettings()]);
  const address = verifyUnsubscribeToken(token);
  if (!address) notFound();
  const unsubscribed = await isUnsubscribed(address);
  const t = translator(page.language, "manage");
  const strong = (chunks: ReactNode) => <strong className="break-all">{chunks}</strong>;

  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold text-brand-900">{unsubscribed ? t("unsubscribe.headingDone") : t("unsubscribe.heading")}</h1>
      {unsubscribed ? (
        <>
          {done === "1" && <Alert tone="success">{t("unsubscribe.done")}</Alert>}
          <p>{t.rich("unsubscribe.stopped", { address, organization: organizationName, strong })}</p>
          <p className="text-slate-700">{t("unsubscribe.stillComing")}</p>
        </>
      ) : (
        <>
          <p>{t.rich("unsubscribe.question", { address, organization: organizationName, strong })}</p>
          <p className="text-slate-700">{t("unsubscribe.stillComingShort")}</p>
          <form action={confirmUnsubscribe}>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="lang" value={page.language} />
            <UnsubscribeButton label={t("unsubscribe.button")} />
          </form>
        </>
      )}
    </article>
  );
}
