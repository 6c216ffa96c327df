import { describe, expect, it } from "vitest";
import { type DraftInput, type DraftParticipant, generateSummaryDraft } from "@/lib/summary-draft";
import { PLACEHOLDER_JA, titleFromPosition, untranslated } from "@/lib/summary-draft-ja";
import { referenceMeeting } from "./support/reference-meeting";

// The fourth meeting with the Japanese version of every record the draft reads, as staff would enter it.
const participant = (
  id: string,
  role: DraftParticipant["role"],
  en: { honorific: string; givenName: string; familyName: string; nameOrder: "given_family" | "family_given"; position: string },
  ja: { givenName: string; familyName: string; position: string; honorific?: string },
): DraftParticipant => ({
  id,
  role,
  positionAtEvent: en.position,
  translations: { ja: { positionAtEvent: ja.position } },
  person: { ...en, translations: { ja: { givenName: ja.givenName, familyName: ja.familyName, ...(ja.honorific ? { honorific: ja.honorific } : {}) } } },
});

const kamikawa = participant(
  "h",
  "host",
  { honorific: "Ms.", givenName: "Yoko", familyName: "Kamikawa", nameOrder: "family_given", position: "Minister for Foreign Affairs of Japan" },
  { givenName: "陽子", familyName: "上川", position: "外務大臣" },
);

const reference: DraftInput = {
  ...referenceMeeting,
  event: {
    ...referenceMeeting.event,
    translations: { ja: { title: "国連から" } },
    seriesTranslations: { ja: { name: "WPS＋イノベーション" } },
    venue: { ...referenceMeeting.event.venue!, translations: { ja: { name: "国連本部", city: "ニューヨーク", country: "アメリカ合衆国" } } },
  },
  participants: [
    kamikawa,
    participant(
      "m",
      "moderator",
      { honorific: "Ambassador", givenName: "Mitsuko", familyName: "Shino", nameOrder: "given_family", position: "Deputy Permanent Representative of Japan to the United Nations" },
      { givenName: "光子", familyName: "志野", position: "国連日本政府代表部次席常駐代表", honorific: "大使" },
    ),
    participant(
      "p1",
      "panelist",
      { honorific: "Ms.", givenName: "Sima", familyName: "Bahous", nameOrder: "given_family", position: "Executive Director of UN Women" },
      { givenName: "シマ", familyName: "バフース", position: "UN Women事務局長" },
    ),
    participant(
      "p2",
      "panelist",
      { honorific: "Ms.", givenName: "Izumi", familyName: "Nakamitsu", nameOrder: "family_given", position: "UN Under-Secretary-General and High Representative for Disarmament Affairs" },
      { givenName: "泉", familyName: "中満", position: "国連事務次長兼軍縮担当上級代表" },
    ),
  ],
  agenda: [
    { kind: "speech", title: "Opening speech", participantIds: ["h"] },
    { kind: "panel", title: "Panel discussion", participantIds: ["m", "p1", "p2"] },
    { kind: "closing_remarks", title: "Closing", participantIds: ["h"] },
  ],
  attendance: 87,
};

const OPENING =
  "現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）から約65分間、上川陽子外務大臣は、" +
  "ニューヨークの国連本部で開催された「WPS＋イノベーション」第4回会合「国連から」に出席しました。概要は以下のとおりです。";
const PANEL =
  "2 パネルディスカッションでは、志野光子国連日本政府代表部次席常駐代表がモデレーターを務め、" +
  "シマ・バフースUN Women事務局長及び中満泉国連事務次長兼軍縮担当上級代表がパネリストとして参加しました。" +
  PLACEHOLDER_JA.discussion;

