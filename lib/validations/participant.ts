import { z } from "zod";
import type { ParticipantRole } from "@/db/schema";
import { optionalText } from "./common";
import { translationsField } from "./translations";

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  host: "Host",
  speaker: "Speaker",
  moderator: "Moderator",
  panelist: "Panelist",
  guest: "Guest",
};
export const PARTICIPANT_ROLES = ["host", "speaker", "moderator", "panelist", "guest"] as const satisfies readonly ParticipantRole[];

export type InvitationStatus = "not_invited" | "invited" | "confirmed" | "declined";
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  not_invited: "Not invited",
  invited: "Invited",
  confirmed: "Confirmed",
  declined: "Declined",
};
export const INVITATION_STATUSES = ["not_invited", "invited", "confirmed", "declined"] as const satisfies readonly InvitationStatus[];

const participantFields = {
  role: z.enum(PARTICIPANT_ROLES, "Choose a role."),
  positionAtEvent: optionalText(300, "The position"),
  invitationStatus: z.enum(INVITATION_STATUSES, "Choose an invitation status.").default("not_invited"),
  translations: translationsField({ positionAtEvent: 300 }),
};

/** Adding a person to an event. An empty position means "their current position". */
export const addParticipantSchema = z.object({
  eventId: z.uuid("That event does not exist."),
  personId: z.uuid("Choose a person."),
  ...participantFields,
});
export type AddParticipantInput = z.input<typeof addParticipantSchema>;

export const updateParticipantSchema = z.object({ id: z.uuid("That participant does not exist."), ...participantFields });
export type UpdateParticipantInput = z.input<typeof updateParticipantSchema>;

/** One step up or down a list kept in order (participants, agenda segments). */
export const moveSchema = z.object({
  id: z.uuid("That record does not exist."),
  direction: z.enum(["up", "down"], "Choose up or down."),
});
export type MoveDirection = z.output<typeof moveSchema>["direction"];
