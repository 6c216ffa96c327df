import { z } from "zod";
import { FEEDBACK_COMMENT_MAX, THANK_YOU_AUDIENCES } from "@/lib/after-event";
import { manageTokenSchema } from "./registration";

// The forms after an event: the staff's thank-you email, the public's feedback, and unsubscribing.

export const thankYouSchema = z.object({
  eventId: z.uuid("That event does not exist."),
  audience: z.enum(THANK_YOU_AUDIENCES, "Choose who gets the email: everyone checked in, or everyone with a confirmed seat."),
});

const RATING = "Choose a rating from 1 to 5.";

export const feedbackSchema = manageTokenSchema.extend({
  rating: z.coerce.number(RATING).int(RATING).min(1, RATING).max(5, RATING),
  comment: z
    .string()
    .trim()
    .max(FEEDBACK_COMMENT_MAX, `Keep the comment to ${FEEDBACK_COMMENT_MAX.toLocaleString("en-US")} characters or fewer.`)
    .optional()
    .nullable()
    .transform((v) => v || null),
});

export const unsubscribeSchema = z.object({
  token: z.string("That link is not valid.").min(1, "That link is not valid.").max(400, "That link is not valid."),
});
