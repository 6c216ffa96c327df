import type { Metadata } from "next";
import Link from "next/link";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage, type LangParams } from "@/lib/i18n/page";

type Props = { params: Promise<LangParams>; searchParams: Promise<{ cancelled?: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const page = await pageLanguage(params);
  return { title: translator(page.language, "manage")("deleted.metaTitle"), robots: { index: false, follow: false } };
}

/** Where "Delete my registration data" lands: the manage page it came from no longer exists. */
export default async function RegistrationDeletedPage({ params, searchParams }: Props) {
  const [page, { cancelled }] = await Promise.all([pageLanguage(params), searchParams]);
  const t = translator(page.language, "manage");
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-semibold text-brand-900">{t("deleted.heading")}</h1>
      {cancelled === "1" && <p className="text-lg">{t("deleted.cancelled")}</p>}
      <p>{t("deleted.removed")}</p>
      <p>{t("deleted.linkGone")}</p>
      {cancelled === "1" && <p>{t("deleted.registerAgain")}</p>}
      <p>
        <Link href={page.href("/")}>{t("deleted.upcoming")}</Link> · <Link href={page.href("/privacy")}>{t("deleted.privacy")}</Link>
      </p>
    </article>
  );
}
