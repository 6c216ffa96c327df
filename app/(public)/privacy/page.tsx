import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { Section } from "@/components/ui/section";
import { getSettings } from "@/db/queries/settings";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage, type LangParams } from "@/lib/i18n/page";

type Props = { params: Promise<LangParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator((await pageLanguage(params)).language, "manage")("privacy.metaTitle") };
}

const KEPT = ["identity", "answers", "status", "checkIn", "consent", "emails", "feedback", "unsubscribe"] as const;

export default async function PrivacyPage({ params }: Props) {
  await connection();
  const [page, { organizationName, registrationRetentionMonths: months }] = await Promise.all([pageLanguage(params), getSettings()]);
  const t = translator(page.language, "manage");
  const period = months % 12 === 0 ? t("privacy.period", { unit: "years", count: months / 12 }) : t("privacy.period", { unit: "months", count: months });
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-semibold text-brand-900">{t("privacy.heading")}</h1>
      <p>{t("privacy.intro", { organization: organizationName })}</p>

      <Section id="what-heading" title={t("privacy.whatHeading")} className="space-y-2">
        <ul className="list-disc space-y-1 pl-6">
          {KEPT.map((key) => (
            <li key={key}>{t(`privacy.what.${key}`)}</li>
          ))}
        </ul>
        <p>{t("privacy.link")}</p>
      </Section>

      <Section id="why-heading" title={t("privacy.whyHeading")} className="space-y-2">
        <p>{t("privacy.why")}</p>
      </Section>

      <Section id="retention-heading" title={t("privacy.retentionHeading")} className="space-y-2">
        <p>{t("privacy.retention", { period })}</p>
      </Section>

      <Section id="rights-heading" title={t("privacy.choicesHeading")} className="space-y-2">
        <p>{t("privacy.cancel")}</p>
        <p>{t.rich("privacy.erase", { strong })}</p>
        <p>{t("privacy.thankYou")}</p>
        <p>{t("privacy.correct")}</p>
      </Section>
    </article>
  );
}
