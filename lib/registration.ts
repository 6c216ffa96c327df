import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { db, type Executor } from "@/db";
import { type AuditClient, writeAudit } from "@/db/queries/audit";
import { lockEvent, updateEventRow } from "@/db/queries/events";
import { enqueueEmail } from "@/db/queries/outbox";
import {
  clearCheckedIn,
  countCheckedIn,
  countConfirmed,
  type EventSource,
  getEventCalendarSource,
  getRegistration,
  getRegistrationByTokenHash,
  insertRegistration,
  isCheckInCodeTaken,
  listActiveRegistrants,
  readRegistrationState,
  markCancelled,
  markCheckedIn,
  nextOnWaitlist,
  addManageTokenHash,
  promoteRow,
  registerPublicSeat,
  waitlistPosition,
} from "@/db/queries/registrations";
import { getSettings } from "@/db/queries/settings";
import type { Event, OutboxAttachment, Registration } from "@/db/schema";
import {
  alreadyRegisteredEmail,
  cancelledEmail,
  confirmedEmail,
  detailsChangedEmail,
  type EmailContext,
  eventCancelledEmail,
  promotedEmail,
  waitlistedEmail,
} from "@/lib/email/registration-emails";
import { calendarAttachment as calendarFile, deferredCalendar, deferredCheckInQr } from "@/lib/email/attachments";
import { kickOutbox } from "@/lib/email/sender";
import { appUrl, env } from "@/lib/env";
import { type EmailMessage, validateEmailMessage } from "@/lib/email/message";
import { normalizeEmail } from "@/lib/validations/registration";

// ---------------------------------------------------------------------------
// Secrets and codes

/** The secret in a manage link: 32 random bytes, base64url (43 characters). */
export function newManageToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored: a database leak must not hand out working links. */
export function hashManageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// No 0/O, 1/I/L: the code is read aloud and typed at the door.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

export function newCheckInCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What someone typed as a code, in the stored form: "k7pm-3qxd" → "K7PM3QXD". */
export function normalizeCheckInCode(input: string): string {
  return input.replace(/[^0-9a-z]/gi, "").toUpperCase();
}

export { checkInQrDataUrl, checkInQrPng } from "@/lib/email/attachments";

// ---------------------------------------------------------------------------
// How often one may register

const TEN_MINUTES = 600;
const DAY = 86_400;

/**
 * The limits one registration attempt counts against. Per address: a few, so that nobody's inbox is
 * flooded with links. Per client address: `perClient` in ten minutes, so that an office registering a
 * delegation of twenty from one address gets through, and twice that for one event in a day, so that a
 * script from one address cannot take an event's seats by keeping under the ten-minute limit.
 */
export function registrationRateLimits(
  { email, client, eventId }: { email: string; client: string | null; eventId: string },
  perClient = env().REGISTRATION_LIMIT_PER_CLIENT,
) {
  const limits = [{ key: `register:email:${normalizeEmail(email)}`, limit: 5, windowSeconds: TEN_MINUTES }];
  if (client) {
    limits.push({ key: `register:ip:${client}`, limit: perClient, windowSeconds: TEN_MINUTES });
    limits.push({ key: `register:ip-event:${client}:${eventId}`, limit: perClient * 2, windowSeconds: DAY });
  }
  return limits;
}

// ---------------------------------------------------------------------------
// When registration is open

export type RegistrationWindow = "open" | "draft" | "cancelled" | "past" | "not_yet_open" | "closed";

type WindowFields = Pick<Event, "status" | "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt">;

/**
 * Whether the public may register now. Without a closing time, registration closes when the event
 * starts: later arrivals are staff's to add by hand at the door.
 */
export function registrationWindow(event: WindowFields, now: Date): RegistrationWindow {
  if (event.status === "draft") return "draft";
  if (event.status === "cancelled") return "cancelled";
  if (event.endsAt <= now) return "past";
  if (event.registrationOpensAt && event.registrationOpensAt > now) return "not_yet_open";
  if ((event.registrationClosesAt ?? event.startsAt) <= now) return "closed";
  return "open";
}

/** Seats still free; null when the event has no limit. */
export function seatsLeft(capacity: number | null, confirmed: number): number | null {
  return capacity == null ? null : Math.max(0, capacity - confirmed);
}

// ---------------------------------------------------------------------------
// What every change needs to write its emails

