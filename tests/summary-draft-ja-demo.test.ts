import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftInputForEvent } from "@/db/queries/summaries";
import { eventParticipants, events, people, series, venues } from "@/db/schema";
import { generateSummaryDraft } from "@/lib/summary-draft";
import { PLACEHOLDER_JA } from "@/lib/summary-draft-ja";
import { closeDb, db, resetWithDemo } from "./support/db";

const FOURTH = "wps-innovation-4-from-the-united-nations";

// The Japanese versions staff would enter for the demo's fourth meeting. Ms. Nakamitsu's position at
// the event is left without one: it is her usual position, so her own Japanese position serves.
const PEOPLE: Record<string, { givenName: string; familyName: string; position: string; honorific?: string }> = {
  "kamikawa-yoko": { givenName: "陽子", familyName: "上川", position: "外務大臣" },
  "mitsuko-shino": { givenName: "光子", familyName: "志野", position: "国連日本政府代表部次席常駐代表", honorific: "大使" },
  "sima-bahous": { givenName: "シマ", familyName: "バフース", position: "UN Women事務局長" },
  "merete-brattested": { givenName: "メレッテ", familyName: "ブラッテステッド", position: "ノルウェー国連常駐代表", honorific: "大使" },
  "izumi-nakamitsu": { givenName: "泉", familyName: "中満", position: "国連事務次長兼軍縮担当上級代表" },
};

let eventId: string;

beforeAll(async () => {
  await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  const [event] = await db.update(events).set({ translations: { ja: { title: "国連から" } } }).where(eq(events.slug, FOURTH)).returning();
  eventId = event!.id;
  await db.update(series).set({ translations: { ja: { name: "WPS＋イノベーション" } } }).where(eq(series.id, event!.seriesId!));
  await db.update(venues).set({ translations: { ja: { name: "国連本部", city: "ニューヨーク" } } }).where(eq(venues.id, event!.venueId!));
  for (const [slug, ja] of Object.entries(PEOPLE)) {
    const [person] = await db.update(people).set({ translations: { ja } }).where(eq(people.slug, slug)).returning({ id: people.id });
    if (slug !== "izumi-nakamitsu") {
      await db
        .update(eventParticipants)
        .set({ translations: { ja: { positionAtEvent: ja.position } } })
        .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.personId, person!.id)));
    }
  }
});
afterAll(async () => {
  await closeDb();
});

describe("the Japanese draft of the demo's fourth meeting", () => {
  it("reads the records' Japanese versions and writes the press release's lines", async () => {
    const draft = generateSummaryDraft((await draftInputForEvent(eventId))!, "ja");
    expect(draft.title).toBe("「WPS＋イノベーション」第4回会合の開催");
    const lines = draft.body.split("\n\n");
    expect(lines[0]).toBe(
      "現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）から約65分間、上川陽子外務大臣は、" +
        "ニューヨークの国連本部で開催された「WPS＋イノベーション」第4回会合「国連から」に出席しました。概要は以下のとおりです。",
    );
    expect(lines[1]).toBe("1 冒頭、上川大臣から挨拶を行いました。概要は以下のとおりです。");
    expect(lines).toContain(
      "2 パネルディスカッションでは、志野光子国連日本政府代表部次席常駐代表がモデレーターを務め、" +
        "シマ・バフースUN Women事務局長、メレッテ・ブラッテステッドノルウェー国連常駐代表及び中満泉国連事務次長兼軍縮担当上級代表" +
        `がパネリストとして参加しました。${PLACEHOLDER_JA.discussion}`,
    );
    expect(lines).toContain(`最後に、上川大臣から、${PLACEHOLDER_JA.closing}旨述べました。`);
    expect(lines.at(-1)).toBe(`3 本シンポジウムには、${PLACEHOLDER_JA.attendees}約90名が参加しました。\n`);
    expect(draft.body.replace(PLACEHOLDER_JA.attendees, "各国国連常駐代表を含め")).toContain("3 本シンポジウムには、各国国連常駐代表を含め約90名が参加しました。");
    expect(draft.body).not.toContain("【未翻訳");
  });

  it("marks a record whose translation is missing", async () => {
    const [bahous] = await db.select({ id: people.id }).from(people).where(eq(people.slug, "sima-bahous"));
    await db.update(people).set({ translations: {} }).where(eq(people.id, bahous!.id));
    await db.update(eventParticipants).set({ translations: {} }).where(and(eq(eventParticipants.eventId, eventId), inArray(eventParticipants.personId, [bahous!.id])));
    const { body } = generateSummaryDraft((await draftInputForEvent(eventId))!, "ja");
    expect(body).toContain("モデレーターを務め、【未翻訳：Sima Bahous】【未翻訳：Executive Director of UN Women】、メレッテ・ブラッテステッド");
  });

  it("keeps the English draft as it was", async () => {
    const { body } = generateSummaryDraft((await draftInputForEvent(eventId))!);
    expect(body).toMatch(/^On March 18, commencing at 4:35 p\.m\. \(local time; March 19, 5:35 a\.m\. JST\) for approximately 65 minutes, Ms\. KAMIKAWA Yoko/);
    expect(body).toContain("3. In closing, Minister Kamikawa concluded the symposium by stating that");
    expect(body).not.toContain("【");
  });
});
