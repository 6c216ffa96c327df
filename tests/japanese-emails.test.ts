import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { register } from "@/app/(public)/events/[slug]/actions";
import * as registrationQueries from "@/db/queries/registrations";
import { outbox, registrations, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { signInEmail } from "@/lib/auth/sign-in-email";
import { requestSignInLinkFor } from "@/lib/auth/sign-in-request";
import { invitationDetails, invitationEmail } from "@/lib/email/panelist-emails";
import { contentLanguage } from "@/lib/email/sender";
import { REGISTRATION_EMAIL_KINDS } from "@/lib/email/registration-emails";
import { decideRegistrations } from "@/lib/registration/approval";
import { type RegistrationContext, registrationContext } from "@/lib/registration/context";
import { cancelRegistration, registerForEvent } from "@/lib/registration/seats";
import { closeDb, db, resetWithDemo } from "./support/db";
import { scratchEvent as makeScratchEvent } from "./support/scratch-event";
import { registrants } from "./support/registrant";
import { session } from "./support/session";

// Emails in the language the person used (issue 12): a registration records its page's language, and
// every email about it is written in it; accounts get theirs in users.language.

// The public form's action reads the request's headers, which exist only inside Next.js.
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  headers: async () => new Headers(),
}));

const now = new Date();
let ctx: RegistrationContext;

beforeAll(async () => {
  await resetWithDemo(now);
  ctx = await registrationContext(now);
});
afterAll(closeDb);

const JA_TITLE = "女性・平和・安全保障に関する会合";
/** An event with a Japanese title, at a venue with a Japanese name (demo home zone: Tokyo; event: Zurich). */
const scratchEvent = (capacity: number | null, requiresApproval = false) =>
  makeScratchEvent("Japanese email test", now, capacity, { requiresApproval, translations: { ja: { title: JA_TITLE } } });

const person = registrants({ email: "ja-", name: "山田花子", category: "Academia" });
const publicActor = { kind: "public" as const, client: null };

const mailTo = async (email: string) => db.select().from(outbox).where(eq(outbox.to, email.toLowerCase())).orderBy(desc(outbox.createdAt));
const rowOf = async (id: string) => (await db.select().from(registrations).where(eq(registrations.id, id)))[0]!;

/** The Japanese event-time line of the demo: Zurich's clock, then Tokyo's in brackets. */
const JA_DATE_LINE = /日時：現地時間\d{4}年\d{1,2}月\d{1,2}日午[前後]\d{1,2}時(\d{1,2}分)?（日本時間(\d{1,2}月\d{1,2}日)?午[前後]\d{1,2}時(\d{1,2}分)?）/;

function expectJapaneseConfirmation(m: { subject: string; text: string; html: string | null; kind: string; attachments: { source?: { kind: string } }[] }, code: string) {
  expect(m.kind).toBe(REGISTRATION_EMAIL_KINDS.confirmed);
  expect(m.subject).toBe(`参加登録完了のお知らせ：${JA_TITLE}`);
  expect(m.text).toMatch(/^山田花子 \S+ 様\n\n/);
  expect(m.text).toContain(`「${JA_TITLE}」にご登録いただき、ありがとうございます。`);
  expect(m.text).toMatch(JA_DATE_LINE);
  expect(m.text).toMatch(/時間：午[前後]\d{1,2}時(\d{1,2}分)?～午[前後]\d{1,2}時(\d{1,2}分)?（現地時間、約1時間30分）/);
  expect(m.text).toContain(`受付コード：${code.slice(0, 4)}-${code.slice(4)}`);
  expect(m.text).toContain("/registrations/");
  expect(m.text).not.toMatch(/Dear|Registration confirmed|local time/);
  expect(m.html).toContain('<html lang="ja">');
  expect(m.html).toContain(JA_TITLE);
  expect(contentLanguage(m.html)).toEqual({ "Content-Language": "ja" });
  // The same attachments as the English one: the calendar file and the QR code.
  expect(m.attachments.map((a) => a.source?.kind)).toEqual(["calendar", "check_in_qr"]);
}

