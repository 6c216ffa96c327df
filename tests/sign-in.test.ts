import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { register } from "@/app/(public)/events/[slug]/actions";
import { requestSignInLink, signInWithPassword, signOutAction } from "@/app/(auth)/actions";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { outbox, rateLimits, users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed";
import { getCurrentUser } from "@/lib/auth";
import { applyClientAddress, CLIENT_ADDRESS_HEADER } from "@/lib/client-address.mjs";
import { appUrl } from "@/lib/env";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";
import { formData as form } from "./support/form-data";

/*
 * The request the app sees is what the server entry (scripts/server.mjs) hands on: applyClientAddress
 * on a connection from `socket` with whatever headers the client sent. Server Actions read it through
 * next/headers, which has no request outside Next.js, so it is given here.
 */
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  headers: async () => request.headers,
}));

function fromClient(socket: string, sent: Record<string, string> = {}): Headers {
  const incoming = { socket: { remoteAddress: socket }, headers: { ...sent } as Record<string, string | string[] | undefined> };
  applyClientAddress(incoming, 0);
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(key, value);
  return headers;
}

const ORIGIN = "http://localhost:3000";

async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("authjs.csrf-token="))!;
  return { token: csrfToken, cookie: cookie.split(";")[0]! };
}

/** Posts to an Auth.js endpoint as a browser would, with a valid CSRF token. */
async function postToAuth(path: string, fields: Record<string, string>, headers: Headers = new Headers()) {
  const { token, cookie } = await csrf();
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.set("cookie", cookie);
  return POST(new NextRequest(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams({ ...fields, csrfToken: token }) }));
}

const linkEmailsTo = (email: string) =>
  db.select().from(outbox).where(and(eq(outbox.to, email), eq(outbox.kind, "sign_in_link")));

beforeAll(() => resetWithDemo());
afterAll(closeDb);
beforeEach(async () => {
  await db.delete(rateLimits);
  request.headers = fromClient("203.0.113.10");
});

