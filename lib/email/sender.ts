import "server-only";
import { connect, type Socket } from "node:net";
import { after } from "next/server";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { type ClaimedMessage, claimDueMessages, markFailed, markSent, redactDeliveredMessages } from "@/db/queries/outbox";
import { materializeAttachments } from "@/lib/email/attachments";
import { unsubscribeHeaders } from "@/lib/email/unsubscribe";
import { appUrl, env } from "@/lib/env";
import { reminderRound } from "@/lib/registration/reminders";
import { oneRoundAtATime } from "@/lib/rounds";

/** Whether messages leave the outbox at all; without SMTP the outbox is the mailbox. */
export const smtpConfigured = () => Boolean(env().SMTP_URL);

/**
 * The message's Message-ID, the same at every attempt: if a message goes out twice (its sender died
 * between the server's acceptance and recording it), the copies are recognisably one message.
 */
export const outboxMessageId = (id: string) => `<outbox-${id}@${new URL(appUrl()).hostname}>`;

/**
 * Sends one message over a connection of its own, and cuts that connection at the deadline, whatever
 * stage the conversation is in: no byte of a delivery leaves after its deadline, which falls well
 * inside the claim's lease (OUTBOX_LEASE_SECONDS ≥ 2 × OUTBOX_SEND_TIMEOUT_SECONDS).
 */
async function sendBefore(deadline: number, mail: Mail.Options): Promise<void> {
  const timeoutMs = env().OUTBOX_SEND_TIMEOUT_SECONDS * 1000;
  const late = () => new Error(`no answer within ${env().OUTBOX_SEND_TIMEOUT_SECONDS} s (OUTBOX_SEND_TIMEOUT_SECONDS)`);
  const sockets = new Set<Socket>();
  let expired = false;
  const options: SMTPTransport.Options = {
    url: env().SMTP_URL,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    // The sender opens the socket itself so that it can close it at the deadline (TLS runs over it).
    getSocket(options, callback) {
      if (expired) return callback(late(), null);
      const port = Number(options.port) || (options.secure ? 465 : 587);
      const socket = connect({ host: options.host ?? "localhost", port, localAddress: options.localAddress });
      sockets.add(socket);
      let connected = false;
      // Before the connection stands, an error is the attempt's; after, nodemailer hears it (or, under
      // TLS, the closing of the encrypted socket above this one).
      socket.on("error", (error) => {
        if (!connected) callback(error, null);
      });
      socket.once("connect", () => {
        connected = true;
        callback(null, { connection: socket });
      });
    },
  };
  // Built directly: createTransport() given a url would drop every other option.
  const transporter = nodemailer.createTransport(new SMTPTransport(options));
  const timer = setTimeout(() => {
    expired = true;
    for (const socket of sockets) socket.destroy(late());
  }, deadline - Date.now());
  try {
    if (Date.now() >= deadline) throw late();
    await transporter.sendMail(mail);
  } finally {
    clearTimeout(timer);
    transporter.close();
  }
}

const lostClaim = (m: ClaimedMessage, outcome: string) =>
  console.warn(`[outbox] message ${m.id} ${outcome} after its lease ran out; another sender may send it again, with the same Message-ID`);

/** Content-Language from the language the message's HTML declares (`<html lang="ja">`), when it declares one. */
export function contentLanguage(html: string | null): Record<string, string> {
  const lang = html && /<html lang="([a-z]{2,3}(?:-[A-Za-z0-9]+)*)"/.exec(html)?.[1];
  return lang ? { "Content-Language": lang } : {};
}

async function deliver(m: ClaimedMessage, deadline: number): Promise<boolean> {
  try {
    // Attachments queued as recipes (a QR code, a calendar file) are made here, not by the request.
    const attachments = await materializeAttachments(m.attachments);
    await sendBefore(deadline, {
      from: env().EMAIL_FROM,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html ?? undefined,
      messageId: outboxMessageId(m.id),
      // Made from the recipient at each attempt: the link needs no column of its own.
      headers: { ...unsubscribeHeaders(m.kind, m.to, appUrl()), ...contentLanguage(m.html) },
      attachments: attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, "base64"),
      })),
      // Nodemailer would otherwise accept a header list in these fields.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  } catch (error) {
    if (!(await markFailed(m, error instanceof Error ? error.message : String(error)))) lostClaim(m, "failed");
    return false;
  }
  if (!(await markSent(m))) lostClaim(m, "was delivered");
  return true;
}

/**
 * Sends what is due, up to `limit` messages. Returns how many were sent and how many failed.
 * Safe to run from several instances at once: each claims its own rows, one at a time, just before
 * sending it, so a sender that dies holds back only the message it was sending, until its lease ends.
 * That message may have reached the server already: it is then delivered twice (at least once, never
 * exactly once), with the same Message-ID.
 */
export async function deliverDue(limit = 20): Promise<{ sent: number; failed: number }> {
  if (!smtpConfigured()) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  while (sent + failed < limit) {
    // Counted from before the claim, whose lease starts when its transaction does: the deadline falls
    // at least OUTBOX_SEND_TIMEOUT_SECONDS before the lease ends, however long the claim took.
    const deadline = Date.now() + env().OUTBOX_SEND_TIMEOUT_SECONDS * 1000;
    const [m] = await claimDueMessages(1);
    if (!m) break;
    if (await deliver(m, deadline)) sent++;
    else failed++;
  }
  return { sent, failed };
}

/** Starts a delivery round unless one is already running in this process: rounds never overlap. */
const deliveryRound = oneRoundAtATime(() => deliverDue(), "[outbox] delivery round failed");

/**
 * Asks for a delivery round once the response has gone out (Next's `after()`): by then the transaction
 * that queued the message has committed, wherever in the request this was called. Request code only.
 */
export function kickOutbox(): void {
  if (smtpConfigured()) after(deliveryRound);
}

// Retention is counted in days: looking once an hour keeps a body at most an hour past its time.
const REDACTION_INTERVAL_MS = 60 * 60_000;
/** One round of removing old delivered bodies; rounds never overlap in one process. */
export const redactOldMessages = oneRoundAtATime(
  () => redactDeliveredMessages(env().OUTBOX_RETENTION_DAYS),
  "[outbox] removing old message bodies failed",
);

/** Starts the periodic sender for this process, and the removal of old bodies and the reminders (with or without SMTP). */
export function startOutboxSender(): void {
  const cleaner = setInterval(() => void redactOldMessages(), REDACTION_INTERVAL_MS);
  cleaner.unref();
  void redactOldMessages();
  // Each round first queues the reminders that are due (lib/registration/reminders.ts), with or without
  // SMTP: without it, the outbox is the mailbox.
  const round = () => void reminderRound().then(() => (smtpConfigured() ? deliveryRound() : undefined));
  const timer = setInterval(round, env().OUTBOX_INTERVAL_SECONDS * 1000);
  timer.unref();
  round();
}
