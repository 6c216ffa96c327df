import "server-only";
import QRCode from "qrcode";
import { getEventCalendarSource } from "@/db/queries/public";
import type { OutboxAttachment, OutboxAttachmentSource } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { buildCalendar, type CalendarSource, eventToIcs } from "@/lib/ics";

/**
 * Attachments that are costly to make (a QR code is a PNG, deflated) or that say what the event is
 * like when the message leaves are queued as a recipe: the file's name, type and what it is made
 * from. The sender makes them (`materializeAttachments`), so that a registration's request does not.
 */

/** The check-in code as a PNG QR code, for the confirmation email. */
export async function checkInQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 });
}

export async function checkInQrDataUrl(code: string): Promise<string> {
  return QRCode.toDataURL(code, { errorCorrectionLevel: "M", margin: 2, scale: 6 });
}

const calendarFilename = (slug: string) => `${slug.replace(/[^a-z0-9-]/gi, "") || "event"}.ics`;
const CALENDAR_TYPE = "text/calendar; charset=utf-8; method=PUBLISH";

/** The event's calendar file, made now. */
export function calendarAttachment(event: CalendarSource, baseUrl: string): OutboxAttachment {
  const body = buildCalendar({ events: [eventToIcs(event, baseUrl)] });
  return { filename: calendarFilename(event.slug), contentType: CALENDAR_TYPE, content: Buffer.from(body, "utf8").toString("base64") };
}

/** The event's calendar file, made when the message is sent, from the event as it is then. */
export function deferredCalendar(event: Pick<CalendarSource, "id" | "slug">): OutboxAttachment {
  return { filename: calendarFilename(event.slug), contentType: CALENDAR_TYPE, content: "", source: { kind: "calendar", eventId: event.id } };
}

/** The QR code of a check-in code, drawn when the message is sent. */
export function deferredCheckInQr(code: string): OutboxAttachment {
  return { filename: "check-in-code.png", contentType: "image/png", content: "", source: { kind: "check_in_qr", code } };
}

async function make(source: OutboxAttachmentSource, baseUrl: string): Promise<string> {
  if (source.kind === "check_in_qr") return (await checkInQrPng(source.code)).toString("base64");
  const event = await getEventCalendarSource(source.eventId);
  if (!event) throw new Error(`The event ${source.eventId} of a calendar attachment no longer exists`);
  return calendarAttachment(event, baseUrl).content;
}

/** The attachments with every recipe made into its file; those made already are returned as they are. */
export async function materializeAttachments(attachments: OutboxAttachment[], baseUrl = appUrl()): Promise<OutboxAttachment[]> {
  return Promise.all(
    attachments.map(async ({ source, ...a }) => (source ? { ...a, content: await make(source, baseUrl) } : a)),
  );
}

/**
 * The calendar file and the QR code of a seat's email: queued as recipes that the outbox's sender
 * makes into files, so that registering draws no PNG and writes no calendar while others wait.
 */
export function seatAttachments(event: Pick<CalendarSource, "id" | "slug">, code: string): OutboxAttachment[] {
  return [deferredCalendar(event), deferredCheckInQr(code)];
}
