import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "./support/session";
import { onMessage, testSmtpServer } from "./support/smtp-server";

// The outbox sends over a real SMTP conversation with a server started here. Everything that reads
// the environment is imported after SMTP_URL points at it (lib/env.ts reads the environment once).


type Received = { from: string | undefined; to: string[]; raw: string };

const mailbox: Received[] = [];
const refuse = { rcpt: 0, data: 0 };
// A server that takes the data and then says nothing: the sender must give up at its deadline.
const stall = { data: 0, closed: 0, waiting: [] as (() => void)[] };

const server = testSmtpServer({
  onRcptTo(_address, _session, callback) {
    if (refuse.rcpt > 0) {
      refuse.rcpt--;
      return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    }
    callback();
  },
  onClose() {
    stall.closed++;
  },
  onData: onMessage((raw, smtpSession, callback) => {
    if (stall.data > 0) {
      stall.data--;
      stall.waiting.push(() => callback(Object.assign(new Error("Too late"), { responseCode: 451 })));
      return;
    }
    if (refuse.data > 0) {
      refuse.data--;
      return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
    }
    mailbox.push({
      from: smtpSession.envelope.mailFrom ? smtpSession.envelope.mailFrom.address : undefined,
      to: smtpSession.envelope.rcptTo.map((r) => r.address),
      raw,
    });
    callback();
  }),
});

