import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedSummary } from "@/db/queries/published-summaries";
import { listReferences, listSummaryRevisions } from "@/db/queries/summaries";
import { events, summaries, summaryRevisions } from "@/db/schema";
import { PLACEHOLDER_JA } from "@/lib/summary-draft-ja";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

const actions = () => import("@/app/(staff)/admin/events/[id]/summary/actions");
const SLUG = "wps-innovation-4-from-the-united-nations";

let eventId: string;

const current = async () => (await db.select().from(summaries).where(eq(summaries.eventId, eventId)))[0]!;
const base = async () => ({ eventId, baseUpdatedAt: (await current()).updatedAt.toISOString() });
const metadata = async (lang?: string) => {
  const { generateMetadata } = await import("@/app/(public)/events/[slug]/summary/page");
  return generateMetadata({ params: Promise.resolve({ slug: SLUG, ...(lang ? { lang } : {}) }) });
};

beforeAll(async () => {
  await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  await actAs("staff@example.org");
  eventId = (await db.select({ id: events.id }).from(events).where(eq(events.slug, SLUG)))[0]!.id;
});
afterAll(closeDb);

describe("the demo's fourth meeting", () => {
  it("has its summary published in English and in Japanese", async () => {
    const ja = (await getPublishedSummary(eventId, "ja"))!;
    expect(ja.language).toBe("ja");
    expect(ja.languages).toEqual(["en", "ja"]);
    expect(ja.summary.title).toBe("上川外務大臣の「WPS＋イノベーション」第4回会合「国連からの発信」への出席");
    expect(ja.summary.langOf).toMatchObject({ title: "ja", lede: "ja", body: "ja" });
    const paragraphs = ja.summary.body.split("\n\n");
    expect(paragraphs[0]).toMatch(/^現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）から約65分間、上川陽子外務大臣は、/);
    expect(paragraphs[1]).toBe("1 冒頭、上川大臣から挨拶を行いました。概要は以下のとおりです。");
    expect(paragraphs.at(-1)).toBe("3 本シンポジウムには、各国国連常駐代表を含め約90名が参加しました。");
    expect(ja.summary.body).not.toContain("【");
    expect(ja.photos.map((p) => p.caption)).toEqual(["シンポジウムの参加者（イラスト）", "冒頭挨拶の様子（イラスト）", "パネルディスカッションの様子（イラスト）"]);
    expect(ja.photos.every((p) => p.langOf.altText === "ja")).toBe(true);
    expect(ja.references.map((r) => r.title)).toEqual(["女性・平和・安全保障（WPS）", "外務大臣による冒頭挨拶"]);

    const en = (await getPublishedSummary(eventId))!;
    expect(en.language).toBe("en");
    expect(en.summary.title).toBe("WPS + Innovation: From the United Nations");
    expect(en.photos[0]!.caption).toBe("Participants of the symposium (illustration)");
  });

  it("gives each published language its own address, canonical and alternates", async () => {
    const ja = await metadata("ja");
    expect(String(ja.alternates?.canonical)).toMatch(new RegExp(`/ja/events/${SLUG}/summary$`));
    const languages = ja.alternates?.languages as Record<string, string>;
    expect(languages.en).toMatch(new RegExp(`/events/${SLUG}/summary$`));
    expect(languages.en).not.toContain("/ja/");
    expect(languages.ja).toMatch(new RegExp(`/ja/events/${SLUG}/summary$`));
    expect(ja.title).toBe("上川外務大臣の「WPS＋イノベーション」第4回会合「国連からの発信」への出席");
    const en = String((await metadata()).alternates?.canonical);
    expect(en).toMatch(new RegExp(`/events/${SLUG}/summary$`));
    expect(en).not.toContain("/ja/");
  });
});