describe("Auth.js's own link endpoint, POST /api/auth/signin/nodemailer", () => {
  it("writes links from the configured origin, whatever Host or X-Forwarded-Host the client sends", async () => {
    const headers = fromClient("203.0.113.20", { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    const res = await postToAuth("/api/auth/signin/nodemailer", { email: DEMO_ACCOUNTS.panelist, callbackUrl: "/me" }, headers);
    expect(res.status).toBe(302);
    const [mail] = await linkEmailsTo(DEMO_ACCOUNTS.panelist);
    expect(mail, "a sign-in email to the panelist").toBeTruthy();
    expect(appUrl()).toBe(ORIGIN);
    const link = /https?:\/\/\S+/.exec(mail!.text)![0];
    expect(new URL(link).origin).toBe(ORIGIN);
    expect(mail!.text).not.toContain("evil.example");
    expect(mail!.html ?? "").not.toContain("evil.example");
    expect(new URL(link).searchParams.get("callbackUrl")).toBe(`${ORIGIN}/login/continue?next=%2Fme`);
  });

  it("answers an unknown address exactly as a known one, and mails only the known one", async () => {
    const unknown = `nobody-${randomUUID()}@example.org`;
    const before = (await linkEmailsTo(DEMO_ACCOUNTS.staff)).length;
    const forKnown = await postToAuth("/api/auth/signin/nodemailer", { email: DEMO_ACCOUNTS.staff });
    const forUnknown = await postToAuth("/api/auth/signin/nodemailer", { email: unknown });
    expect([forUnknown.status, forUnknown.headers.get("location")]).toEqual([forKnown.status, forKnown.headers.get("location")]);
    expect(forKnown.headers.get("location")).toBe(`${ORIGIN}/login/check-email`);
    expect(await linkEmailsTo(unknown)).toEqual([]);
    expect((await linkEmailsTo(DEMO_ACCOUNTS.staff)).length).toBe(before + 1);
  });

  it("refuses a request without Auth.js's CSRF token", async () => {
    const res = await POST(
      new NextRequest(`${ORIGIN}/api/auth/signin/nodemailer`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: DEMO_ACCOUNTS.admin }),
      }),
    );
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login?error=MissingCSRF`);
    expect(await linkEmailsTo(DEMO_ACCOUNTS.admin)).toEqual([]);
  });

  it("keeps the form's limits: five links per address, whichever way they are asked for", async () => {
    const email = DEMO_ACCOUNTS.panelist;
    const before = (await linkEmailsTo(email)).length;
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) answers.push((await postToAuth("/api/auth/signin/nodemailer", { email })).headers.get("location")!);
    for (let i = 0; i < 2; i++) expect((await requestSignInLink(undefined, form({ email }))).sentTo).toBe(email);
    answers.push((await postToAuth("/api/auth/signin/nodemailer", { email })).headers.get("location")!);
    expect(await requestSignInLink(undefined, form({ email }))).toMatchObject({ message: expect.stringMatching(/Too many attempts/), email });
    expect(answers).toEqual([...Array(3).fill(`${ORIGIN}/login/check-email`), `${ORIGIN}/login?error=RateLimited`]);
    expect((await linkEmailsTo(email)).length).toBe(before + 5);
  });

  it("limits one client across addresses, whatever X-Forwarded-For it sends", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 31; i++) {
      const headers = fromClient("198.51.100.7", { "x-forwarded-for": `10.0.${i}.1`, [CLIENT_ADDRESS_HEADER]: `192.0.2.${i}` });
      const res = await postToAuth("/api/auth/signin/nodemailer", { email: `someone-${i}-${randomUUID()}@example.org` }, headers);
      answers.push(res.headers.get("location")!);
    }
    expect(answers.slice(0, 30).every((a) => a.endsWith("/login/check-email"))).toBe(true);
    expect(answers[30]).toBe(`${ORIGIN}/login?error=RateLimited`);
  });
});

describe("password sign-in limits", () => {
  const signInByPassword = (email: string, password: string) =>
    postToAuth("/api/auth/callback/credentials", { email, password, callbackUrl: "/login/continue" }, fromClient("203.0.113.30"));
  const signedIn = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));

  it("still signs the admin in with the right password while the link requests for the address are used up", async () => {
    for (let i = 0; i < 5; i++) await requestSignInLink(undefined, form({ email: DEMO_ACCOUNTS.admin }));
    expect((await requestSignInLink(undefined, form({ email: DEMO_ACCOUNTS.admin }))).message).toMatch(/Too many attempts/);
    expect(signedIn(await signInByPassword(DEMO_ACCOUNTS.admin, DEMO_PASSWORD))).toBe(true);
  });

  it("counts failures, not successful sign-ins", async () => {
    for (let i = 0; i < 12; i++) expect(signedIn(await signInByPassword(DEMO_ACCOUNTS.staff, DEMO_PASSWORD)), `sign-in ${i + 1}`).toBe(true);
  });

  it("refuses even the right password once ten have failed", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await signInByPassword(DEMO_ACCOUNTS.admin, "not-the-password");
      expect(res.headers.get("location")).toMatch(/error=CredentialsSignin&code=credentials/);
    }
    const res = await signInByPassword(DEMO_ACCOUNTS.admin, DEMO_PASSWORD);
    expect(signedIn(res)).toBe(false);
    expect(res.headers.get("location")).toMatch(/code=rate_limited/);
  });
});

describe("the sign-in forms' actions", () => {
  // (A wrong password needs Auth.js's sign-in, which these tests leave out: e2e/sign-in-forms.spec.ts.)
  it("hand back the address typed, never the password, with the messages beside the fields", async () => {
    const invalid = await signInWithPassword(undefined, form({ email: "not-an-address", password: "x".repeat(201) }));
    expect(invalid).toMatchObject({ email: "not-an-address", fieldErrors: { email: [expect.any(String)], password: [expect.any(String)] } });
    expect(JSON.stringify(invalid)).not.toContain("x".repeat(201));
  });

  it("answer a link request the same for an unknown address and an account", async () => {
    const unknown = `nobody-${randomUUID()}@example.org`;
    const a = await requestSignInLink(undefined, form({ email: unknown }));
    const b = await requestSignInLink(undefined, form({ email: DEMO_ACCOUNTS.staff }));
    expect({ ...a, email: "x", sentTo: "x" }).toEqual({ ...b, email: "x", sentTo: "x" });
    expect(a.sentTo).toBe(unknown);
  });
});

describe("client addresses", () => {
  it("make more registrations than the limit from one client hit it, whatever X-Forwarded-For says", async () => {
    let refusedAt = 0;
    for (let i = 1; i <= 200 && !refusedAt; i++) {
      request.headers = fromClient("203.0.113.77", { "x-forwarded-for": `198.18.${i % 250}.${i % 200}` });
      const result = await register(null, {
        slug: "wps-innovation-5-geneva",
        name: "Ada Lovelace",
        email: `delegate-${i}@example.org`,
        organization: "",
        category: "Academia",
        consent: "on",
        idempotencyKey: randomUUID(),
      });
      if (result.status === "failed" && /Too many registrations/.test(result.message ?? "")) refusedAt = i;
    }
    expect(refusedAt, "the per-client registration limit was reached").toBeGreaterThan(1);
  });
});

describe("sign-out", () => {
  it("refuses a copied session cookie after sign-out", async () => {
    await actAs(DEMO_ACCOUNTS.staff);
    expect((await getCurrentUser())?.email).toBe(DEMO_ACCOUNTS.staff);
    await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/;/) });
    // The same session (the cookie copied before sign-out) is no longer anyone's.
    expect(await getCurrentUser()).toBeNull();
    const [staff] = await db.select().from(users).where(like(users.email, DEMO_ACCOUNTS.staff));
    expect(staff!.disabledAt).toBeNull();
    // Signing in again works.
    await actAs(DEMO_ACCOUNTS.staff);
    expect((await getCurrentUser())?.email).toBe(DEMO_ACCOUNTS.staff);
  });
});
