import type { ReactNode } from "react";
import type { PersonTranslatedField } from "@/db/schema";
import type { Language } from "@/lib/i18n/languages";
import { langOfText } from "@/lib/i18n/localize";
import { type PersonName, displayName } from "@/lib/names";
import { displayName as displayNameJa } from "@/lib/names-ja";
import { ProfilePortrait } from "./profile-portrait";
import { PlainText } from "./plain-text";

export type ProfileView = PersonName & {
  position: string | null;
  organization: string | null;
  bio: string | null;
  portrait: { url: string; alt: string | null; width?: number | null; height?: number | null } | null;
};

/**
 * A profile as the public page lays it out. The panelist's live preview uses the same component, so
 * what they see while typing is what the public will see once approved.
 */
export function ProfilePreview({
  profile,
  nameAs: Name = "h1",
  children,
  language = "en",
  langOf = {},
}: {
  profile: ProfileView;
  /** The language the page is in: the name's order and honorific follow it. */
  language?: Language;
  /** The language each text came out in, when it may have fallen back to another (marked with `lang`). */
  langOf?: Partial<Record<PersonTranslatedField, Language>>;
  /** The public page titles itself with the name; a preview inside another page shows it as text. */
  nameAs?: "h1" | "h2" | "p";
  children?: ReactNode;
}) {
  const name = (language === "ja" ? displayNameJa(profile) : displayName(profile)) || "Your name";
  const lang = (field: PersonTranslatedField) => langOfText(langOf[field], language);
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {profile.portrait && (
          <ProfilePortrait
            src={profile.portrait.url}
            alt={profile.portrait.alt ?? ""}
            width={profile.portrait.width}
            height={profile.portrait.height}
            className="w-40 shrink-0"
          />
        )}
        <div className="space-y-1">
          <Name className={Name === "h1" ? "text-3xl font-semibold text-brand-900" : "text-xl font-semibold text-brand-900"}>{name}</Name>
          {profile.position && (
            <p className="text-lg text-slate-800" lang={lang("position")}>
              {profile.position}
            </p>
          )}
          {profile.organization && (
            <p className="text-slate-700" lang={lang("organization")}>
              {profile.organization}
            </p>
          )}
        </div>
      </div>
      <PlainText text={profile.bio} lang={lang("bio")} />
      {children}
    </div>
  );
}
