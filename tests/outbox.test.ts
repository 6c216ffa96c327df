import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDueMessages, enqueueEmail, MAX_ATTEMPTS, markFailed, markSent, retryMessage } from "@/db/queries/outbox";
import { outbox } from "@/db/schema";
import { validateEmailMessage } from "@/lib/email/message";
import { linksIn } from "@/lib/email/visibility";
import { closeDb, db, resetDatabase } from "./support/db";

beforeAll(resetDatabase);
afterAll(closeDb);

const message = { to: "someone@example.org", subject: "Hello", text: "Body", kind: "test" };

describe("message validation", () => {
  it.each([
    ["a line break in the subject", { subject: "Hi\r\nBcc: victim@example.org" }],
    ["a line break in the recipient", { to: "a@example.org\r\nBcc: b@example.org" }],
    ["several recipients in one field", { to: "a@example.org, b@example.org" }],
    ["a display name with brackets", { to: "Eve <eve@example.org>" }],
    ["a recipient that is not an address", { to: "not an address" }],
    ["an attachment name with a line break", { attachments: [{ filename: "a\n.ics", contentType: "text/calendar", content: "" }] }],
  ])("refuses %s", (_, change) => {
    expect(() => validateEmailMessage({ ...message, ...change })).toThrow(/Refused email/);
  });

  it("accepts a plain message", () => {
    expect(validateEmailMessage(message).to).toBe("someone@example.org");
  });
});

describe("outbox queue", () => {
  it("hands each due message to one sender only", async () => {
    const ids = await Promise.all([1, 2, 3].map((i) => enqueueEmail({ ...message, subject: `Message ${i}` })));
    const [first, second] = await Promise.all([claimDueMessages(2), claimDueMessages(2)]);
    const claimed = [...first!, ...second!].map((m) => m.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    // Claimed messages are leased: nobody else gets them straight away.
    expect(await claimDueMessages(10)).toEqual([]);
    const tokens = [...first!, ...second!].map((m) => m.claimToken);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("lets only the sender that still holds a message record its outcome", async () => {
    await db.delete(outbox);
    const id = await enqueueEmail(message);
    const start = new Date(Date.now() + 1000);
    const [slow] = await claimDueMessages(1, start, 60);
    expect(slow).toMatchObject({ id, attempts: 1 });
    expect(slow!.nextAttemptAt.getTime()).toBe(start.getTime() + 60_000);
    // Within the lease nobody else gets it; past it, another sender does, with a claim of its own.
    expect(await claimDueMessages(1, new Date(start.getTime() + 59_000), 60)).toEqual([]);
    const [next] = await claimDueMessages(1, new Date(start.getTime() + 60_001), 60);
    expect(next).toMatchObject({ id, attempts: 2 });
    expect(next!.claimToken).not.toBe(slow!.claimToken);

    // The first sender's late outcome changes nothing: the message is the second sender's.
    expect(await markSent(slow!)).toBe(false);
    expect(await markFailed(slow!, "too late")).toBe(false);
    const [held] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(held).toMatchObject({ status: "pending", claimToken: next!.claimToken, lastError: null });

    expect(await markSent(next!)).toBe(true);
    const [sent] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(sent).toMatchObject({ status: "sent", claimToken: null });
    // Recorded once.
    expect(await markSent(next!)).toBe(false);
    expect(await markFailed(next!, "late failure")).toBe(false);
    expect((await db.select().from(outbox).where(eq(outbox.id, id)))[0]).toMatchObject({ status: "sent", lastError: null });
  });

  it("retries with growing delays, then gives up and can be retried by hand", async () => {
    await db.delete(outbox);
    const id = await enqueueEmail(message);
    // A second ahead: the database stamps the message in microseconds, later within the same millisecond.
    let now = new Date(Date.now() + 1000);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [claimed] = await claimDueMessages(1, now);
      expect(claimed?.attempts).toBe(attempt);
      await markFailed(claimed!, "connection refused", now);
      const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
      delays.push(row!.nextAttemptAt.getTime() - now.getTime());
      now = new Date(row!.nextAttemptAt.getTime() + 1);
    }
    expect(delays.slice(0, 3)).toEqual([30_000, 60_000, 120_000]);
    const [gaveUp] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(gaveUp).toMatchObject({ status: "failed", lastError: "connection refused", attempts: MAX_ATTEMPTS });
    expect(await claimDueMessages(1, new Date(now.getTime() + 86_400_000))).toEqual([]);

    expect(await retryMessage(id)).toBe(true);
    const [again] = await claimDueMessages(1, new Date(Date.now() + 1000));
    expect(again?.id).toBe(id);
    expect(await markSent(again!)).toBe(true);
    const [sent] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(sent).toMatchObject({ status: "sent", lastError: null });
    expect(await retryMessage(id)).toBe(false);
  });
});

describe("who may read a message body", () => {
  it("finds the links in a text body", () => {
    expect(linksIn("Go to https://a.example/x?y=1 now.\nOr http://b.example/ or https://a.example/x?y=1")).toEqual([
      "https://a.example/x?y=1",
      "http://b.example/",
    ]);
  });
});
