import Link from "next/link";
import type { ParticipantRole } from "@/db/schema";
import { displayName, withPosition } from "@/lib/names";
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
  person: {
    slug?: string;
    honorific: string | null;
    givenName: string;
    familyName: string;
    nameOrder: "given_family" | "family_given";
  };
  /** The approved portrait, when the person has one. */
  portrait?: { key: string | null; alt: string | null; width: number | null; height: number | null } | null;
};

/** "Ms. Sima Bahous, Executive Director of UN Women": the title the person held at this event. */
export function speakerLine(s: SpeakerView): string {
  return withPosition(s.person, s.positionAtEvent);
}

/** Everyone on the programme, each with their part in it, a portrait and a link to their page. */
export function SpeakerList({ speakers }: { speakers: SpeakerView[] }) {
  return (
    <ul className="space-y-4">
      {speakers.map((s) => {
        const name = displayName(s.person);
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
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{ROLE_LABEL[s.role]}</p>
              <p>
                {s.person.slug ? <Link href={`/people/${s.person.slug}`}>{name}</Link> : name}
                {position && `, ${position}`}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
