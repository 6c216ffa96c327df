import { desc, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { register } from "@/app/(public)/events/[slug]/actions";
import EventPage, { generateMetadata } from "@/app/(public)/events/[slug]/page";
import { getPublicEvent } from "@/db/queries/public";
import { eventParticipants, events, outbox, people, registrations } from "@/db/schema";
import { publicEventIn } from "@/lib/i18n/public-event";
import { closeDb, db, resetWithDemo } from "./support/db";

// The event page in each enabled language (issue 12): every record's text in the page's language,
// falling back field by field to the default language's, marked with `lang` where it does.

vi.mock("next/server", async (original) => ({ ...(await original<Record<string, unknown>>()), connection: async () => undefined }));
// The registration action reads the request's headers, which exist only inside Next.js.
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  headers: async () => new Headers(),
}));

const FIFTH = "wps-innovation-5-geneva";
const FOURTH = "wps-innovation-4-from-the-united-nations";
const now = new Date();

beforeAll(() => resetWithDemo(now));
afterAll(closeDb);

const renderEvent = async (slug: string, lang?: string) => {
  const page = await EventPage({ params: Promise.resolve({ slug, ...(lang && { lang }) }) });
  const content = typeof page.type === "function" ? await (page.type as (props: unknown) => unknown)(page.props) : page;
  return renderToStaticMarkup(content as React.ReactElement);
};

describe("an event in Japanese", () => {
  it("takes every record's Japanese text, each marked as Japanese", async () => {
    const e = publicEventIn((await getPublicEvent(FIFTH))!, "ja", "en");
    expect(e.title).toBe("テクノロジー、平和構築と女性のリーダーシップ");
    expect(e.langOf).toEqual({ title: "ja", description: "ja" });
    expect(e.topic).toMatchObject({ name: "女性のエンパワーメントとジェンダー平等", langOf: { name: "ja" } });
    expect(e.series).toMatchObject({ name: "WPS＋イノベーション", langOf: { name: "ja" } });
    expect(e.venue).toMatchObject({ city: "ジュネーブ", country: "スイス", langOf: { city: "ja", country: "ja" } });
    const shino = e.speakers.find((s) => s.person.slug === "mitsuko-shino")!;
    expect(shino.person).toMatchObject({ familyName: "志野", givenName: "光子", honorific: "大使", langOf: { familyName: "ja", givenName: "ja", honorific: "ja" } });
    expect(shino.langOf.positionAtEvent).toBe("ja");
    // Nothing of the other languages travels on: the page has what it shows.
    expect("translations" in e).toBe(false);
  });

  it("falls back field by field to the default language, saying which", async () => {
    const fourth = (await getPublicEvent(FOURTH))!;
    const untranslated = {
      ...fourth,
      translations: { ja: { description: "説明のみ" } },
      venue: { ...fourth.venue!, translations: { ja: { city: "ニューヨーク" } } },
    };
    const e = publicEventIn(untranslated, "ja", "en");
    expect(e.title).toBe("From the United Nations");
    expect(e.langOf).toEqual({ title: "en", description: "ja" });
    expect(e.venue).toMatchObject({ name: "United Nations Headquarters", city: "ニューヨーク", langOf: { name: "en", city: "ja" } });
    // The agenda's segments are translated in the demo; the English page keeps the records' own texts.
    expect(publicEventIn(fourth, "ja", "en").agenda.map((a) => [a.title, a.langOf.title])).toEqual([
      ["外務大臣による冒頭挨拶", "ja"],
      ["パネルディスカッション", "ja"],
      ["閉会挨拶", "ja"],
    ]);
    expect(publicEventIn(fourth, "en", "en").agenda[0]).toMatchObject({ title: "Opening speech by the Minister for Foreign Affairs", langOf: { title: "en" } });
  });

  it("draws the page in Japanese, with lang only on what fell back", async () => {
    const html = await renderEvent(FIFTH, "ja");
    expect(html).toContain(">テクノロジー、平和構築と女性のリーダーシップ</h1>");
    expect(html).toContain("「WPS＋イノベーション」に関する第5回会合");
    expect(html).toContain(">日時</dt>");
    expect(html).toMatch(/現地時間\d{4}年\d{1,2}月\d{1,2}日午後3時（日本時間/);
    expect(html).toContain('href="/ja/topics/womens-empowerment-and-gender-equality"');
    expect(html).toContain('href="/ja/privacy"');
    expect(html).toContain(">氏名</label>");
    expect(html).toContain('name="language" value="ja"');
    expect(html).toContain("志野光子大使");
    expect(html).not.toMatch(/<h1[^>]*lang=/);

    const [fifth] = await db.select().from(events).where(eq(events.slug, FIFTH));
    await db.update(events).set({ translations: { ja: { description: fifth!.translations.ja!.description! } } }).where(eq(events.id, fifth!.id));
    // A speaker without a Japanese name keeps the one written, in its language, with the Japanese honorific.
    const [bahous] = await db.select().from(people).where(eq(people.slug, "sima-bahous"));
    await db.update(people).set({ translations: {} }).where(eq(people.id, bahous!.id));
    await db.update(eventParticipants).set({ invitationStatus: "confirmed" }).where(eq(eventParticipants.personId, bahous!.id));
    const fallback = await renderEvent(FIFTH, "ja");
    expect(fallback).toContain('<h1 class="text-3xl font-semibold text-brand-900" lang="en">Technology, Peacebuilding and Women&#x27;s Leadership</h1>');
    expect(fallback).toContain('<span lang="en">Sima Bahous</span>氏');
    // The English page marks nothing: every text is its own.
    expect(await renderEvent(FIFTH)).not.toMatch(/lang="(en|ja)"/);
    await db.update(events).set({ translations: fifth!.translations }).where(eq(events.id, fifth!.id));
  });
});

