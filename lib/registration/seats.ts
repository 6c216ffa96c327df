import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Executor, type Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { lockEvent, updateEventRow } from "@/db/queries/events";
import { enqueueEmail } from "@/db/queries/outbox";
import { type EventCalendarSource, getEventCalendarSource } from "@/db/queries/public";
import {
  addManageTokenHash,
  countConfirmed,
  getRegistration,
  getRegistrationByTokenHash,
  insertRegistration,
  isCheckInCodeTaken,
  markCancelled,
  nextOnWaitlist,
  promoteRow,
  readRegistrationState,
  registerPublicSeat,
  waitlistPosition,
} from "@/db/queries/registrations";
import { askedQuestions } from "@/db/queries/event-questions";
import type { Event, Registration, RegistrationAnswer } from "@/db/schema";
import { deferredCalendar, seatAttachments } from "@/lib/email/attachments";
import { type EmailMessage, validateEmailMessage } from "@/lib/email/message";
import {
  alreadyRegisteredEmail,
  cancelledEmail,
  confirmedEmail,
  type EmailEvent,
  pendingEmail,
  promotedEmail,
  waitlistedEmail,
} from "@/lib/email/registration-emails";
import { kickOutbox } from "@/lib/email/sender";
import type { Language } from "@/lib/i18n/languages";
import { answerErrors, answersSchema } from "@/lib/validations/questions";
import { normalizeEmail } from "@/lib/validations/registration";
import { type Actor, emailEvent, manageUrl, type RegistrationContext, registrationContext, type StaffActor } from "./context";
import { hashManageToken, newCheckInCode, newManageToken } from "./tokens";
import { type RegistrationWindow, registrationWindow } from "./window";

// The changes that give or take a seat: registering, cancelling, changing the number of seats, and
// promotion from the waitlist. Each is one transaction that holds the event's row lock.

// ---------------------------------------------------------------------------
// Registering

export type NewRegistration = {
  eventId: string;
  name: string;
  email: string;
  organization: string | null;
  category: string | null;
  idempotencyKey: string | null;
  /** Answers to the event's questions by question id, already checked against them (lib/validations/questions.ts). */
  answers?: Record<string, RegistrationAnswer>;
  /**
   * The event's updated_at when the questions were read to check `answers`. A later change (every change
   * to the questions marks the event changed) sends the registration to the transaction, which checks the
   * answers again against the questions as they are.
   */
  answersCheckedAt?: Date;
  /** The language of the page registered on, which the registration's emails are written in; else the organization's default. */
  language?: Language;
};

export type RegisterResult =
  /** `tookLastSeat`: this registration filled the event, so that the next ones join the waitlist. */
  | { outcome: "created"; registration: Registration; manageToken: string; tookLastSeat: boolean }
  /** The same form sent again: the registration it made the first time. */
  | { outcome: "repeat"; registration: Registration }
  /** The address already holds a registration; for the public, it was emailed a new link (`manageToken`). */
  | { outcome: "already_registered"; registration: Registration; manageToken: string | null }
  | { outcome: "refused"; reason: Exclude<RegistrationWindow, "open"> | "missing" | "category" }
  /** The questions changed after the answers were checked, and the answers no longer fit them. */
  | { outcome: "refused"; reason: "answers"; answerErrors: Record<string, string> };

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
/**
 * A new manage link for a registration that already has one: only hashes are kept, so the earlier link
 * cannot be sent again; the new one works beside it.
 */
export async function addManageLink(registrationId: string, ctx: RegistrationContext, tx: Executor, language: Language): Promise<{ token: string; link: string }> {
  const token = newManageToken();
  await addManageTokenHash(registrationId, hashManageToken(token), tx);
  return { token, link: manageUrl(ctx, token, language) };
}

