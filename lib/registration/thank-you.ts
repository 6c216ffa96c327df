import "server-only";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { getEvent } from "@/db/queries/events";
import { enqueueEmails } from "@/db/queries/outbox";
import { addManageTokenHashes } from "@/db/queries/registrations";
import { claimThankYou, getThankYouSent, listThankYouRecipients, lockSummaryForSending, THANK_YOU_AUDIT_ACTION } from "@/db/queries/thank-you";
import type { ThankYouAudience } from "@/db/schema";
import { kickOutbox } from "@/lib/email/sender";
import { thankYouEmail } from "@/lib/email/thank-you-email";
import { unsubscribePageUrl } from "@/lib/email/unsubscribe";
import { normalizeEmail } from "@/lib/validations/registration";
import { manageUrl, type RegistrationContext, type StaffActor } from "./context";
import { hashManageToken, newManageToken } from "./tokens";

export type ThankYouResult =
  | { outcome: "sent"; recipients: number; sentAt: Date }
  | { outcome: "already_sent"; sentAt: Date; audience: ThankYouAudience; recipients: number | null }
  | { outcome: "missing" | "not_published" | "not_over" | "cancelled" | "nobody" };

type Refusal = Exclude<ThankYouResult["outcome"], "sent" | "already_sent">;

/** Thrown inside the transaction to roll it back (the mark on the event included). */
class NotSent extends Error {
  constructor(readonly reason: Refusal | "claimed") {
    super(reason);
  }
}

/** Rows per statement: each outbox row is six parameters, each link row two. */
const BATCH = 500;

/**
 * Sends the "thank you, here is the summary" email to an audience of the event, once: the event is
 * marked sent in the transaction that queues the messages, with a conditional update, so a double
 * submit or two staff at once queue one batch, and a failure queues none. Each message carries a new
 * manage link (to the feedback form) and the address's unsubscribe link.
 */
export async function sendThankYou(eventId: string, audience: ThankYouAudience, actor: StaffActor, ctx: RegistrationContext, batch = BATCH): Promise<ThankYouResult> {
  try {
    const result = await db.transaction(async (tx) => {
      const summary = await lockSummaryForSending(eventId, tx);
      if (summary?.status !== "published") throw new NotSent("not_published");
      const event = await claimThankYou(eventId, audience, tx);
      if (!event) throw new NotSent("claimed");
      const people = await listThankYouRecipients(eventId, audience, tx);
      if (people.length === 0) throw new NotSent("nobody");

      const summaryUrl = `${ctx.baseUrl}/events/${encodeURIComponent(event.slug)}/summary`;
      for (let start = 0; start < people.length; start += batch) {
        const chunk = people.slice(start, start + batch).map((person) => ({ person, token: newManageToken() }));
        await addManageTokenHashes(chunk.map(({ person, token }) => ({ registrationId: person.id, tokenHash: hashManageToken(token) })), tx);
        await enqueueEmails(
          chunk.map(({ person, token }) =>
            thankYouEmail({
              to: { name: person.name, email: person.email, language: person.language },
              event,
              summary: { title: summary.title, url: summaryUrl },
              audience,
              ctx,
              manageUrl: manageUrl(ctx, token, person.language),
              unsubscribeUrl: unsubscribePageUrl(ctx.baseUrl, normalizeEmail(person.email)),
            }),
          ),
          tx,
        );
      }
      await writeAudit(
        { actorId: actor.userId, client: actor.client, action: THANK_YOU_AUDIT_ACTION, entityType: "event", entityId: eventId, changes: { audience, recipients: people.length } },
        tx,
      );
      return { outcome: "sent" as const, recipients: people.length, sentAt: event.sentAt! };
    });
    kickOutbox();
    return result;
  } catch (error) {
    if (!(error instanceof NotSent)) throw error;
    if (error.reason !== "claimed") return { outcome: error.reason };
    return whyNotClaimed(eventId);
  }
}

/** Why the event could not be marked: read after the transaction, so a send that won the race is seen. */
async function whyNotClaimed(eventId: string): Promise<ThankYouResult> {
  const sent = await getThankYouSent(eventId);
  if (sent) return { outcome: "already_sent", ...sent };
  const event = await getEvent(eventId);
  if (!event) return { outcome: "missing" };
  if (event.status === "cancelled") return { outcome: "cancelled" };
  if (event.status === "draft") return { outcome: "not_published" };
  return { outcome: "not_over" };
}