/** The message's headers (unfolded) and its text part, decoded from quoted-printable. */
function parse(raw: string) {
  const [head, ...rest] = raw.split("\r\n\r\n");
  const headers = head!.replace(/\r\n[ \t]+/g, " ").split("\r\n");
  const body = rest
    .join("\r\n\r\n")
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { headers, body: Buffer.from(body, "latin1").toString("utf8") };
}
const header = (headers: string[], name: string) => headers.filter((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`));

let app: {
  db: typeof import("@/db").db;
  schema: typeof import("@/db/schema");
  outbox: typeof import("@/db/queries/outbox");
  sender: typeof import("@/lib/email/sender");
  env: typeof import("@/lib/env");
  support: typeof import("./support/db");
};

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.EMAIL_FROM = "Symposia <no-reply@example.org>";
  process.env.OUTBOX_SEND_TIMEOUT_SECONDS = "2";
  vi.resetModules();
  const [db, schema, outbox, sender, env, support] = await Promise.all([
    import("@/db"),
    import("@/db/schema"),
    import("@/db/queries/outbox"),
    import("@/lib/email/sender"),
    import("@/lib/env"),
    import("./support/db"),
  ]);
  app = { db: db.db, schema, outbox, sender, env, support };
  await support.resetWithDemo();
});

afterAll(async () => {
  for (const answer of stall.waiting) answer();
  await app?.support.closeDb();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  mailbox.length = 0;
  refuse.rcpt = 0;
  refuse.data = 0;
  // Only this test's messages: the demo's own are out of the way.
  await app.db.update(app.schema.outbox).set({ status: "sent" }).where(eq(app.schema.outbox.status, "pending"));
});

const rowOf = async (id: string) => (await app.db.select().from(app.schema.outbox).where(eq(app.schema.outbox.id, id)))[0]!;

/** What the sender's backoff would wait for, passed at once. */
const makeDue = (id: string) =>
  app.db.update(app.schema.outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(app.schema.outbox.id, id));

describe("delivery over SMTP", () => {
  it("delivers a queued message with its recipient, subject and link", async () => {
    const link = "http://localhost:3000/api/auth/callback/nodemailer?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fme&token=abc123&email=reader%40example.org";
    const id = await app.outbox.enqueueEmail({ to: "Reader@Example.org", subject: "Your sign-in link for Symposia", text: `Sign in:\n\n${link}\n`, kind: "sign_in_link" });

    expect(await app.sender.deliverDue()).toEqual({ sent: 1, failed: 0 });

    expect(mailbox).toHaveLength(1);
    const [mail] = mailbox;
    expect(mail!.to).toEqual(["reader@example.org"]);
    expect(mail!.from).toBe("no-reply@example.org");
    const { headers, body } = parse(mail!.raw);
    expect(header(headers, "Subject")).toEqual(["Subject: Your sign-in link for Symposia"]);
    expect(header(headers, "To")).toEqual(["To: reader@example.org"]);
    // The same at every attempt, so that a message delivered twice is recognisably one.
    expect(header(headers, "Message-ID")).toEqual([`Message-ID: <outbox-${id}@localhost>`]);
    expect(body).toContain(link);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("gives a thank-you message the List-Unsubscribe headers of its recipient (RFC 8058), and other messages none", async () => {
    const { oneClickUnsubscribeUrl } = await import("@/lib/email/unsubscribe");
    await app.outbox.enqueueEmail({ to: "Thanked@Example.org", subject: "Thank you", text: "Thanks.", kind: "thank_you" });
    await app.outbox.enqueueEmail({ to: "registered@example.org", subject: "Registration confirmed", text: "Confirmed.", kind: "registration_confirmed" });
    expect(await app.sender.deliverDue()).toEqual({ sent: 2, failed: 0 });
    const thanked = parse(mailbox.find((m) => m.to[0] === "thanked@example.org")!.raw).headers;
    expect(header(thanked, "List-Unsubscribe")).toEqual([`List-Unsubscribe: <${oneClickUnsubscribeUrl(app.env.appUrl(), "thanked@example.org")}>`]);
    expect(header(thanked, "List-Unsubscribe-Post")).toEqual(["List-Unsubscribe-Post: List-Unsubscribe=One-Click"]);
    const registered = parse(mailbox.find((m) => m.to[0] === "registered@example.org")!.raw).headers;
    expect(header(registered, "List-Unsubscribe")).toEqual([]);
  });

  it("records a refused delivery, retries it later, and then delivers it", async () => {
    refuse.rcpt = 1;
    const id = await app.outbox.enqueueEmail({ to: "later@example.org", subject: "Retry me", text: "Hello", kind: "test" });
    const before = Date.now();

    expect(await app.sender.deliverDue()).toEqual({ sent: 0, failed: 1 });
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.lastError).toMatch(/550/);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 30_000 - 1000);
    expect(mailbox).toHaveLength(0);

    // Not before its time.
    expect(await app.sender.deliverDue()).toEqual({ sent: 0, failed: 0 });

    await makeDue(id);
    expect(await app.sender.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(mailbox.map((m) => m.to)).toEqual([["later@example.org"]]);
  });

  it("retries a message the server turned away after the data as well", async () => {
    refuse.data = 1;
    const id = await app.outbox.enqueueEmail({ to: "data@example.org", subject: "Data refused once", text: "Hello", kind: "test" });
    expect(await app.sender.deliverDue()).toEqual({ sent: 0, failed: 1 });
    expect((await rowOf(id)).lastError).toMatch(/451/);
    await makeDue(id);
    expect(await app.sender.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("cuts a delivery the server does not answer at OUTBOX_SEND_TIMEOUT_SECONDS, well inside its lease, and retries it", async () => {
    stall.data = 1;
    const closedBefore = stall.closed;
    const id = await app.outbox.enqueueEmail({ to: "stalled@example.org", subject: "No answer", text: "Hello", kind: "test" });
    const started = Date.now();
    expect(await app.sender.deliverDue()).toEqual({ sent: 0, failed: 1 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1900);
    expect(took).toBeLessThan(app.env.env().OUTBOX_LEASE_SECONDS * 1000);
    // The sender closed its connection: nothing more of this attempt can reach the server.
    await vi.waitFor(() => expect(stall.closed).toBeGreaterThan(closedBefore));
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, claimToken: null });
    expect(row.lastError).toMatch(/OUTBOX_SEND_TIMEOUT_SECONDS/);
    expect(mailbox).toHaveLength(0);

    await makeDue(id);
    expect(await app.sender.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2 });
  });
});

/** The attachments of a raw MIME message: each part with a file name, its body decoded from base64. */
function attachmentsOf(raw: string): { filename: string; contentType: string; content: Buffer }[] {
  return raw
    .split(/\r\n--[^\r\n]+/)
    .map((part) => {
      const [head, ...rest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
      const headers = head!.replace(/\r\n[ \t]+/g, " ");
      const filename = /filename="?([^";\r\n]+)"?/.exec(headers)?.[1];
      if (!filename) return null;
      return { filename, contentType: /Content-Type: ([^;\r\n]+)/i.exec(headers)![1]!, content: Buffer.from(rest.join("").replace(/\s+/g, ""), "base64") };
    })
    .filter((a) => a != null);
}

describe("registration emails, made when sent", () => {
  it("delivers a confirmation queued with recipes with its QR code and calendar file, and the text queued", async () => {
    const { db, schema } = app;
    const registration = await import("@/lib/registration/seats");
    const [event] = await db.select().from(schema.events).where(eq(schema.events.slug, "wps-innovation-5-geneva"));
    await db.update(schema.events).set({ capacity: null }).where(eq(schema.events.id, event!.id));
    const email = "deferred@example.org";
    const result = await registration.registerForEvent(
      { eventId: event!.id, name: "Dana Deferred", email, organization: null, category: event!.registrationCategories[0] ?? null, idempotencyKey: crypto.randomUUID() },
      { kind: "staff", userId: (await db.select().from(schema.users).where(eq(schema.users.email, "staff@example.org")))[0]!.id, client: null },
    );
    if (result.outcome !== "created") throw new Error(`not created: ${result.outcome}`);
    const [queued] = await db.select().from(schema.outbox).where(eq(schema.outbox.to, email));
    expect(queued!.attachments).toEqual([
      expect.objectContaining({ filename: `${event!.slug}.ics`, content: "", source: { kind: "calendar", eventId: event!.id } }),
      expect.objectContaining({ filename: "check-in-code.png", content: "", source: { kind: "check_in_qr", code: result.registration.checkInCode } }),
    ]);

    // registerForEvent asks for a delivery round itself; this one picks up whatever that one did not.
    await app.sender.deliverDue();
    await vi.waitFor(async () => expect((await rowOf(queued!.id)).status).toBe("sent"));
    const mail = mailbox.find((m) => m.to.includes(email));
    const { body } = parse(mail!.raw);
    for (const line of queued!.text.split("\n").filter((l) => l.trim())) expect(body).toContain(line);
    const files = attachmentsOf(mail!.raw);
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      [`${event!.slug}.ics`, "text/calendar"],
      ["check-in-code.png", "image/png"],
    ]);
    const { calendarAttachment, checkInQrPng } = await import("@/lib/email/attachments");
    const { getEventCalendarSource } = await import("@/db/queries/public");
    const { appUrl } = await import("@/lib/env");
    // The same files a message made at once would carry.
    expect(files[0]!.content.toString("utf8")).toBe(Buffer.from(calendarAttachment((await getEventCalendarSource(event!.id))!, appUrl()).content, "base64").toString("utf8"));
    expect(files[0]!.content.toString("utf8")).toContain("BEGIN:VEVENT");
    expect(files[1]!.content.equals(await checkInQrPng(result.registration.checkInCode))).toBe(true);
  });
});

describe("header injection", () => {
  it.each([
    ["a line break in the subject", { subject: "Hello\r\nBcc: victim@example.org" }],
    ["a line break in the recipient", { to: "a@example.org\nBcc: victim@example.org" }],
    ["several addresses in one field", { to: "a@example.org, victim@example.org" }],
    ["addresses separated by a semicolon", { to: "a@example.org;victim@example.org" }],
  ])("refuses %s at enqueue", async (_, change) => {
    await expect(app.outbox.enqueueEmail({ to: "a@example.org", subject: "Hello", text: "Body", kind: "test", ...change })).rejects.toThrow(/Refused email/);
  });

  it("keeps line breaks in a person's name and an event title out of the invitation's headers", async () => {
    const { db, schema } = app;
    const [staff] = await db.select().from(schema.users).where(eq(schema.users.email, "staff@example.org"));
    session.current = { user: { id: staff!.id }, sessionVersion: staff!.sessionVersion, expires: new Date(Date.now() + 3600_000).toISOString() };
    const [event] = await db
      .update(schema.events)
      .set({ title: "Technology\r\nBcc: victim@example.org" })
      .where(eq(schema.events.slug, "wps-innovation-5-geneva"))
      .returning();
    const [person] = await db
      .insert(schema.people)
      .values({ slug: "eve-injection", givenName: "Eve\r\nBcc: victim@example.org", familyName: "Mallory\nX-Evil: 1", email: "eve@example.org" })
      .returning();
    const [participant] = await db
      .insert(schema.eventParticipants)
      .values({ eventId: event!.id, personId: person!.id, role: "panelist", sortOrder: 9 })
      .returning();

    const { inviteParticipant } = await import("@/app/(staff)/admin/events/[id]/participants/actions");
    const result = await inviteParticipant({ id: participant!.id });
    expect(result).toMatchObject({ ok: true });

    const [queued] = await db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.to, "eve@example.org"), eq(schema.outbox.status, "pending")));
    expect(queued!.subject).toBe("Invitation: Technology Bcc: victim@example.org");
    expect(queued!.subject).not.toMatch(/[\r\n]/);

    // The action asks for a delivery round itself; this one picks up whatever that one did not.
    await app.sender.deliverDue();
    await vi.waitFor(async () => expect((await rowOf(queued!.id)).status).toBe("sent"));
    const mail = mailbox.find((m) => m.to.includes("eve@example.org"));
    expect(mail?.to).toEqual(["eve@example.org"]);
    expect(mailbox.flatMap((m) => m.to)).not.toContain("victim@example.org");
    const { headers, body } = parse(mail!.raw);
    expect(header(headers, "Bcc")).toEqual([]);
    expect(header(headers, "X-Evil")).toEqual([]);
    expect(header(headers, "Subject")).toHaveLength(1);
    expect(body).toContain("Dear Eve Bcc: victim@example.org Mallory X-Evil: 1,");
    expect(body).toMatch(/\/api\/auth\/callback\/nodemailer\?callbackUrl=[^\s]*%2Fme%2Finvitations%2F/);
    session.current = null;
  });
});

describe("delivery over TLS", () => {
  // The sender opens each connection itself (to close it at the deadline); TLS must still run over it.
  it.each([
    ["smtps (TLS from the start)", true, "smtps"],
    ["STARTTLS", false, "smtp"],
  ])("delivers over %s", async (_, secure, scheme) => {
    const received: { secure: boolean; messageId: string }[] = [];
    const tlsServer = testSmtpServer({
      secure,
      disabledCommands: ["AUTH"],
      onData: onMessage((raw, smtpSession, callback) => {
        received.push({ secure: smtpSession.secure, messageId: header(parse(raw).headers, "Message-ID")[0] ?? "" });
        callback();
      }),
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
    const saved = process.env.SMTP_URL;
    try {
      // The test server's own certificate is self-signed.
      process.env.SMTP_URL = `${scheme}://127.0.0.1:${(tlsServer.server.address() as AddressInfo).port}/?tls.rejectUnauthorized=false`;
      vi.resetModules();
      const [outbox, sender] = await Promise.all([import("@/db/queries/outbox"), import("@/lib/email/sender")]);
      const id = await outbox.enqueueEmail({ to: "secure@example.org", subject: "Over TLS", text: "Hello", kind: "test" });
      expect(await sender.deliverDue()).toEqual({ sent: 1, failed: 0 });
      expect(received).toEqual([{ secure: true, messageId: `Message-ID: <outbox-${id}@localhost>` }]);
    } finally {
      process.env.SMTP_URL = saved;
      vi.resetModules();
      await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    }
  });
});
