import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ProfilePreview } from "@/components/profile-preview";
import { getPublicProfile, type PublicProfile } from "@/db/queries/profiles";
import { displayName } from "@/lib/names";
import { displayName as displayNameJa } from "@/lib/names-ja";
import { mediaUrl } from "@/lib/storage";
import { formatsFor } from "@/lib/i18n/format";
import { inLanguage, langOfText } from "@/lib/i18n/localize";
import { languageAlternates } from "@/lib/i18n/metadata";
import { translator } from "@/lib/i18n/messages";
import { type PageLanguage, pageLanguage } from "@/lib/i18n/page";
import { PERSON_TRANSLATED_FIELDS } from "@/db/schema";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ slug: string; lang?: string }> };

/** The profile's texts in the page's language, each falling back on its own to the default language's. */
function profileIn(profile: PublicProfile, page: PageLanguage) {
  const texts = inLanguage(profile, PERSON_TRANSLATED_FIELDS, page.language, page.defaultLanguage);
  return { ...texts, givenName: texts.givenName ?? profile.givenName, familyName: texts.familyName ?? profile.familyName };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const [page, profile] = await Promise.all([pageLanguage(params), getPublicProfile((await params).slug)]);
  if (!profile) notFound();
  const texts = profileIn(profile, page);
  const about = [texts.position, texts.organization].filter(Boolean).join(page.language === "ja" ? "、" : ", ");
  const name = page.language === "ja" ? displayNameJa({ ...profile, ...texts }) : displayName({ ...profile, ...texts });
  return { title: name, description: about || undefined, alternates: languageAlternates(page, `/people/${profile.slug}`) };
}

function EventLinks({ items, page }: { items: PublicProfile["appearances"]; page: PageLanguage }) {
  const t = translator(page.language, "pages");
  const formats = formatsFor(page.language);
  return (
    <ul className="space-y-2">
      {items.map((a) => {
        const event = inLanguage(a.event, ["title"], page.language, page.defaultLanguage);
        const city = a.event.venueCity && inLanguage({ city: a.event.venueCity, translations: a.event.venueTranslations ?? {} }, ["city"], page.language, page.defaultLanguage);
        return (
          <li key={a.id}>
            <Link href={page.href(`/events/${a.event.slug}`)} className="font-medium" lang={langOfText(event.langOf.title, page.language)}>
              {event.title}
            </Link>
            {a.event.status === "cancelled" && <span className="text-slate-600">{t("person.cancelled")}</span>}
            <span className="block text-sm text-slate-700">
              {formats.localDate(a.event.startsAt, a.event.timeZone)}
              {city && city.city && (
                <>
                  {page.language === "ja" ? "、" : ", "}
                  <span lang={langOfText(city.langOf.city, page.language)}>{city.city}</span>
                </>
              )}{" "}
              · {t(`person.roles.${a.role}`)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A speaker's approved profile; someone in no public event has no public page. */
export default async function PersonPage({ params }: Props) {
  await connection();
  const [page, profile] = await Promise.all([pageLanguage(params), getPublicProfile((await params).slug)]);
  if (!profile) notFound();
  const t = translator(page.language, "pages");
  const texts = profileIn(profile, page);
  const now = new Date();
  const upcoming = profile.appearances.filter((a) => a.event.endsAt > now).reverse();
  const past = profile.appearances.filter((a) => a.event.endsAt <= now);
  const portrait = profile.portrait?.key
    ? { url: mediaUrl(profile.portrait.key), alt: profile.portrait.alt, width: profile.portrait.width, height: profile.portrait.height }
    : null;

  return (
    <article className="mx-auto max-w-3xl space-y-10">
      <ProfilePreview profile={{ ...profile, ...texts, portrait }} language={page.language} langOf={texts.langOf} />
      {upcoming.length > 0 && (
        <Section id="upcoming-heading" title={t("person.upcoming")}>
          <EventLinks items={upcoming} page={page} />
        </Section>
      )}
      {past.length > 0 && (
        <Section id="past-heading" title={t("person.past")}>
          <EventLinks items={past} page={page} />
        </Section>
      )}
    </article>
  );
}
