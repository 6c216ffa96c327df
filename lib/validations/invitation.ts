import { z } from "zod";

/** Staff send (or send again) the invitation of one participant. */
export const inviteSchema = z.object({ id: z.uuid("That participant does not exist.") });

export const INVITATION_ANSWERS = ["accept", "decline"] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

/** An invitee's answer, with an optional message for the organizers. */
export const invitationAnswerSchema = z.object({
  participantId: z.uuid("That invitation does not exist."),
  answer: z.enum(INVITATION_ANSWERS, "Choose whether you accept or decline."),
  message: z
    .string()
    .trim()
    .max(2000, "Keep the message under 2,000 characters.")
    .optional()
    .nullable()
    .transform((v) => v || null),
});
export type InvitationAnswerInput = z.input<typeof invitationAnswerSchema>;
