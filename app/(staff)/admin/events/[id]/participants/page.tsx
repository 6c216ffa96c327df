import type { Metadata } from "next";
import { ParticipantAddForm, ParticipantList } from "@/components/participant-manager";
import { personPickerOptions } from "@/db/queries/event-options";
import { listInvitationDetails } from "@/db/queries/invitations";
import { listParticipants } from "@/db/queries/participants";
import { getSettings, translationLanguages } from "@/db/queries/settings";
import { displayName, sortKey } from "@/lib/names";
import { formatStaffTime, homeClock } from "@/lib/time";
import { staffEventPage } from "../event";

export const metadata: Metadata = { title: "Participants" };

type Props = { params: Promise<{ id: string }> };

export default async function EventParticipantsPage({ params }: Props) {
  const { id, event } = await staffEventPage(params, "participants");
  const [settings, participants, people, invitations] = await Promise.all([
    getSettings(),
    listParticipants(id),
    personPickerOptions(),
    listInvitationDetails(id),
  ]);
  const invitationOf = new Map(invitations.map((i) => [i.id, i]));
  const day = (d: Date | null | undefined) => (d ? formatStaffTime(d, homeClock(settings)) : null);

  return (
    <div className="space-y-8">
      <ParticipantList
        languages={translationLanguages(settings)}
        participants={participants.map((p) => ({
          id: p.id,
          name: displayName(p),
          role: p.role,
          positionAtEvent: p.positionAtEvent,
          translations: p.translations,
          currentPosition: p.currentPosition,
          invitationStatus: p.invitationStatus,
          invitedOn: day(invitationOf.get(p.id)?.invitedAt),
          answeredOn: day(invitationOf.get(p.id)?.respondedAt),
          invitationMessage: invitationOf.get(p.id)?.invitationMessage ?? null,
          hasEmail: invitationOf.get(p.id)?.hasEmail ?? false,
        }))}
      />
      <ParticipantAddForm
        eventId={event.id}
        people={[...people]
          .sort((a, b) => sortKey(a).localeCompare(sortKey(b), "en"))
          .map((p) => ({ id: p.id, name: displayName(p), position: p.position, organization: p.organization }))}
      />
    </div>
  );
}