async function registerInOneCall(input: NewRegistration, ctx: RegistrationContext, source: EmailEvent, reviewed: boolean): Promise<RegisterResult | undefined> {
  const to = { name: input.name, email: input.email, language: input.language ?? ctx.defaultLanguage };
  const token = newManageToken();
  const link = manageUrl(ctx, token, to.language);
  // Random per request, so that no title or name can contain it; letters and digits survive escaping.
  const positionMarker = `WAITLIST${randomBytes(12).toString("hex").toUpperCase()}`;
  const waitlisted = queued(waitlistedEmail({ to, event: source, ctx, manageUrl: link, position: positionMarker, attachments: [deferredCalendar(source)] }));
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = newCheckInCode();
    // On an event that requires approval the database writes a pending row and queues this message,
    // the one that says the request is under review; the event's updated_at tells it if that changed since.
    const confirmed = validateEmailMessage(
      reviewed
        ? pendingEmail({ to, event: source, ctx, manageUrl: link })
        : confirmedEmail({ to, event: source, ctx, manageUrl: link, checkInCode: code, attachments: seatAttachments(source, code) }),
    );
    const result = await registerPublicSeat({
      eventId: input.eventId,
      now: ctx.now,
      seenUpdatedAt: input.answersCheckedAt && input.answersCheckedAt < source.updatedAt ? input.answersCheckedAt : source.updatedAt,
      name: input.name,
      email: input.email,
      emailNormalized: normalizeEmail(input.email),
      organization: input.organization,
      category: input.category,
      answers: input.answers ?? {},
      language: to.language,
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
export async function registerForEvent(
  input: NewRegistration,
  actor: Actor,
  context?: RegistrationContext,
  /** The event's email details, when the caller has read them already (`findPublicEventBySlug`). */
  details?: EventCalendarSource,
): Promise<RegisterResult> {
  // Read before the lock is taken, so that the transaction holds it for as few round trips as can be:
  // the email's event details (read again under the lock only if the event changed meanwhile).
  const [ctx, before] = await Promise.all([context ?? registrationContext(), details ?? getEventCalendarSource(input.eventId)]);
  if (actor.kind === "public" && before) {
    const created = await registerInOneCall(input, ctx, before, before.requiresApproval);
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
    const source = before && before.updatedAt.getTime() >= event.updatedAt.getTime() ? before : await emailEvent(event.id, tx);

    const to = { name: input.name, email: input.email, language: input.language ?? ctx.defaultLanguage };
    const existing = state.activeId ? await getRegistration(state.activeId, tx) : undefined;
    if (existing) {
      if (actor.kind === "staff") return { outcome: "already_registered", registration: existing, manageToken: null };
      // The earlier link cannot be sent again (only its hash is kept), so the person gets a new one,
      // which works beside it: whoever asked may not be the one holding the first email. A declined
      // registration has nothing left to manage, and gets none.
      const declined = existing.status === "declined";
      const { token, link } = declined ? { token: null, link: null } : await addManageLink(existing.id, ctx, tx, existing.language);
      const confirmed = existing.status === "confirmed";
      await enqueueEmail(
        alreadyRegisteredEmail({
          to: { name: existing.name, email: existing.email, language: existing.language },
          event: source,
          ctx,
          manageUrl: link,
          status: existing.status as Exclude<Registration["status"], "cancelled">,
          checkInCode: existing.checkInCode,
          position: existing.status === "waitlisted" ? await waitlistPosition(existing.id, tx) : null,
          attachments: confirmed ? seatAttachments(source, existing.checkInCode) : declined ? [] : [deferredCalendar(source)],
        }),
        tx,
      );
      emailed = true;
      return { outcome: "already_registered", registration: existing, manageToken: token };
    }

    let answers = input.answers ?? {};
    // The questions changed since the answers were checked: check them again, against the questions as
    // they are under the lock (answers to a question removed meanwhile are dropped).
    if (actor.kind === "public" && input.answersCheckedAt && event.updatedAt.getTime() > input.answersCheckedAt.getTime()) {
      const questions = await askedQuestions(event.id, tx);
      const checked = answersSchema(questions).safeParse(answers);
      if (!checked.success) return { outcome: "refused", reason: "answers", answerErrors: answerErrors(questions, answers) };
      answers = checked.data;
    }

    // With approval, the public's registration waits for the staff's decision and holds no seat; staff
    // who add someone by hand have decided already.
    const pending = actor.kind === "public" && event.requiresApproval;
    const seated = !pending && (event.capacity == null || state.confirmed < event.capacity);
    let code = firstCode;
    // The event is locked, so no other registration for it can take this code between check and insert.
    if (state.codeTaken) {
      do code = newCheckInCode();
      while (await isCheckInCodeTaken(event.id, code, tx));
    }
    const token = newManageToken();
    const link = manageUrl(ctx, token, to.language);
    // The new row is the last on the waitlist: every other was written before this lock was granted.
    const message = pending
      ? pendingEmail({ to, event: source, ctx, manageUrl: link })
      : seated
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
          answers,
          language: to.language,
          status: pending ? "pending" : seated ? "confirmed" : "waitlisted",
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
  const source = await emailEvent(event.id, tx);
  const promoted: Registration[] = [];
  for (const waiting of next) {
    const row = await promoteRow(waiting.id, tx);
    if (!row) continue;
    // A new link for the email; the one from the waitlist email keeps working.
    const { link } = await addManageLink(row.id, ctx, tx, row.language);
    promoted.push(row);
    await enqueueEmail(
      promotedEmail({
        to: { name: row.name, email: row.email, language: row.language },
        event: source,
        ctx,
        manageUrl: link,
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
  | { outcome: "refused"; reason: "missing" | "already_cancelled" | "checked_in" | "event_cancelled" | "past" | "declined" };

export type CancelOptions = {
  /** False: no "registration cancelled" email (the person is deleting their data and sees the outcome on the page). */
  notify?: boolean;
  /** More work in the cancellation's transaction, after it (the person's data removed with it). */
  within?: (tx: Transaction, cancelled: Registration) => Promise<void>;
};

/** Cancels a registration (by its owner's link or by staff) and gives its seat to the waitlist in the same transaction. */
export async function cancelRegistration(target: CancelTarget, actor: Actor, context?: RegistrationContext, options: CancelOptions = {}): Promise<CancelResult> {
  const ctx = context ?? (await registrationContext());
  const result = await db.transaction(async (tx): Promise<CancelResult> => {
    const found = "id" in target ? await getRegistration(target.id, tx) : await getRegistrationByTokenHash(target.tokenHash, tx);
    if (!found) return { outcome: "refused", reason: "missing" };
    const event = await lockEvent(found.eventId, tx);
    if (!event) return { outcome: "refused", reason: "missing" };
    // Read again under the lock: another cancellation may have finished while this one waited.
    const before = (await getRegistration(found.id, tx))!;
    if (before.status === "cancelled") return { outcome: "refused", reason: "already_cancelled" };
    // Declined stays declined, so that the address stays unable to register again for this event.
    if (before.status === "declined") return { outcome: "refused", reason: "declined" };
    if (before.checkedInAt) return { outcome: "refused", reason: "checked_in" };
    if (actor.kind === "public") {
      if (event.status === "cancelled") return { outcome: "refused", reason: "event_cancelled" };
      if (event.endsAt <= ctx.now) return { outcome: "refused", reason: "past" };
    }
    const cancelled = await markCancelled(before.id, tx);
    // A check-in committed since the read above.
    if (!cancelled) return { outcome: "refused", reason: "checked_in" };

    const promoted = before.status === "confirmed" ? await promoteFromWaitlist(tx, event, ctx, actor) : [];
    if (options.notify !== false) {
      await enqueueEmail(
        cancelledEmail({ to: { name: before.name, email: before.email, language: before.language }, event: await emailEvent(event.id, tx), ctx, byStaff: actor.kind === "staff", pending: before.status === "pending" }),
        tx,
      );
    }
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
    await options.within?.(tx, cancelled);
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