describe("the Japanese page's registration states and metadata", () => {
  it("says when seats run out, and when the organizers review each registration, in Japanese", async () => {
    const [fifth] = await db.select().from(events).where(eq(events.slug, FIFTH));
    const open = await renderEvent(FIFTH, "ja");
    expect(open).toMatch(/定員80名のうち、残り\d+席です。参加登録は.+まで受け付けています。/);
    expect(open).toContain(">登録する</button>");

    await db.update(events).set({ capacity: 0 }).where(eq(events.id, fifth!.id));
    const full = await renderEvent(FIFTH, "ja");
    expect(full).toContain("満席となりました。これ以降のお申し込みはキャンセル待ちとなり");
    expect(full).toContain(">キャンセル待ちに登録する</button>");

    await db.update(events).set({ capacity: 80, requiresApproval: true }).where(eq(events.id, fifth!.id));
    const reviewed = await renderEvent(FIFTH, "ja");
    expect(reviewed).toContain("参加登録は主催者が一件ずつ審査し、結果をメールでお知らせします。");
    expect(reviewed).toContain(">参加を申し込む</button>");

    await db.update(events).set({ requiresApproval: false, registrationClosesAt: new Date(now.getTime() - 60_000) }).where(eq(events.id, fifth!.id));
    expect(await renderEvent(FIFTH, "ja")).toContain("参加登録の受付は終了しました。");
    await db.update(events).set({ capacity: fifth!.capacity, requiresApproval: fifth!.requiresApproval, registrationClosesAt: fifth!.registrationClosesAt }).where(eq(events.id, fifth!.id));
  });

  it("gives the title and description in the page's language, with every language's address", async () => {
    const ja = await generateMetadata({ params: Promise.resolve({ slug: FIFTH, lang: "ja" }) });
    expect(ja.title).toBe("テクノロジー、平和構築と女性のリーダーシップ");
    expect(ja.description).toMatch(/^「WPS＋イノベーション」第5回会合です。/);
    expect(ja.alternates?.canonical).toMatch(new RegExp(`^https?://[^/]+/ja/events/${FIFTH}$`));
    const languages = ja.alternates?.languages as Record<string, string>;
    expect(Object.keys(languages).sort()).toEqual(["en", "ja", "x-default"]);
    expect(languages.en).toMatch(new RegExp(`[^/]/events/${FIFTH}$`));
    expect(languages["x-default"]).toBe(languages.en);
    const en = await generateMetadata({ params: Promise.resolve({ slug: FIFTH }) });
    expect(en.title).toBe("Technology, Peacebuilding and Women's Leadership");
    expect(en.alternates?.canonical).toBe(languages.en);
  });
});

describe("registering on the Japanese page", () => {
  const form = (email: string, extra: Record<string, string> = {}) => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ slug: FIFTH, name: "山田花子", email, organization: "", category: "Academia", consent: "on", website: "", idempotencyKey: crypto.randomUUID(), language: "ja", ...extra })) data.set(k, v);
    return data;
  };

  it("records Japanese and sends the confirmation in Japanese, with a manage link under /ja", async () => {
    const state = await register(null, form("yamada@example.org"));
    expect(state).toMatchObject({ status: "done", message: "ありがとうございました。参加登録に関するメールをお送りしましたので、ご確認ください。" });
    const [row] = await db.select().from(registrations).where(eq(registrations.emailNormalized, "yamada@example.org"));
    expect(row!.language).toBe("ja");
    const [mail] = await db.select().from(outbox).where(eq(outbox.to, "yamada@example.org")).orderBy(desc(outbox.createdAt));
    expect(mail!.subject).toBe("参加登録完了のお知らせ：テクノロジー、平和構築と女性のリーダーシップ");
    expect(mail!.text).toMatch(/\/ja\/registrations\/[A-Za-z0-9_-]{43}/);
  });

  it("keeps English and the unprefixed manage link on the default language's page", async () => {
    await register(null, form("smith@example.org", { name: "Ann Smith", language: "en" }));
    const [row] = await db.select().from(registrations).where(eq(registrations.emailNormalized, "smith@example.org"));
    expect(row!.language).toBe("en");
    const [mail] = await db.select().from(outbox).where(eq(outbox.to, "smith@example.org"));
    expect(mail!.subject).toMatch(/^Registration confirmed: /);
    expect(mail!.text).toMatch(/\/registrations\/[A-Za-z0-9_-]{43}/);
    expect(mail!.text).not.toContain("/ja/registrations/");
  });

  it("tells what needs fixing in Japanese, by the form's own rules", async () => {
    const state = await register(null, form("not-an-address", { name: "", consent: "" }));
    expect(state).toMatchObject({
      status: "invalid",
      message: "入力内容をご確認ください。",
      fieldErrors: {
        name: ["氏名を入力してください。"],
        email: ["有効なメールアドレスを入力してください（例：name@example.org）。"],
        consent: ["登録するには、プライバシーに関するお知らせに同意してください。"],
      },
    });
    const english = await register(null, form("not-an-address", { name: "", language: "en" }));
    expect(english.fieldErrors).toMatchObject({ name: ["Enter your name."] });
  });
});
