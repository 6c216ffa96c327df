import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail, redactDeliveredMessages } from "@/db/queries/outbox";
import { outbox, type Role } from "@/db/schema";
import { invitationEmail } from "@/lib/email/panelist-emails";
import { OUTBOX_STATUS_LABEL } from "@/lib/email/status";
import { REDACTED_TEXT, secretLinkKind, visibleMessage } from "@/lib/email/visibility";
import { closeDb, db, resetDatabase } from "./support/db";

beforeAll(resetDatabase);
afterAll(closeDb);

const BASE = "https://symposia.example.org";
const SIGN_IN = `${BASE}/api/auth/callback/nodemailer?callbackUrl=%2Fme&token=abc123&email=p%40example.org`;
const MANAGE = `${BASE}/registrations/Zt7Qh0secretToken`;

const invitation = invitationEmail({
  to: "p@example.org",
  organization: "The Mission",
  personName: "Ms. Sima Bahous",
  eventTitle: "WPS + Innovation",
  seriesLine: null,
  when: "March 18, 2024",
  venue: null,
  role: "panelist",
  positionAtEvent: null,
  signInUrl: SIGN_IN,
  linkMinutes: 60 * 24,
  loginUrl: `${BASE}/login`,
});
const confirmation = `Your registration is confirmed.\n\nThe event's page: ${BASE}/events/wps-5\n\nTo cancel, open your personal link:\n${MANAGE}\n`;

const view = (text: string, role: Role, smtp: boolean) => visibleMessage({ text, redactedAt: null }, role, smtp);

describe("links that are credentials", () => {
  it.each([
    [SIGN_IN, "sign_in"],
    [MANAGE, "manage"],
    [`${BASE}/registrations/abc/cancel`, "manage"],
    [`${BASE}/events/wps-5`, null],
    [`${BASE}/login`, null],
    [`${BASE}/registrations`, null],
    ["not a url", null],
  ])("%s is %s", (href, kind) => {
    expect(secretLinkKind(href)).toBe(kind);
  });
});

describe("who reads what in the outbox", () => {
  it("staff read an invitation without its sign-in link", () => {
    const seen = view(invitation.text, "staff", false);
    expect(seen.text).not.toContain("token=abc123");
    expect(seen.text).toContain("[sign-in link hidden]");
    expect(seen.text).toContain("invites you to take part");
    expect(seen.links).toEqual([`${BASE}/login`]);
    expect(seen.hidden).toEqual(["sign_in"]);
  });

  it("staff read a registration email without its manage link, other links intact", () => {
    const seen = view(confirmation, "staff", false);
    expect(seen.text).not.toContain("Zt7Qh0secretToken");
    expect(seen.text).toContain("[personal manage link hidden]");
    expect(seen.links).toEqual([`${BASE}/events/wps-5`]);
    expect(seen.hidden).toEqual(["manage"]);
  });

  it("an admin reads every link while the outbox is the mailbox", () => {
    for (const text of [invitation.text, confirmation]) {
      const seen = view(text, "admin", false);
      expect(seen.text).toBe(text);
      expect(seen.hidden).toEqual([]);
    }
    expect(view(confirmation, "admin", false).links).toContain(MANAGE);
  });

  it("nobody reads credentials once a mail server delivers them", () => {
    for (const role of ["admin", "staff"] as const) {
      expect(view(invitation.text, role, true).text).not.toContain("token=abc123");
      expect(view(confirmation, role, true).links).not.toContain(MANAGE);
    }
  });

  it("a removed body is shown as removed, to everyone", () => {
    expect(visibleMessage({ text: REDACTED_TEXT, redactedAt: new Date() }, "admin", false)).toEqual({ text: null, links: [], hidden: [] });
  });

  it("uses one word per state", () => {
    expect(OUTBOX_STATUS_LABEL).toEqual({ pending: "Waiting", sent: "Sent", failed: "Failed" });
  });
});

describe("delivered bodies are removed after the retention period", () => {
  const DAY = 86_400_000;
  const now = new Date("2026-06-30T12:00:00Z");
  let ids: Record<string, string>;

  beforeEach(async () => {
    await db.delete(outbox);
    const send = async (label: string, sentDaysAgo: number | null) => {
      const id = await enqueueEmail({
        to: "r@example.org",
        subject: label,
        text: confirmation,
        html: `<a href="${MANAGE}">manage</a>`,
        kind: "registration_confirmed",
        attachments: [{ filename: "event.ics", contentType: "text/calendar", content: "QkVHSU4=" }],
      });
      if (sentDaysAgo !== null) await db.update(outbox).set({ status: "sent", sentAt: new Date(now.getTime() - sentDaysAgo * DAY) }).where(eq(outbox.id, id));
      return id;
    };
    ids = { old: await send("old", 31), recent: await send("recent", 29), waiting: await send("waiting", null) };
  });

  const row = async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

  it("removes text, HTML and attachments of messages delivered longer ago, keeps the record", async () => {
    expect(await redactDeliveredMessages(30, now)).toBe(1);
    const old = await row(ids.old!);
    expect(old).toMatchObject({ text: REDACTED_TEXT, html: null, attachments: [], status: "sent", subject: "old", to: "r@example.org" });
    expect(old.redactedAt).toEqual(now);
    expect(JSON.stringify(old)).not.toContain("Zt7Qh0secretToken");
    // Not yet due, and never delivered: untouched.
    for (const id of [ids.recent!, ids.waiting!]) expect((await row(id)).text).toBe(confirmation);
  });

  it("is idempotent, and instances running it at once remove each body once", async () => {
    const counts = await Promise.all([redactDeliveredMessages(30, now), redactDeliveredMessages(30, now), redactDeliveredMessages(30, now)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const first = (await row(ids.old!)).redactedAt;
    expect(await redactDeliveredMessages(30, new Date(now.getTime() + DAY))).toBe(0);
    expect((await row(ids.old!)).redactedAt).toEqual(first);
  });

  it("follows the configured period, in batches", async () => {
    expect(await redactDeliveredMessages(7, now, 1)).toBe(2);
    expect((await row(ids.recent!)).text).toBe(REDACTED_TEXT);
    expect((await row(ids.waiting!)).text).toBe(confirmation);
  });
});