describe("a registration in Japanese", () => {
  it("records the language and gets a Japanese confirmation through the database function (the common path)", async () => {
    const event = await scratchEvent(10);
    const spy = vi.spyOn(registrationQueries, "registerPublicSeat");
    const result = await registerForEvent(person(event.id, "fast", { language: "ja" }), publicActor, ctx);
    const outcomes = await Promise.all(spy.mock.results.map(async (r) => ((await r.value) as { outcome: string }).outcome));
    spy.mockRestore();
    expect(outcomes).toEqual(["created"]);
    if (result.outcome !== "created") throw new Error(result.outcome);
    expect(result.registration.language).toBe("ja");
    expect((await rowOf(result.registration.id)).language).toBe("ja");
    const mail = await mailTo(result.registration.email);
    expect(mail).toHaveLength(1);
    expectJapaneseConfirmation(mail[0]!, result.registration.checkInCode);
  });

  it("records the language and gets a Japanese confirmation through the transaction (the slow path)", async () => {
    const event = await scratchEvent(10);
    // The database function finds the event changed since its details were read: the transaction answers.
    const spy = vi.spyOn(registrationQueries, "registerPublicSeat").mockResolvedValue({ outcome: "stale" });
    const result = await registerForEvent(person(event.id, "slow", { language: "ja" }), publicActor, ctx);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    if (result.outcome !== "created") throw new Error(result.outcome);
    expect((await rowOf(result.registration.id)).language).toBe("ja");
    const mail = await mailTo(result.registration.email);
    expect(mail).toHaveLength(1);
    expectJapaneseConfirmation(mail[0]!, result.registration.checkInCode);
  });

  it("puts a full event's next registrations on the waitlist in Japanese, numbered, and promotes them in Japanese", async () => {
    const event = await scratchEvent(1);
    const first = await registerForEvent(person(event.id, "seated", { language: "ja" }), publicActor, ctx);
    const second = await registerForEvent(person(event.id, "waiting", { language: "ja" }), publicActor, ctx);
    if (first.outcome !== "created" || second.outcome !== "created") throw new Error("not created");
    expect(second.registration.status).toBe("waitlisted");
    const [waiting] = await mailTo(second.registration.email);
    expect(waiting!.kind).toBe(REGISTRATION_EMAIL_KINDS.waitlisted);
    expect(waiting!.subject).toBe(`キャンセル待ちのご案内：${JA_TITLE}`);
    expect(waiting!.text).toContain("キャンセル待ち1番目として承りました。");
    expect(waiting!.text).toMatch(JA_DATE_LINE);
    expect(waiting!.html).toContain("キャンセル待ち1番目");

    const cancelled = await cancelRegistration({ id: first.registration.id }, publicActor, ctx);
    expect(cancelled.outcome).toBe("cancelled");
    const [cancelMail] = await mailTo(first.registration.email);
    expect(cancelMail!.kind).toBe(REGISTRATION_EMAIL_KINDS.cancelled);
    expect(cancelMail!.subject).toBe(`登録キャンセルのお知らせ：${JA_TITLE}`);
    const [promoted] = await mailTo(second.registration.email);
    expect(promoted!.kind).toBe(REGISTRATION_EMAIL_KINDS.promoted);
    expect(promoted!.subject).toBe(`お席をご用意しました：${JA_TITLE}`);
    expect(promoted!.text).toContain(`受付コード：${second.registration.checkInCode.slice(0, 4)}-`);
  });

  it("tells a request under review in Japanese, and its approval too", async () => {
    const event = await scratchEvent(5, true);
    const result = await registerForEvent(person(event.id, "reviewed", { language: "ja" }), publicActor, ctx);
    if (result.outcome !== "created") throw new Error(result.outcome);
    expect(result.registration.status).toBe("pending");
    const [pending] = await mailTo(result.registration.email);
    expect(pending!.kind).toBe(REGISTRATION_EMAIL_KINDS.pending);
    expect(pending!.subject).toBe(`お申し込み受付（審査中）のお知らせ：${JA_TITLE}`);
    expect(pending!.text).toContain("現在審査中です。");
    expect(pending!.text).toMatch(JA_DATE_LINE);
    expect(pending!.html).toContain('<html lang="ja">');

    const [account] = await db.select({ id: users.id }).from(users).where(eq(users.role, "staff")).limit(1);
    const decided = await decideRegistrations({ eventId: event.id, ids: [result.registration.id], decision: "approve", note: "会場でお待ちしております。" }, { kind: "staff", userId: account!.id, client: null }, ctx);
    expect(decided.outcome).toBe("decided");
    const [approved] = await mailTo(result.registration.email);
    expect(approved!.kind).toBe(REGISTRATION_EMAIL_KINDS.approved);
    expect(approved!.subject).toBe(`参加登録承認のお知らせ：${JA_TITLE}`);
    expect(approved!.text).toContain("主催者からのメッセージ：\n\n会場でお待ちしております。");
  });

  it("gives a registration staff add the organization's default language", async () => {
    const event = await scratchEvent(10);
    const [account] = await db.select({ id: users.id }).from(users).where(eq(users.role, "staff")).limit(1);
    const result = await registerForEvent(person(event.id, "by-staff"), { kind: "staff", userId: account!.id, client: null }, ctx);
    if (result.outcome !== "created") throw new Error(result.outcome);
    expect(ctx.defaultLanguage).toBe("en");
    expect((await rowOf(result.registration.id)).language).toBe("en");
    expect((await mailTo(result.registration.email))[0]!.subject).toBe(`Registration confirmed: ${event.title}`);
  });

  it("keeps an English registration's emails in English, with the record's own title", async () => {
    const event = await scratchEvent(10);
    const result = await registerForEvent(person(event.id, "english", { language: "en" }), publicActor, ctx);
    if (result.outcome !== "created") throw new Error(result.outcome);
    expect(result.registration.language).toBe("en");
    const [m] = await mailTo(result.registration.email);
    expect(m!.subject).toBe(`Registration confirmed: ${event.title}`);
    expect(m!.text).toMatch(/^Dear 山田花子 \S+,/);
    expect(m!.text).toContain("local time, approximately 1 hour and 30 minutes");
    expect(m!.html).toContain('<html lang="en">');
    expect(m!.text).not.toContain(JA_TITLE);
  });

  it("takes the page's language from the public form, and the organization's default when it is missing or unknown", async () => {
    session.current = null;
    const event = await scratchEvent(10);
    const fields = (label: string, language?: string) => ({
      slug: event.slug,
      name: `山田花子 ${label}`,
      email: `form-${label}-${event.id.slice(0, 8)}@example.org`,
      organization: "",
      category: "Academia",
      consent: true,
      website: "",
      idempotencyKey: crypto.randomUUID(),
      ...(language !== undefined && { language }),
    });
    for (const [label, language, expected] of [["ja", "ja", "ja"], ["none", undefined, "en"], ["unknown", "xx", "en"]] as const) {
      const state = await register(null, fields(label, language));
      expect(state.status).toBe("done");
      const email = fields(label).email;
      const [row] = await db.select().from(registrations).where(and(eq(registrations.eventId, event.id), eq(registrations.emailNormalized, email)));
      expect(row!.language).toBe(expected);
      const [m] = await mailTo(email);
      expect(m!.html).toContain(`<html lang="${expected}">`);
    }
  });
});

