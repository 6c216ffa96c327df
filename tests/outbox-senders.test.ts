import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { enqueueEmail } from "@/db/queries/outbox";
import { outbox } from "@/db/schema";
import { closeDb, db, resetDatabase } from "./support/db";
import { headerOf, onMessage, testSmtpServer } from "./support/smtp-server";

// Several app instances share one outbox. Here each sender is a process of its own running the real
// delivery loop (tests/support/outbox-sender.ts) against one PostgreSQL database, and delivers to a
// real SMTP server started by the test, which notes every message it accepts.

const onPostgres = Boolean(process.env.DATABASE_URL);
const root = fileURLToPath(new URL("..", import.meta.url));
const LEASE_SECONDS = 4;
const MESSAGES = 60;
const HOST = "symposia.example.org";

type Accepted = { sender: string; subject: string; messageId: string };
const accepted: Accepted[] = [];
/** Runs when a message's data has arrived, before the server answers: the test may kill its sender there. */
let onAccepted: ((message: Accepted) => Promise<void>) | undefined;

const server = testSmtpServer({
  onData: onMessage((raw, session, answer) => {
    // Once the data is in, the server has the message: what it answers may never reach a sender that dies now.
    const message = { sender: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", subject: headerOf(raw, "Subject"), messageId: headerOf(raw, "Message-ID") };
    accepted.push(message);
    void (onAccepted?.(message) ?? Promise.resolve()).then(() => {
      // A slow server, so that a sender is killed in the middle of its work rather than after it.
      setTimeout(() => answer(), 30);
    });
  }),
});
// The answer to a killed sender goes to a closed connection.
server.on("error", () => {});

type Sender = { name: string; address: string; child: ChildProcess; output: string[] };
const senders = new Map<string, Sender>();
let smtpUrl = "";

/** Starts a sender process and waits until it takes messages. */
async function startSender(name: string): Promise<Sender> {
  const address = `${name}@example.org`;
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/outbox-sender.ts"], {
    cwd: root,
    env: {
      ...process.env,
      SMTP_URL: smtpUrl,
      EMAIL_FROM: `Sender ${name} <${address}>`,
      APP_URL: `https://${HOST}`,
      OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
      OUTBOX_SEND_TIMEOUT_SECONDS: "2",
      DATABASE_POOL_MAX: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sender = { name, address, child, output: [] as string[] };
  senders.set(name, sender);
  child.stderr!.on("data", (c: Buffer) => sender.output.push(c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      if (c.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`sender ${name} exited (${code}) before it was ready:\n${sender.output.join("")}`)));
  });
  return sender;
}

async function stopSender(sender: Sender, signal: NodeJS.Signals): Promise<void> {
  senders.delete(sender.name);
  if (sender.child.exitCode !== null || sender.child.signalCode !== null) return;
  const exited = once(sender.child, "exit");
  sender.child.kill(signal);
  await exited;
}

const subjectOf = (i: number) => `Message ${i}`;

/** Queues the messages in one transaction, so that the senders see them all at once. Returns their ids by subject. */
async function queue(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (let i = 1; i <= MESSAGES; i++) {
      ids.set(subjectOf(i), await enqueueEmail({ to: `reader${i}@example.org`, subject: subjectOf(i), text: `Body ${i}`, kind: "test" }, tx));
    }
  });
  return ids;
}

async function waitUntilAllSent(): Promise<void> {
  await vi.waitFor(
    async () => {
      const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, "sent"));
      expect(row!.n).toBe(MESSAGES);
    },
    { timeout: 30_000, interval: 100 },
  );
}

/** How many times each subject reached the server. */
function copiesBySubject(): Map<string, Accepted[]> {
  const copies = new Map<string, Accepted[]>();
  for (const m of accepted) copies.set(m.subject, [...(copies.get(m.subject) ?? []), m]);
  return copies;
}

/** Messages a sender holds right now: claimed and within their lease. */
async function held(): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), gt(outbox.nextAttemptAt, sql`now()`)));
  return row!.n;
}

describe.skipIf(!onPostgres)("senders in separate processes (PostgreSQL only: an embedded PGlite database belongs to one process, so two sender processes cannot share it)", () => {
  beforeAll(async () => {
    await resetDatabase();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    await Promise.all([startSender("a"), startSender("b")]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...senders.values()].map((s) => stopSender(s, "SIGTERM")));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeDb();
  });

  beforeEach(async () => {
    accepted.length = 0;
    onAccepted = undefined;
    await db.delete(outbox);
  });

  it("never send one message twice while both live", { timeout: 60_000 }, async () => {
    const ids = await queue();
    await waitUntilAllSent();

    const copies = copiesBySubject();
    expect(copies.size).toBe(MESSAGES);
    for (const [subject, id] of ids) {
      expect(copies.get(subject), subject).toHaveLength(1);
      expect(copies.get(subject)![0]!.messageId).toBe(`<outbox-${id}@${HOST}>`);
    }
    // Both took part: each sent some of the messages.
    const bySender = new Map<string, number>();
    for (const m of accepted) bySender.set(m.sender, (bySender.get(m.sender) ?? 0) + 1);
    expect([...bySender.keys()].sort()).toEqual(["a@example.org", "b@example.org"]);
    const rows = await db.select().from(outbox);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.claimToken === null)).toBe(true);
  });

  it("lose no message when one is killed while sending, and send again only the one it was sending, with the same Message-ID", { timeout: 60_000 }, async () => {
    const ids = await queue();
    let inFlight: Accepted | undefined;
    let heldAtKill = -1;
    // The tenth message either sender delivers: its sender dies after the server has it, before it hears so.
    const delivered = new Map<string, number>();
    onAccepted = async (message) => {
      const n = (delivered.get(message.sender) ?? 0) + 1;
      delivered.set(message.sender, n);
      if (n !== 10 || inFlight) return;
      inFlight = message;
      const victim = [...senders.values()].find((s) => s.address === message.sender)!;
      await stopSender(victim, "SIGKILL");
      heldAtKill = await held();
    };

    await vi.waitFor(() => expect(inFlight).toBeDefined(), { timeout: 20_000, interval: 50 });
    // An instance comes back after the crash and joins the survivor.
    await startSender("c");
    await waitUntilAllSent();

    // The dead sender held back only its message in flight; the survivor held at most the one it was sending.
    expect(heldAtKill).toBeGreaterThanOrEqual(1);
    expect(heldAtKill).toBeLessThanOrEqual(2);

    // Every message reached the server; only the one in flight at the kill did so twice, both times
    // with the Message-ID made from its outbox row.
    const copies = copiesBySubject();
    expect(copies.size).toBe(MESSAGES);
    for (const [subject, id] of ids) {
      const expected = subject === inFlight!.subject ? 2 : 1;
      expect(copies.get(subject), subject).toHaveLength(expected);
      for (const copy of copies.get(subject)!) expect(copy.messageId).toBe(`<outbox-${id}@${HOST}>`);
    }
    const again = copies.get(inFlight!.subject)!;
    expect(again[1]!.sender).not.toBe(inFlight!.sender);

    const rows = await db.select().from(outbox);
    expect(rows.every((r) => r.status === "sent" && r.claimToken === null)).toBe(true);
    // The message in flight was tried again once its lease ran out; the others went out at the first attempt.
    expect(rows.filter((r) => r.attempts !== 1).map((r) => [r.subject, r.attempts])).toEqual([[inFlight!.subject, 2]]);
  });
});