describe("the Japanese summary draft", () => {
  it("takes the form of a Japanese press release, from the records' Japanese versions", () => {
    const draft = generateSummaryDraft(reference, "ja");
    expect(draft.title).toBe("「WPS＋イノベーション」第4回会合の開催");
    expect(draft.lede).toBe("上川陽子外務大臣は、「WPS＋イノベーション」第4回会合に出席しました。");
    expect(draft.attendanceWording).toBe("約90名");
    expect(draft.attendanceCount).toBe(87);
    expect(draft.body).toBe(
      [
        OPENING,
        "1 冒頭、上川大臣から挨拶を行いました。概要は以下のとおりです。",
        `（1）${PLACEHOLDER_JA.speechPoint}`,
        `（2）${PLACEHOLDER_JA.speechPoint}`,
        PANEL,
        `最後に、上川大臣から、${PLACEHOLDER_JA.closing}旨述べました。`,
        `3 本シンポジウムには、${PLACEHOLDER_JA.attendees}約90名が参加しました。`,
      ].join("\n\n") + "\n",
    );
  });

  it("reads as the press release once staff say who was in the audience, or drop the note", () => {
    const { body } = generateSummaryDraft(reference, "ja");
    expect(body.replace(PLACEHOLDER_JA.attendees, "各国国連常駐代表を含め")).toContain("\n3 本シンポジウムには、各国国連常駐代表を含め約90名が参加しました。\n");
    expect(body.replace(PLACEHOLDER_JA.attendees, "")).toContain("\n3 本シンポジウムには、約90名が参加しました。\n");
  });

  it("marks every record without a Japanese version instead of showing its English silently", () => {
    const { title, lede, body } = generateSummaryDraft(
      {
        ...reference,
        event: { ...reference.event, translations: {}, seriesTranslations: { ja: { name: " " } }, venue: { ...reference.event.venue!, translations: { ja: { name: "国連本部" } } } },
        participants: [{ ...kamikawa, translations: {}, person: { ...kamikawa.person, translations: {} } }, ...reference.participants.slice(1)],
      },
      "ja",
    );
    expect(untranslated("Opening remarks")).toBe("【未翻訳：Opening remarks】");
    expect(title).toBe("「【未翻訳：WPS + Innovation】」第4回会合の開催");
    expect(body).toContain(
      "、【未翻訳：KAMIKAWA Yoko】【未翻訳：Minister for Foreign Affairs of Japan】は、【未翻訳：New York】の国連本部で開催された" +
        "「【未翻訳：WPS + Innovation】」第4回会合「【未翻訳：From the United Nations】」に出席しました。",
    );
    expect(lede).toContain("【未翻訳：KAMIKAWA Yoko】");
    // The name's English honorific is worded by the Japanese name rules, not marked: Ms. → 氏.
    expect(body).toContain("1 冒頭、【未翻訳：KAMIKAWA Yoko】氏から挨拶を行いました。");
  });

  it("takes the person's Japanese position when the event gives them their usual one", () => {
    const usual = "Minister for Foreign Affairs of Japan";
    const host: DraftParticipant = {
      ...kamikawa,
      translations: {},
      person: { ...kamikawa.person, position: usual, translations: { ja: { givenName: "陽子", familyName: "上川", position: "外務大臣" } } },
    };
    expect(generateSummaryDraft({ ...reference, participants: [host] }, "ja").lede).toBe("上川陽子外務大臣は、「WPS＋イノベーション」第4回会合に出席しました。");
    const other = { ...host, positionAtEvent: "Keynote speaker" };
    expect(generateSummaryDraft({ ...reference, participants: [other] }, "ja").lede).toBe("上川陽子【未翻訳：Keynote speaker】は、「WPS＋イノベーション」第4回会合に出席しました。");
  });

  it("words a meeting without host, series, venue or attendance plainly", () => {
    const draft = generateSummaryDraft(
      {
        ...reference,
        event: { ...reference.event, timeZone: "Asia/Tokyo", seriesName: null, seriesNumber: null, venue: null },
        participants: [],
        agenda: [{ kind: "closing_remarks", title: "Closing", participantIds: [] }],
        attendance: null,
      },
      "ja",
    );
    expect(draft.title).toBe("「国連から」の開催");
    expect(draft.lede).toBe("「国連から」が開催されました。");
    expect(draft.body).toBe(
      `現地時間2024年3月19日午前5時35分から約65分間、シンポジウム「国連から」が開催されました。概要は以下のとおりです。\n\n1 最後に、${PLACEHOLDER_JA.host}から、${PLACEHOLDER_JA.closing}旨述べました。\n`,
    );
    expect(draft.attendanceWording).toBeNull();
  });

  it("counts small audiences exactly and large ones roughly", () => {
    const wording = (attendance: number) => generateSummaryDraft({ ...reference, attendance }, "ja").attendanceWording;
    expect([1, 19, 23, 1234].map(wording)).toEqual(["1名", "19名", "約20名", "約1,200名"]);
  });

  it("takes a later reference's title from the end of a Japanese position", () => {
    expect(titleFromPosition("外務大臣")).toBe("大臣");
    expect(titleFromPosition("外務副大臣")).toBe("副大臣");
    expect(titleFromPosition("内閣総理大臣")).toBe("総理");
    expect(titleFromPosition("ノルウェー国連常駐代表")).toBeUndefined();
    expect(titleFromPosition(null)).toBeUndefined();
  });

  it("leaves the English draft as it was, and marks what lacks English when Japanese is the default", () => {
    expect(generateSummaryDraft(reference)).toEqual(generateSummaryDraft({ ...reference, participants: reference.participants.map((p) => ({ ...p, translations: {} })) }, "en"));
    const japaneseFirst: DraftInput = {
      ...reference,
      defaultLanguage: "ja",
      event: { ...reference.event, title: "国連から", translations: { en: { title: "From the United Nations" } }, seriesName: "WPS＋イノベーション", seriesTranslations: {} },
    };
    const { title, body } = generateSummaryDraft(japaneseFirst, "en");
    expect(title).toBe("From the United Nations");
    expect(body).toContain("the fourth meeting on “[Untranslated: WPS＋イノベーション]”, a symposium entitled “From the United Nations”");
  });
});
