import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUnsubscribed } from "@/db/queries/unsubscribes";
import { emailUnsubscribes } from "@/db/schema";
import { oneClickUnsubscribeUrl, unsubscribeHeaders, unsubscribePageUrl, unsubscribeToken, verifyUnsubscribeToken } from "@/lib/email/unsubscribe";
import { visibleMessage } from "@/lib/email/visibility";
import { closeDb, db, resetDatabase } from "./support/db";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const OTHER = "another-secret-of-at-least-thirty-two-characters";

beforeAll(resetDatabase);
afterAll(closeDb);

describe("unsubscribe tokens", () => {
  it("name the address they were made for", () => {
    for (const address of ["reader@example.org", "o'brien+events@sub.example.co.uk", "名前@例え.jp"]) {
      expect(verifyUnsubscribeToken(unsubscribeToken(address, SECRET), SECRET)).toBe(address);
    }
  });

  it("refuse a token made with another secret, a changed address or a changed signature", () => {
    const token = unsubscribeToken("reader@example.org", SECRET);
    const [address, mac] = token.split(".") as [string, string];
    expect(verifyUnsubscribeToken(token, OTHER)).toBeNull();
    // Someone else's address with this signature.
    expect(verifyUnsubscribeToken(`${Buffer.from("victim@example.org").toString("base64url")}.${mac}`, SECRET)).toBeNull();
    // One character of the signature changed.
    const flipped = mac.slice(0, -1) + (mac.endsWith("A") ? "B" : "A");
    expect(verifyUnsubscribeToken(`${address}.${flipped}`, SECRET)).toBeNull();
    // Forms that are not a token at all.
    for (const bad of ["", ".", address, `${address}.`, `.${mac}`, `${address}.${mac}.x`, `${address}.${mac.slice(1)}`, `${"a".repeat(500)}.${mac}`, `${address}=.${mac}`]) {
      expect(verifyUnsubscribeToken(bad, SECRET), bad).toBeNull();
    }
  });

  it("give the page and the one-click address, and headers only to messages that carry the link", () => {
    const base = "https://symposia.example.org";
    const token = unsubscribeToken("reader@example.org", SECRET);
    expect(unsubscribePageUrl(base, "reader@example.org", SECRET)).toBe(`${base}/unsubscribe/${token}`);
    expect(oneClickUnsubscribeUrl(base, "reader@example.org", SECRET)).toBe(`${base}/api/unsubscribe/${token}`);
    expect(unsubscribeHeaders("thank_you", "Reader@Example.org", base, SECRET)).toEqual({
      "List-Unsubscribe": `<${base}/api/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(unsubscribeHeaders("registration_confirmed", "reader@example.org", base, SECRET)).toBeUndefined();
    expect(unsubscribeHeaders("sign_in_link", "reader@example.org", base, SECRET)).toBeUndefined();
  });

  it("are hidden from staff in the outbox, as manage links are", () => {
    const link = `https://symposia.example.org/unsubscribe/${unsubscribeToken("reader@example.org", SECRET)}`;
    const shown = visibleMessage({ text: `Unsubscribe:\n${link}\n`, redactedAt: null }, "staff", false);
    expect(shown.text).toBe("Unsubscribe:\n[personal unsubscribe link hidden]\n");
    expect(shown.links).toEqual([]);
    expect(shown.hidden).toEqual(["unsubscribe"]);
    expect(visibleMessage({ text: link, redactedAt: null }, "admin", false).links).toEqual([link]);
  });
});

describe("unsubscribing", () => {
  const page = () => import("@/app/(public)/unsubscribe/[token]/actions");
  const route = () => import("@/app/api/unsubscribe/[token]/route");
  const notFound = { digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) };
  const form = (token: string) => {
    const data = new FormData();
    data.set("token", token);
    return data;
  };
  const post = (token: string, body?: string) =>
    new NextRequest(`http://localhost:3000/api/unsubscribe/${token}`, {
      method: "POST",
      body,
      headers: body ? { "content-type": "application/x-www-form-urlencoded" } : undefined,
    });

  it("records the address from the page's button, once however often it is pressed, and shows the result", async () => {
    const { confirmUnsubscribe } = await page();
    const token = unsubscribeToken("button@example.org");
    expect(await isUnsubscribed("button@example.org")).toBe(false);
    for (let i = 0; i < 2; i++) {
      await expect(confirmUnsubscribe(form(token))).rejects.toMatchObject({ digest: expect.stringContaining(`;/unsubscribe/${token}?done=1;`) });
    }
    expect(await db.select().from(emailUnsubscribes).where(eq(emailUnsubscribes.emailNormalized, "button@example.org"))).toHaveLength(1);
  });

  it("refuses a forged token from the page with not found, recording nothing", async () => {
    const { confirmUnsubscribe } = await page();
    const forged = unsubscribeToken("forged@example.org", OTHER);
    await expect(confirmUnsubscribe(form(forged))).rejects.toMatchObject(notFound);
    await expect(confirmUnsubscribe(form(""))).rejects.toMatchObject(notFound);
    expect(await isUnsubscribed("forged@example.org")).toBe(false);
  });

  it("takes a one-click post (RFC 8058) with its body, and nothing else", async () => {
    const { POST } = await route();
    const token = unsubscribeToken("oneclick@example.org");
    const ctx = { params: Promise.resolve({ token }) };
    expect((await POST(post(token), ctx)).status).toBe(400);
    expect((await POST(post(token, "List-Unsubscribe=Other"), ctx)).status).toBe(400);
    expect(await isUnsubscribed("oneclick@example.org")).toBe(false);
    const done = await POST(post(token, "List-Unsubscribe=One-Click"), ctx);
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/^Unsubscribed/);
    expect(await isUnsubscribed("oneclick@example.org")).toBe(true);
    // Again: the same answer.
    expect((await POST(post(token, "List-Unsubscribe=One-Click"), ctx)).status).toBe(200);

    const forged = unsubscribeToken("oneclick-forged@example.org", OTHER);
    expect((await POST(post(forged, "List-Unsubscribe=One-Click"), { params: Promise.resolve({ token: forged }) })).status).toBe(404);
    expect(await isUnsubscribed("oneclick-forged@example.org")).toBe(false);
  });

  it("sends a browser that opens the one-click address to the page that asks, changing nothing", async () => {
    const { GET } = await route();
    const token = unsubscribeToken("opened@example.org");
    const response = await GET(new NextRequest(`http://evil.example/api/unsubscribe/${token}`), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(new RegExp(`^http://localhost:\\d+/unsubscribe/${token.replace(/[.]/g, "\\.")}$`));
    expect(await isUnsubscribed("opened@example.org")).toBe(false);
    expect((await GET(new NextRequest("http://localhost:3000/api/unsubscribe/x"), { params: Promise.resolve({ token: "x" }) })).status).toBe(404);
  });
});
