import type { Metadata } from "next";
import { AgendaAddForm, AgendaList } from "@/components/agenda-manager";
import { listAgenda } from "@/db/queries/agenda";
import { listParticipants } from "@/db/queries/participants";
import { getSettings, translationLanguages } from "@/db/queries/settings";
import { displayName } from "@/lib/names";
import { clockLabel, eventClock, formatTime, homeClock, utcToZonedParts } from "@/lib/time";
import { agendaStarts, nextSegmentStart } from "@/lib/validations/agenda";
import { PARTICIPANT_ROLE_LABELS } from "@/lib/validations/participant";
import { staffEventPage } from "../event";

export const metadata: Metadata = { title: "Agenda" };

type Props = { params: Promise<{ id: string }> };

export default async function EventAgendaPage({ params }: Props) {
  const { id, event } = await staffEventPage(params, "agenda");
  const [settings, items, participants] = await Promise.all([getSettings(), listAgenda(id), listParticipants(id)]);
  const zone = event.timeZone;
  const starts = agendaStarts(event.startsAt, items);
  const next = nextSegmentStart(event.startsAt, items);
  const context = {
    eventId: event.id,
    zone,
    participants: participants.map((p) => ({ id: p.id, name: displayName(p), role: PARTICIPANT_ROLE_LABELS[p.role] })),
    languages: translationLanguages(settings),
  };

  return (
    <div className="space-y-8">
      <AgendaList
        {...context}
        items={items.map((item, i) => ({
          id: item.id,
          kind: item.kind,
          title: item.title,
          startTime: item.startsAt ? utcToZonedParts(item.startsAt, zone).time : "",
          startLabel: starts[i] ? `${formatTime(starts[i], zone)} ${clockLabel(eventClock(zone, homeClock(settings)), starts[i])}` : null,
          durationMinutes: item.durationMinutes,
          description: item.description,
          participantIds: item.participants.map((p) => p.participantId),
          participantNames: item.participants.map((p) => displayName(p)),
          translations: item.translations,
        }))}
      />
      <AgendaAddForm {...context} defaultStartTime={next ? utcToZonedParts(next, zone).time : ""} version={items.length} />
    </div>
  );
}
