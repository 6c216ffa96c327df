import type { ParticipantRole } from "@/db/schema";
import { withPosition } from "@/lib/names";

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
  person: { honorific: string | null; givenName: string; familyName: string; nameOrder: "given_family" | "family_given" };
};

/** "Ms. Sima Bahous, Executive Director of UN Women": the title the person held at this event. */
export function speakerLine(s: SpeakerView): string {
  return withPosition(s.person, s.positionAtEvent);
}

/** Everyone on the programme, each with their part in it. */
export function SpeakerList({ speakers }: { speakers: SpeakerView[] }) {
  return (
    <ul className="space-y-3">
      {speakers.map((s) => (
        <li key={s.id}>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{ROLE_LABEL[s.role]}</p>
          <p>{speakerLine(s)}</p>
        </li>
      ))}
    </ul>
  );
}
