import { z } from "zod";
import { MERGE_FIELDS } from "@/lib/profile-merge";
import { approveRevisionSchema as approveOnly } from "./profile";

/**
 * Approving a revision; where staff edited a field after the panelist proposed a change to it, the
 * approval says which value stays: the one the public sees now ("current") or the panelist's.
 */
export const approveRevisionSchema = approveOnly.extend({
  resolutions: z
    .partialRecord(z.enum(MERGE_FIELDS, "Choose which value to keep."), z.enum(["current", "proposed"], "Choose which value to keep."), "Choose which value to keep for each field.")
    .optional()
    .default({}),
});

/** After a position change: the upcoming events whose snapshot still reads the old title. */
export const updateUpcomingPositionsSchema = z.object({
  personId: z.uuid("That person does not exist."),
  from: z.string("That position is not one the person held.").max(300, "That position is not one the person held.").nullable(),
  participantIds: z
    .array(z.uuid("That event is not on the list."), "Choose at least one event.")
    .min(1, "Choose at least one event.")
    .max(200, "Choose at most 200 events at a time."),
});
