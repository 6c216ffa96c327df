import type { ReactNode } from "react";
import { type PersonName, displayName } from "@/lib/names";
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
}: {
  profile: ProfileView;
  /** The public page titles itself with the name; a preview inside another page shows it as text. */
  nameAs?: "h1" | "h2" | "p";
  children?: ReactNode;
}) {
  const name = displayName(profile) || "Your name";
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
          {profile.position && <p className="text-lg text-slate-800">{profile.position}</p>}
          {profile.organization && <p className="text-slate-700">{profile.organization}</p>}
        </div>
      </div>
      <PlainText text={profile.bio} />
      {children}
    </div>
  );
}
