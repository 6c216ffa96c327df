import { registrations, summaries } from "@/db/schema";
import { hashManageToken, newCheckInCode, newManageToken } from "@/lib/registration/tokens";
import { db } from "./db";
import { scratchEvent } from "./scratch-event";

const DAY = 86_400_000;

/**
 * A scheduled event that ended `daysAgo` days before now (negative: still to come), with a summary
 * (published unless told otherwise).
 */
export async function heldEvent(label: string, { daysAgo = 3, published = true, status = "scheduled" as "scheduled" | "cancelled" } = {}) {
  const startsAt = new Date(Math.floor((Date.now() - daysAgo * DAY) / 60_000) * 60_000);
  const event = await scratchEvent(label, new Date(), null, {
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    status,
    cancelledAt: status === "cancelled" ? new Date() : null,
  });
  await db.insert(summaries).values({
    eventId: event.id,
    title: `What was said at ${event.title}`,
    body: "The meeting opened and closed.",
    status: published ? "published" : "draft",
    publishedAt: published ? new Date() : null,
  });
  return event;
}

type Extra = Partial<Pick<typeof registrations.$inferInsert, "status" | "checkedInAt" | "anonymizedAt" | "cancelledAt">>;

/** A registration of `email` at the event, with its manage link's token. Confirmed and checked in unless told otherwise. */
export async function attendee(eventId: string, email: string, extra: Extra = {}) {
  const token = newManageToken();
  const [row] = await db
    .insert(registrations)
    .values({
      eventId,
      name: `Person ${email.split("@")[0]}`,
      email,
      emailNormalized: email.trim().toLowerCase(),
      status: "confirmed",
      checkedInAt: new Date(),
      manageTokenHash: hashManageToken(token),
      checkInCode: newCheckInCode(),
      consentAt: new Date(),
      confirmedAt: new Date(),
      ...extra,
    })
    .returning();
  return { registration: row!, token };
}
