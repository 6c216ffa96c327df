import { z } from "zod";

/** Uploads larger than this are refused: in the browser before sending, on the server before reading it whole. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export const UPLOAD_MESSAGES = {
  tooLarge: "This file is larger than 10 MB. Choose a smaller photo, or save it at a lower size first.",
  notImage: "This file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats.",
  empty: "The file is empty. Choose a photo to upload.",
  trailing:
    "This image has something attached after the picture (such as web page code), so it was refused. Open it in an image editor, save a new copy and upload that.",
  damaged: "This image is damaged or incomplete (perhaps it did not finish downloading). Choose another copy of the photo.",
  tooManyPixels:
    "This image has too many pixels to process. Resize it to at most 3000 pixels on its longest side, or save it as a JPEG, then try again.",
  busy: "You are already uploading two photos. Wait until they have finished, then try again.",
  quota: (mb: number) =>
    `You have used all ${mb} MB of space for your photos. Ask the organizers to remove photos you no longer need, then try again.`,
} as const;

export const UPLOAD_PURPOSES = ["portrait", "event"] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/** The query string of POST /api/uploads: what the photo is for, and whose it is. */
export const uploadParamsSchema = z.object({
  purpose: z.enum(UPLOAD_PURPOSES, "Say what the photo is for: a portrait or an event photo."),
  personId: z.uuid("That person does not exist.").optional(),
  eventId: z.uuid("That event does not exist.").optional(),
});

/** What the upload endpoint answers with on success. */
export type UploadedMedia = { id: string; url: string; width: number; height: number };

/** The address a stored image is served from (app/media/[key]). */
export const mediaUrl = (key: string) => `/media/${key}`;