describe("account emails in the account's language", () => {
  it("builds the sign-in email in Japanese, with the same link", () => {
    const m = signInEmail("a@example.org", "https://symposia.example/api/auth/callback?token=x", 15, "東京会議", "ja");
    expect(m.subject).toBe("東京会議へのサインイン用リンク");
    expect(m.text).toContain("https://symposia.example/api/auth/callback?token=x");
    expect(m.text).toContain("15分後に失効します。");
    expect(m.html).toContain('<html lang="ja">');
    expect(signInEmail("a@example.org", "https://x.example/", 15, "Org", "en").subject).toBe("Your sign-in link for Org");
  });

  it("sends the sign-in link in users.language, else in the organization's default language", async () => {
    const email = DEMO_ACCOUNTS.panelist;
    const links = () => db.select().from(outbox).where(and(eq(outbox.to, email), eq(outbox.kind, "sign_in_link"))).orderBy(desc(outbox.createdAt));
    await db.update(users).set({ language: "ja" }).where(eq(users.email, email));
    await requestSignInLinkFor(email, null, null);
    expect((await links())[0]!.subject).toMatch(/へのサインイン用リンク$/);
    await db.update(users).set({ language: null }).where(eq(users.email, email));
    await requestSignInLinkFor(email, null, null);
    expect((await links())[0]!.subject).toMatch(/^Your sign-in link for /);
  });
});

describe("the panelist invitation in the account's language", () => {
  const person = {
    honorific: "Ambassador",
    givenName: "Mitsuko",
    familyName: "Shino",
    nameOrder: "given_family" as const,
    translations: { ja: { givenName: "光子", familyName: "志野" } },
  };
  const event = {
    title: "WPS + Innovation",
    translations: { ja: { title: "WPS＋イノベーション" } },
    // 4:35 p.m. in New York is 5:35 a.m. the next day in Tokyo.
    startsAt: new Date("2024-03-18T20:35:00Z"),
    timeZone: "America/New_York",
    seriesName: "WPS + Innovation",
    seriesNumber: 4,
    venue: { name: "Conference Room 8", city: "New York", country: "United States" },
  };
  const home = { zone: "Asia/Tokyo", label: "JST" };
  const invite = (language: "en" | "ja") =>
    invitationEmail({
      to: "p@example.org",
      organization: "日本政府代表部",
      ...invitationDetails(language, "en", person, event, home),
      role: "panelist",
      positionAtEvent: null,
      signInUrl: "https://symposia.example/api/auth/callback/nodemailer?token=abc",
      linkMinutes: 1440,
      loginUrl: "https://symposia.example/login",
    });

  it("writes it in Japanese: the name in Japanese order, the Japanese title and time line, the same link", () => {
    const m = invite("ja");
    expect(m.kind).toBe("sign_in_link");
    expect(m.subject).toBe("ご参加のお願い：WPS＋イノベーション");
    expect(m.text).toMatch(/^志野光子 様\n/);
    expect(m.text).toContain("「WPS＋イノベーション」にパネリストとしてご参加いただきたく");
    expect(m.text).toContain("日時：現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）");
    expect(m.text).toContain("シリーズ：「WPS + Innovation」に関する第4回会合");
    expect(m.text).toContain("https://symposia.example/api/auth/callback/nodemailer?token=abc");
    expect(m.html).toContain('<html lang="ja">');
  });

  it("keeps the English one as it was", () => {
    const m = invite("en");
    expect(m.subject).toBe("Invitation: WPS + Innovation");
    expect(m.text).toMatch(/^Dear Ambassador Mitsuko SHINO,|^Dear /);
    expect(m.text).toContain("as panelist.");
    expect(m.text).not.toMatch(/[\u3040-\u30ff]/);
  });
});