export type RegistrationContext = EmailContext & { now: Date };

/** Read before a transaction opens: inside one, only the transaction may query. */
export async function registrationContext(now = new Date()): Promise<RegistrationContext> {
  const settings = await getSettings();
  return {
    now,
    home: { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel },
    baseUrl: appUrl(),
    organization: settings.organizationName,
  };
}

export function manageUrl(ctx: EmailContext, token: string): string {
  return `${ctx.baseUrl}/registrations/${token}`;
}

/**
 * The calendar file and the QR code of a seat's email: queued as recipes that the outbox's sender
 * makes into files, so that registering draws no PNG and writes no calendar while others wait.
 */
function seatAttachments(event: EventSource, code: string): OutboxAttachment[] {
  return [deferredCalendar(event), deferredCheckInQr(code)];
}

async function eventSource(eventId: string, tx: Executor): Promise<EventSource> {
  const source = await getEventCalendarSource(eventId, tx);
  if (!source) throw new Error(`Event ${eventId} vanished under its own lock`);
  return source;
}

// ---------------------------------------------------------------------------
// Registering

/** Who acts, and the client they act from (for the audit log; null outside a request). */
export type Actor = ({ kind: "public" } | { kind: "staff"; userId: string }) & { client: AuditClient | null };
export type StaffActor = Extract<Actor, { kind: "staff" }>;

export type NewRegistration = {
  eventId: string;
  name: string;
  email: string;
  organization: string | null;
  category: string | null;
  idempotencyKey: string | null;
};

export type RegisterResult =
  /** `tookLastSeat`: this registration filled the event, so that the next ones join the waitlist. */
  | { outcome: "created"; registration: Registration; manageToken: string; tookLastSeat: boolean }
  /** The same form sent again: the registration it made the first time. */
  | { outcome: "repeat"; registration: Registration }
  /** The address already holds a registration; for the public, it was emailed a new link (`manageToken`). */
  | { outcome: "already_registered"; registration: Registration; manageToken: string | null }
  | { outcome: "refused"; reason: Exclude<RegistrationWindow, "open"> | "missing" | "category" };

/** Check-in codes drawn before the common path gives up and leaves it to the transaction. */
const CODE_ATTEMPTS = 4;

function queued(message: EmailMessage) {
  const m = validateEmailMessage(message);
  return { subject: m.subject, text: m.text, html: m.html ?? null, kind: m.kind, attachments: m.attachments };
}

/**
 * The public's common case, a new registration, in one database call (`registerPublicSeat`): both
 * possible emails are written here, the database queues the one that applies, so the event's lock is
 * held only inside the database and never across a round trip to this process. Undefined when the call
 * found anything else (a repeat, an address already registered, a closed window, a changed event):
 * the transaction below answers those.
 */
async function registerInOneCall(input: NewRegistration, ctx: RegistrationContext, source: EventSource): Promise<RegisterResult | undefined> {
  const to = { name: input.name, email: input.email };
  const token = newManageToken();
  const link = manageUrl(ctx, token);
  // Random per request, so that no title or name can contain it; letters and digits survive escaping.
  const positionMarker = `WAITLIST${randomBytes(12).toString("hex").toUpperCase()}`;
  const waitlisted = queued(waitlistedEmail({ to, event: source, ctx, manageUrl: link, position: positionMarker, attachments: [deferredCalendar(source)] }));
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = newCheckInCode();
    const confirmed = validateEmailMessage(
      confirmedEmail({ to, event: source, ctx, manageUrl: link, checkInCode: code, attachments: seatAttachments(source, code) }),
    );
    const result = await registerPublicSeat({
      eventId: input.eventId,
      now: ctx.now,
      seenUpdatedAt: source.updatedAt,
      name: input.name,
      email: input.email,
      emailNormalized: normalizeEmail(input.email),
      organization: input.organization,
      category: input.category,
      manageTokenHash: hashManageToken(token),
      checkInCode: code,
      idempotencyKey: input.idempotencyKey,
      to: confirmed.to.toLowerCase(),
      confirmed: queued(confirmed),
      waitlisted,
      positionMarker,
    });
    if (result.outcome === "created") {
      return { outcome: "created", registration: result.registration, manageToken: token, tookLastSeat: result.tookLastSeat };
    }
    if (result.outcome !== "code_taken") return undefined;
  }
  return undefined;
}

