import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { claimDueMessages, markFailed, markSent, redactDeliveredMessages } from "@/db/queries/outbox";
import { materializeAttachments } from "@/lib/email/attachments";
import { env } from "@/lib/env";

let transporter: Transporter | undefined;

function transport(): Transporter | undefined {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  transporter ??= nodemailer.createTransport(url);
  return transporter;
}

/** Whether messages leave the outbox at all; without SMTP the outbox is the mailbox. */
export const smtpConfigured = () => Boolean(env().SMTP_URL);

/**
 * Sends what is due, once. Returns how many were sent and how many failed this round.
 * Safe to run from several instances at once: each claims its own rows.
 */
export async function deliverDue(limit = 20): Promise<{ sent: number; failed: number }> {
  const t = transport();
  if (!t) return { sent: 0, failed: 0 };
  const messages = await claimDueMessages(limit);
  let sent = 0;
  let failed = 0;
  for (const m of messages) {
    try {
      // Attachments queued as recipes (a QR code, a calendar file) are made here, not by the request.
      const attachments = await materializeAttachments(m.attachments);
      await t.sendMail({
        from: env().EMAIL_FROM,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
        attachments: attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, "base64"),
        })),
        // Nodemailer would otherwise accept a header list in these fields.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      await markSent(m.id);
      sent++;
    } catch (error) {
      await markFailed(m, error instanceof Error ? error.message : String(error));
      failed++;
    }
  }
  return { sent, failed };
}

let running: Promise<unknown> | undefined;

/** Asks for a delivery round soon, without waiting for it; rounds never overlap in one process. */
export function kickOutbox(): void {
  if (!smtpConfigured() || running) return;
  running = deliverDue()
    .catch((error) => console.error("[outbox] delivery round failed", error))
    .finally(() => {
      running = undefined;
    });
}

// Retention is counted in days: looking once an hour keeps a body at most an hour past its time.
const REDACTION_INTERVAL_MS = 60 * 60_000;
let redacting: Promise<unknown> | undefined;

/** One round of removing old delivered bodies; rounds never overlap in one process. */
export function redactOldMessages(): Promise<unknown> {
  redacting ??= redactDeliveredMessages(env().OUTBOX_RETENTION_DAYS)
    .catch((error) => console.error("[outbox] removing old message bodies failed", error))
    .finally(() => {
      redacting = undefined;
    });
  return redacting;
}

/** Starts the periodic sender for this process, and the removal of old bodies (with or without SMTP). */
export function startOutboxSender(): void {
  const cleaner = setInterval(() => void redactOldMessages(), REDACTION_INTERVAL_MS);
  cleaner.unref();
  void redactOldMessages();
  if (!smtpConfigured()) return;
  const seconds = env().OUTBOX_INTERVAL_SECONDS;
  const timer = setInterval(kickOutbox, seconds * 1000);
  timer.unref();
  kickOutbox();
}