describe("each language on its own", () => {
  it("generates the Japanese draft from the records' Japanese versions, leaving the English text alone", async () => {
    const { generateSummary } = await actions();
    const english = (await current()).body;
    const refused = await generateSummary({ eventId, language: "ja" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { problems: expect.arrayContaining([expect.stringContaining(PLACEHOLDER_JA.speechPoint)]) } });
    await (await actions()).unpublishSummary({ eventId, language: "ja" });
    const generated = await generateSummary({ eventId, language: "ja", overwrite: true });
    expect(generated.ok).toBe(true);
    if (!generated.ok) return;
    expect(generated.data.body).toContain("1 冒頭、上川大臣から挨拶を行いました。概要は以下のとおりです。");
    expect(generated.data.body).toContain(PLACEHOLDER_JA.attendees);
    const row = await current();
    expect(row.body).toBe(english);
    expect(row.translations.ja?.body).toBe(generated.data.body.trim());
    // The revision says which language it was saved in.
    const [latest] = await db.select().from(summaryRevisions).where(and(eq(summaryRevisions.summaryId, row.id), eq(summaryRevisions.language, "ja")));
    expect(latest).toBeDefined();
    expect((await listSummaryRevisions(row.id, 50, "ja")).every((r) => r.body.includes("冒頭"))).toBe(true);
  });

  it("refuses to publish a Japanese text still holding the draft's notes or untranslated parts, and says which", async () => {
    const { publishSummary, saveSummary } = await actions();
    const refused = await publishSummary({ eventId, language: "ja" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toBe("The Japanese version cannot be published yet:");
      expect(refused.fieldErrors?.problems?.join(" ")).toContain(`The Japanese text still has placeholders to replace: ${PLACEHOLDER_JA.speechPoint}`);
    }
    const saved = await saveSummary({ ...(await base()), language: "ja", title: "国連からの発信", lede: "", body: "【未翻訳：Opening remarks】を行いました。", attendanceWording: "約90名" });
    expect(saved.ok).toBe(true);
    const untranslated = await publishSummary({ eventId, language: "ja" });
    expect(untranslated.ok).toBe(false);
    if (!untranslated.ok) expect(untranslated.fieldErrors?.problems).toEqual(["The Japanese text still has parts marked as untranslated: 【未翻訳：Opening remarks】. Translate them."]);
    expect((await getPublishedSummary(eventId, "ja"))!.language).toBe("en");
  });

  it("shows the English version, marked as English, where the Japanese one is not published", async () => {
    const fallback = (await getPublishedSummary(eventId, "ja"))!;
    expect(fallback.language).toBe("en");
    expect(fallback.languages).toEqual(["en"]);
    expect(fallback.summary.title).toBe("WPS + Innovation: From the United Nations");
    expect(fallback.summary.langOf.title).toBe("en");
    const ja = await metadata("ja");
    expect(String(ja.alternates?.canonical)).not.toContain("/ja/");
    expect(ja.alternates?.languages).toBeUndefined();
  });

  it("publishes the Japanese version once finished, and falls back field by field", async () => {
    const { publishSummary, saveSummary, updatePhotoDetails } = await actions();
    const saved = await saveSummary({ ...(await base()), language: "ja", title: "国連からの発信", lede: "", body: "冒頭、上川大臣から挨拶を行いました。", attendanceWording: "約90名" });
    expect(saved.ok).toBe(true);
    expect(await publishSummary({ eventId, language: "ja" })).toMatchObject({ ok: true, message: "Published in Japanese." });
    const [photo] = (await getPublishedSummary(eventId, "ja"))!.photos;
    expect((await updatePhotoDetails({ eventId, id: photo!.id, language: "ja", caption: "", altText: "" })).ok).toBe(true);

    const ja = (await getPublishedSummary(eventId, "ja"))!;
    expect(ja.summary).toMatchObject({ title: "国連からの発信", body: "冒頭、上川大臣から挨拶を行いました。" });
    // No Japanese lede: the English one stands in, marked.
    expect(ja.summary.langOf.lede).toBe("en");
    expect(ja.photos[0]).toMatchObject({ caption: "Participants of the symposium (illustration)", langOf: { caption: "en", altText: "en" } });
    // The English version's photo details are untouched.
    expect((await getPublishedSummary(eventId))!.photos[0]!.caption).toBe("Participants of the symposium (illustration)");
  });

  it("refuses a save that would put a placeholder live in the published Japanese version", async () => {
    const { saveSummary } = await actions();
    const result = await saveSummary({ ...(await base()), language: "ja", title: "国連からの発信", body: `冒頭の挨拶。${PLACEHOLDER_JA.discussion}` });
    expect(result).toMatchObject({ ok: false, fieldErrors: { body: [`The Japanese text still has placeholders to replace: ${PLACEHOLDER_JA.discussion}.`] } });
    expect((await current()).translations.ja?.body).toBe("冒頭、上川大臣から挨拶を行いました。");
  });

  it("keeps the references' translations when the list is saved again in English", async () => {
    const { saveReferences, saveReferenceTranslations } = await actions();
    const before = await listReferences((await current()).id);
    expect(
      (await saveReferenceTranslations({ eventId, language: "ja", references: [{ referenceId: before[0]!.id, title: "参考資料", text: "" }, { referenceId: before[1]!.id, title: "", text: "" }] })).ok,
    ).toBe(true);
    const reordered = [before[1]!, before[0]!].map((r) => ({ referenceId: r.id, title: r.title, text: r.text ?? "", url: r.url ?? "" }));
    expect((await saveReferences({ eventId, references: [...reordered, { title: "New", text: "", url: "" }] })).ok).toBe(true);
    const ja = (await getPublishedSummary(eventId, "ja"))!;
    expect(ja.references.map((r) => [r.title, r.langOf.title])).toEqual([
      ["Opening remarks by the Minister for Foreign Affairs", "en"],
      ["参考資料", "ja"],
      ["New", "en"],
    ]);
  });

  it("withdraws every language with the English version, and publishes a translation only beside it", async () => {
    const { publishSummary, unpublishSummary } = await actions();
    expect((await unpublishSummary({ eventId })).ok).toBe(true);
    expect(await getPublishedSummary(eventId, "ja")).toBeUndefined();
    expect((await current()).translationPublishedAt).toEqual({});
    const refused = await publishSummary({ eventId, language: "ja" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.problems?.[0]).toBe("Publish the English version first: the other languages are published beside it.");
    expect((await publishSummary({ eventId })).ok).toBe(true);
    expect((await getPublishedSummary(eventId, "ja"))!.languages).toEqual(["en"]);
    expect((await publishSummary({ eventId, language: "ja" })).ok).toBe(true);
    expect((await getPublishedSummary(eventId, "ja"))!.languages).toEqual(["en", "ja"]);
  });
});

describe("the lists of published summaries", () => {
  it("carry each row's versions, for a page in another language to show its own", async () => {
    const { listLatestSummaries } = await import("@/db/queries/published-summaries");
    const { publishedText } = await import("@/lib/summary-publish");
    const [row] = await listLatestSummaries();
    expect(row!.title).toBe("WPS + Innovation: From the United Nations");
    expect(publishedText(row!, "ja", "en")).toMatchObject({ title: "国連からの発信", langOf: { title: "ja" } });
    expect(publishedText({ ...row!, translationPublishedAt: {} }, "ja", "en")).toMatchObject({ title: "WPS + Innovation: From the United Nations", langOf: { title: "en" } });
    expect(publishedText(row!, "en", "en").title).toBe("WPS + Innovation: From the United Nations");
  });
});