/**
 * Registers someone. A new public registration is one database call (`registerInOneCall`); everything
 * else runs in one transaction that holds the event's row lock. Both take the same lock, so
 * registrations for an event take turns: the seat count read is still true when the row is written,
 * whatever runs alongside (and on other app instances). The email is queued in the same transaction.
 */
export async function registerForEvent(input: NewRegistration, actor: Actor, context?: RegistrationContext): Promise<RegisterResult> {
  // Read before the lock is taken, so that the transaction holds it for as few round trips as can be:
  // the email's event details (read again under the lock only if the event changed meanwhile).
  const [ctx, before] = await Promise.all([context ?? registrationContext(), getEventCalendarSource(input.eventId)]);
  if (actor.kind === "public" && before) {
    const created = await registerInOneCall(input, ctx, before);
    if (created) {
      kickOutbox();
      return created;
    }
  }
  const emailNormalized = normalizeEmail(input.email);
  const firstCode = newCheckInCode();
  let emailed = false;

  const result = await db.transaction(async (tx): Promise<RegisterResult> => {
    const event = await lockEvent(input.eventId, tx);
    if (!event) return { outcome: "refused", reason: "missing" };
    // One statement after the lock: what it reads is what every registration before this one left.
    const state = await readRegistrationState(event.id, { idempotencyKey: input.idempotencyKey, emailNormalized, checkInCode: firstCode }, tx);
    if (state.repeatId) return { outcome: "repeat", registration: (await getRegistration(state.repeatId, tx))! };

    const window = registrationWindow(event, ctx.now);
    const allowed = actor.kind === "public" ? window === "open" : window !== "draft" && window !== "cancelled";
    if (!allowed) return { outcome: "refused", reason: window as Exclude<RegistrationWindow, "open"> };

    const categories = event.registrationCategories;
    if (input.category ? !categories.includes(input.category) : actor.kind === "public" && categories.length > 0) {
      return { outcome: "refused", reason: "category" };
    }
    const source = before && before.updatedAt.getTime() >= event.updatedAt.getTime() ? before : await eventSource(event.id, tx);

    const to = { name: input.name, email: input.email };
    const existing = state.activeId ? await getRegistration(state.activeId, tx) : undefined;
    if (existing) {
      if (actor.kind === "staff") return { outcome: "already_registered", registration: existing, manageToken: null };
      // The earlier link cannot be sent again (only its hash is kept), so the person gets a new one,
      // which works beside it: whoever asked may not be the one holding the first email.
      const token = newManageToken();
      await addManageTokenHash(existing.id, hashManageToken(token), tx);
      const confirmed = existing.status === "confirmed";
      await enqueueEmail(
        alreadyRegisteredEmail({
          to: { name: existing.name, email: existing.email },
          event: source,
          ctx,
          manageUrl: manageUrl(ctx, token),
          status: confirmed ? "confirmed" : "waitlisted",
          checkInCode: existing.checkInCode,
          position: confirmed ? null : await waitlistPosition(existing.id, tx),
          attachments: confirmed ? seatAttachments(source, existing.checkInCode) : [deferredCalendar(source)],
        }),
        tx,
      );
      emailed = true;
      return { outcome: "already_registered", registration: existing, manageToken: token };
    }

    const seated = event.capacity == null || state.confirmed < event.capacity;
    let code = firstCode;
    // The event is locked, so no other registration for it can take this code between check and insert.
    if (state.codeTaken) {
      do code = newCheckInCode();
      while (await isCheckInCodeTaken(event.id, code, tx));
    }
    const token = newManageToken();
    const link = manageUrl(ctx, token);
    // The new row is the last on the waitlist: every other was written before this lock was granted.
    const message = seated
      ? confirmedEmail({ to, event: source, ctx, manageUrl: link, checkInCode: code, attachments: seatAttachments(source, code) })
      : waitlistedEmail({ to, event: source, ctx, manageUrl: link, position: state.waitlisted + 1, attachments: [deferredCalendar(source)] });
    // Sent together: the email does not need the row's id, and the transaction keeps both or neither.
    const [registration] = await Promise.all([
      insertRegistration(
        {
          eventId: event.id,
          name: input.name,
          email: input.email,
          emailNormalized,
          organization: input.organization,
          category: input.category,
          status: seated ? "confirmed" : "waitlisted",
          manageTokenHash: hashManageToken(token),
          checkInCode: code,
          idempotencyKey: input.idempotencyKey,
        },
        tx,
      ),
      enqueueEmail(message, tx),
    ]);
    emailed = true;
    if (actor.kind === "staff") {
      await writeAudit(
        {
          actorId: actor.userId,
          client: actor.client,
          action: "registration.add",
          entityType: "registration",
          entityId: registration.id,
          changes: { eventId: event.id, name: registration.name, email: registration.email, status: registration.status },
        },
        tx,
      );
    }
    const tookLastSeat = seated && event.capacity != null && state.confirmed + 1 === event.capacity;
    return { outcome: "created", registration, manageToken: token, tookLastSeat };
  });
  if (emailed) kickOutbox();
  return result;
}

