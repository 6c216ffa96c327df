import Link from "next/link";
import type { ParticipantRole } from "@/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { langOfText } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import type { LangOf } from "@/lib/i18n/public-event";
import * as en from "@/lib/names";
import * as ja from "@/lib/names-ja";
import { mediaUrl } from "@/lib/validations/upload";
import { ProfilePortrait } from "./profile-portrait";

export const ROLE_LABEL: Record<ParticipantRole, string> = {
  host: "Host",
  speaker: "Speaker",
  moderator: "Moderator",
  panelist: "Panelist",
  guest: "Guest",
};

export type SpeakerView = {
  id: string;
  role: ParticipantRole;
  positionAtEvent: string | null;
  /** The language each text came out in, when written for a page in one language (lib/i18n/public-event.ts). */
  langOf?: LangOf<"positionAtEvent">;
  person: {
    slug?: string;
    honorific: string | null;
    givenName: string;
    familyName: string;
    nameOrder: "given_family" | "family_given";
    langOf?: LangOf<"honorific" | "givenName" | "familyName">;
  };
  /** The approved portrait, when the person has one. */
  portrait?: { key: string | null; alt: string | null; width: number | null; height: number | null } | null;
};

/** "Ms. Sima Bahous, Executive Director of UN Women": the title the person held at this event. */
export function speakerLine(s: SpeakerView): string {
  return en.withPosition(s.person, s.positionAtEvent);
}

const NAMES = { en, ja } as const;

/** The language of a person's name as shown: its family name's, else its given name's. */
const nameLang = (person: SpeakerView["person"], language: Language) => langOfText(person.langOf?.familyName ?? person.langOf?.givenName, language);

/** Text in `lang` when that differs from the page's language, else plain text. */
function Text({ lang, children }: { lang: Language | undefined; children: string }) {
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

/**
 * The name as `language` writes it: "Ms. Sima Bahous", "志野光子大使", "Sima Bahous氏". A name that fell
 * back to another language is marked with it, so that screen readers pronounce it as written.
 */
export function SpeakerName({ person, language }: { person: SpeakerView["person"]; language: Language }) {
  const lang = nameLang(person, language);
  if (language === "ja") {
    return (
      <>
        <Text lang={lang}>{ja.plainName(person)}</Text>
        {ja.honorificSuffix(person.honorific)}
      </>
    );
  }
  return <Text lang={lang}>{NAMES[language].displayName(person)}</Text>;
}

/**
 * "Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan", "上川陽子外務大臣": the name with the
 * position held at the event, as `language` joins them.
 */
export function SpeakerLine({ speaker, language }: { speaker: SpeakerView; language: Language }) {
  const position = speaker.positionAtEvent?.trim();
  if (!position) return <SpeakerName person={speaker.person} language={language} />;
  const positionLang = langOfText(speaker.langOf?.positionAtEvent, language);
  if (language === "ja") {
    // A Japanese text puts the position after the name in place of the honorific.
    return (
      <>
        <Text lang={nameLang(speaker.person, language)}>{ja.plainName(speaker.person)}</Text>
        <Text lang={positionLang}>{position}</Text>
      </>
    );
  }
  return (
    <>
      <SpeakerName person={speaker.person} language={language} />, <Text lang={positionLang}>{position}</Text>
    </>
  );
}

/** Everyone on the programme, each with their part in it, a portrait and a link to their page. */
export function SpeakerList({ speakers, language = "en", href = (path) => path }: { speakers: SpeakerView[]; language?: Language; href?: (path: string) => string }) {
  const t = translator(language, "event");
  return (
    <ul className="space-y-4">
      {speakers.map((s) => {
        const name = <SpeakerName person={s.person} language={language} />;
        const position = s.positionAtEvent?.trim();
        return (
          <li key={s.id} className="flex items-start gap-4">
            {s.portrait?.key && (
              <ProfilePortrait
                src={mediaUrl(s.portrait.key)}
                alt={s.portrait.alt ?? ""}
                width={s.portrait.width}
                height={s.portrait.height}
                className="w-20 shrink-0"
              />
            )}
            <div>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`speakers.roles.${s.role}`)}</p>
              <p>
                {s.person.slug ? <Link href={href(`/people/${s.person.slug}`)}>{name}</Link> : name}
                {position && (
                  <>
                    {language === "ja" ? "、" : ", "}
                    <Text lang={langOfText(s.langOf?.positionAtEvent, language)}>{position}</Text>
                  </>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
