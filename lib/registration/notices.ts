import "server-only";
import type { Executor } from "@/db";
import { enqueueEmail } from "@/db/queries/outbox";
import { listActiveRegistrants } from "@/db/queries/registrations";
import { calendarAttachment } from "@/lib/email/attachments";
import { detailsChangedEmail, type EmailContext, eventCancelledEmail } from "@/lib/email/registration-emails";
import { emailEvent } from "./context";

/** Emails everyone registered the event's new time or place, with an updated calendar file. Inside the change's transaction. */
export async function notifyDetailsChanged(tx: Executor, eventId: string, ctx: EmailContext): Promise<number> {
  return notifyRegistrants(tx, eventId, ctx, detailsChangedEmail);
}

/** Emails everyone registered that the event is cancelled, with a calendar file that cancels the entry. */
export async function notifyEventCancelled(tx: Executor, eventId: string, ctx: EmailContext): Promise<number> {
  return notifyRegistrants(tx, eventId, ctx, eventCancelledEmail);
}

async function notifyRegistrants(tx: Executor, eventId: string, ctx: EmailContext, build: typeof detailsChangedEmail): Promise<number> {
  const people = await listActiveRegistrants(eventId, tx);
  if (people.length === 0) return 0;
  const source = await emailEvent(eventId, tx);
  const calendar = calendarAttachment(source, ctx.baseUrl);
  for (const p of people) {
    await enqueueEmail(build({ to: p, event: source, ctx, status: p.status === "confirmed" || p.status === "pending" ? p.status : "waitlisted", calendar }), tx);
  }
  return people.length;
}