// ---------------------------------------------------------------------------
// Promotion from the waitlist

/**
 * Fills free seats from the waitlist, first come first served, and emails each person promoted.
 * Call it inside the transaction that freed the seats, after locking the event (`event` must be the
 * locked row with its current capacity): concurrent cancellations then promote one at a time, in order.
 */
export async function promoteFromWaitlist(tx: Executor, event: Event, ctx: RegistrationContext, actor: Actor): Promise<Registration[]> {
  if (event.status !== "scheduled" || event.endsAt <= ctx.now) return [];
  const free = event.capacity == null ? null : event.capacity - (await countConfirmed(event.id, tx));
  if (free != null && free <= 0) return [];
  const next = await nextOnWaitlist(event.id, free, tx);
  if (next.length === 0) return [];
  const source = await eventSource(event.id, tx);
  const promoted: Registration[] = [];
  for (const waiting of next) {
    const row = await promoteRow(waiting.id, tx);
    if (!row) continue;
    // A new link for the email; the one from the waitlist email keeps working.
    const token = newManageToken();
    await addManageTokenHash(row.id, hashManageToken(token), tx);
    promoted.push(row);
    await enqueueEmail(
      promotedEmail({
        to: { name: row.name, email: row.email },
        event: source,
        ctx,
        manageUrl: manageUrl(ctx, token),
        checkInCode: row.checkInCode,
        attachments: seatAttachments(source, row.checkInCode),
      }),
      tx,
    );
    await writeAudit(
      { actorId: actor.kind === "staff" ? actor.userId : null, client: actor.client, action: "registration.promote", entityType: "registration", entityId: row.id, changes: { eventId: event.id, status: ["waitlisted", "confirmed"] } },
      tx,
    );
  }
  return promoted;
}

// ---------------------------------------------------------------------------
// Cancelling

export type CancelTarget = { id: string } | { tokenHash: string };

export type CancelResult =
  | { outcome: "cancelled"; registration: Registration; promoted: Registration[] }
  | { outcome: "refused"; reason: "missing" | "already_cancelled" | "checked_in" | "event_cancelled" | "past" };

/** Cancels a registration (by its owner's link or by staff) and gives its seat to the waitlist in the same transaction. */
export async function cancelRegistration(target: CancelTarget, actor: Actor, context?: RegistrationContext): Promise<CancelResult> {
  const ctx = context ?? (await registrationContext());
  const result = await db.transaction(async (tx): Promise<CancelResult> => {
    const found = "id" in target ? await getRegistration(target.id, tx) : await getRegistrationByTokenHash(target.tokenHash, tx);
    if (!found) return { outcome: "refused", reason: "missing" };
    const event = await lockEvent(found.eventId, tx);
    if (!event) return { outcome: "refused", reason: "missing" };
    // Read again under the lock: another cancellation may have finished while this one waited.
    const before = (await getRegistration(found.id, tx))!;
    if (before.status === "cancelled") return { outcome: "refused", reason: "already_cancelled" };
    if (before.checkedInAt) return { outcome: "refused", reason: "checked_in" };
    if (actor.kind === "public") {
      if (event.status === "cancelled") return { outcome: "refused", reason: "event_cancelled" };
      if (event.endsAt <= ctx.now) return { outcome: "refused", reason: "past" };
    }
    const cancelled = await markCancelled(before.id, tx);
    // A check-in committed since the read above.
    if (!cancelled) return { outcome: "refused", reason: "checked_in" };

    const promoted = before.status === "confirmed" ? await promoteFromWaitlist(tx, event, ctx, actor) : [];
    await enqueueEmail(
      cancelledEmail({ to: { name: before.name, email: before.email }, event: await eventSource(event.id, tx), ctx, byStaff: actor.kind === "staff" }),
      tx,
    );
    await writeAudit(
      {
        actorId: actor.kind === "staff" ? actor.userId : null,
        client: actor.client,
        action: actor.kind === "staff" ? "registration.cancel" : "registration.cancel_self",
        entityType: "registration",
        entityId: before.id,
        changes: { eventId: event.id, status: [before.status, "cancelled"], promoted: promoted.map((p) => p.id) },
      },
      tx,
    );
    return { outcome: "cancelled", registration: cancelled, promoted };
  });
  if (result.outcome === "cancelled") kickOutbox();
  return result;
}

// ---------------------------------------------------------------------------
// Capacity

export type CapacityResult =
  | { outcome: "changed"; promoted: Registration[] }
  | { outcome: "unchanged" }
  | { outcome: "refused"; reason: "missing" }
  | { outcome: "refused"; reason: "below_confirmed"; confirmed: number };

/** Sets an event's number of seats; raising it (or removing the limit) promotes from the waitlist at once. */
export async function changeCapacity(eventId: string, capacity: number | null, actor: StaffActor, context?: RegistrationContext): Promise<CapacityResult> {
  const ctx = context ?? (await registrationContext());
  const result = await db.transaction(async (tx): Promise<CapacityResult> => {
    const event = await lockEvent(eventId, tx);
    if (!event) return { outcome: "refused", reason: "missing" };
    if (event.capacity === capacity) return { outcome: "unchanged" };
    const confirmed = await countConfirmed(eventId, tx);
    if (capacity != null && capacity < confirmed) return { outcome: "refused", reason: "below_confirmed", confirmed };
    const updated = await updateEventRow(eventId, { capacity }, tx);
    const promoted = await promoteFromWaitlist(tx, updated!, ctx, actor);
    await writeAudit(
      {
        actorId: actor.userId,
        client: actor.client,
        action: "event.capacity",
        entityType: "event",
        entityId: eventId,
        changes: { capacity: [event.capacity, capacity], promoted: promoted.map((p) => p.id) },
      },
      tx,
    );
    return { outcome: "changed", promoted };
  });
  if (result.outcome === "changed" && result.promoted.length > 0) kickOutbox();
  return result;
}

// ---------------------------------------------------------------------------
// Notices to everyone registered

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
  const source = await eventSource(eventId, tx);
  const calendar = calendarFile(source, ctx.baseUrl);
  for (const p of people) {
    await enqueueEmail(build({ to: p, event: source, ctx, status: p.status === "confirmed" ? "confirmed" : "waitlisted", calendar }), tx);
  }
  return people.length;
}

// ---------------------------------------------------------------------------
// Check-in

export type CheckInResult =
  | { outcome: "changed" | "unchanged"; eventId: string; checkedIn: number }
  | { outcome: "refused"; reason: "missing" | "not_confirmed" };

/** Checks a confirmed registration in at the door, or undoes it. Repeating either is harmless (two tablets, one guest). */
export async function setCheckedIn(registrationId: string, checkedIn: boolean, actor: StaffActor): Promise<CheckInResult> {
  return db.transaction(async (tx): Promise<CheckInResult> => {
    const before = await getRegistration(registrationId, tx);
    if (!before) return { outcome: "refused", reason: "missing" };
    const changed = checkedIn ? await markCheckedIn(registrationId, tx) : await clearCheckedIn(registrationId, tx);
    if (!changed) {
      const now = await getRegistration(registrationId, tx);
      if (checkedIn && now?.status !== "confirmed") return { outcome: "refused", reason: "not_confirmed" };
      return { outcome: "unchanged", eventId: before.eventId, checkedIn: await countCheckedIn(before.eventId, tx) };
    }
    await writeAudit(
      {
        actorId: actor.userId,
        client: actor.client,
        action: checkedIn ? "registration.check_in" : "registration.undo_check_in",
        entityType: "registration",
        entityId: registrationId,
        changes: { eventId: before.eventId, checkedInAt: [before.checkedInAt, changed.checkedInAt] },
      },
      tx,
    );
    return { outcome: "changed", eventId: before.eventId, checkedIn: await countCheckedIn(before.eventId, tx) };
  });
}

export { countCheckedIn };
