import { describe, expect, it } from "vitest";
import type { PersonName } from "../lib/names";
import {
  displayName,
  honorificSuffix,
  joinList,
  meetingLabel,
  ordinalWord,
  plainName,
  seriesLine,
  seriesMeetingPhrase,
  shortReference,
  withPosition,
} from "../lib/names-ja";

const kamikawa: PersonName = { honorific: "Ms.", givenName: "陽子", familyName: "上川", nameOrder: "family_given" };
// The romanised form is "Mitsuko Shino": the kanji are still family name first.
const shino: PersonName = { honorific: "Ambassador", givenName: "光子", familyName: "志野", nameOrder: "given_family" };
const bahous: PersonName = { honorific: "Ms.", givenName: "シマ", familyName: "バホス", nameOrder: "given_family" };
const guterres: PersonName = { honorific: null, givenName: "アントニオ", familyName: "グテーレス", nameOrder: "given_family" };
const guterresLatin: PersonName = { honorific: null, givenName: "Antonio", familyName: "Guterres", nameOrder: "given_family" };
const kamikawaLatin: PersonName = { honorific: "Ms.", givenName: "Yoko", familyName: "Kamikawa", nameOrder: "family_given" };

describe("plainName", () => {
  it("writes a Japanese name family name first without a space", () => {
    expect(plainName(kamikawa)).toBe("上川陽子");
    expect(plainName(shino)).toBe("志野光子");
    expect(plainName({ givenName: "ひろみ", familyName: "佐々木", nameOrder: "family_given" })).toBe("佐々木ひろみ");
  });

  it("joins a katakana name in its own order with a middle dot", () => {
    expect(plainName(guterres)).toBe("アントニオ・グテーレス");
    expect(plainName(bahous)).toBe("シマ・バホス");
    expect(plainName({ givenName: "メレーテ", familyName: "ブラッテステッド", nameOrder: "given_family" })).toBe(
      "メレーテ・ブラッテステッド",
    );
  });

  it("keeps a Latin-script name in its own order with a space and without capitals", () => {
    expect(plainName(guterresLatin)).toBe("Antonio Guterres");
    expect(plainName(kamikawaLatin)).toBe("Kamikawa Yoko");
  });

  it("writes a name with only one part and tidies whitespace", () => {
    expect(plainName({ givenName: "", familyName: "スハルト", nameOrder: "given_family" })).toBe("スハルト");
    expect(plainName({ givenName: " Mary  Jane ", familyName: " van   der Berg ", nameOrder: "given_family" })).toBe(
      "Mary Jane van der Berg",
    );
    expect(plainName({ givenName: " 陽子 ", familyName: "上川\t", nameOrder: "family_given" })).toBe("上川陽子");
  });
});

describe("displayName and honorificSuffix", () => {
  it("puts the honorific after the name without a space", () => {
    expect(displayName(kamikawa)).toBe("上川陽子氏");
    expect(displayName(shino)).toBe("志野光子大使");
    expect(displayName(bahous)).toBe("シマ・バホス氏");
    expect(displayName(kamikawaLatin)).toBe("Kamikawa Yoko氏");
  });

  it("keeps a Japanese honorific as written and gives the English ones their counterparts", () => {
    expect(displayName({ ...kamikawa, honorific: " 先生 " })).toBe("上川陽子先生");
    expect(["Ms.", "Mr.", "Mx.", "Hon.", "Rev.", "Sir", "Dame"].map(honorificSuffix)).toEqual(Array(7).fill("氏"));
    expect(["Ambassador", "Dr.", "Prof.", "H.E.", "dr"].map(honorificSuffix)).toEqual(["大使", "博士", "教授", "閣下", "博士"]);
  });

  it("leaves out a missing or blank honorific", () => {
    expect(displayName(guterres)).toBe("アントニオ・グテーレス");
    expect(displayName(guterresLatin)).toBe("Antonio Guterres");
    expect(displayName({ ...kamikawa, honorific: "  " })).toBe("上川陽子");
  });
});

describe("shortReference", () => {
  it("writes family name and title", () => {
    expect(shortReference(kamikawa, "大臣")).toBe("上川大臣");
    expect(shortReference(bahous, " 事務局長 ")).toBe("バホス事務局長");
  });

  it("falls back to the honorific", () => {
    expect(shortReference(bahous)).toBe("バホス氏");
    expect(shortReference(shino)).toBe("志野大使");
    expect(shortReference(kamikawa, "")).toBe("上川氏");
  });

  it("uses the full name when there is neither title nor honorific", () => {
    expect(shortReference(guterres)).toBe("アントニオ・グテーレス");
    expect(shortReference({ ...kamikawa, honorific: null })).toBe("上川陽子");
  });
});

describe("withPosition", () => {
  it("puts the position after the name in place of the honorific", () => {
    expect(withPosition(kamikawa, "外務大臣")).toBe("上川陽子外務大臣");
    expect(withPosition(bahous, "UNウィメン事務局長")).toBe("シマ・バホスUNウィメン事務局長");
    expect(withPosition(guterres, "国連事務総長")).toBe("アントニオ・グテーレス国連事務総長");
  });

  it("gives the name with its honorific without a position", () => {
    expect(withPosition(kamikawa)).toBe("上川陽子氏");
    expect(withPosition(kamikawa, null)).toBe("上川陽子氏");
    expect(withPosition(kamikawa, "   ")).toBe("上川陽子氏");
  });
});

describe("joinList", () => {
  it("joins with the enumeration comma and 及び before the last item", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["A"])).toBe("A");
    expect(joinList(["A", "B"])).toBe("A及びB");
    expect(joinList(["A", "B", "C"])).toBe("A、B及びC");
    expect(joinList(["A", "B", "C", "D"])).toBe("A、B、C及びD");
  });

  it("joins with と in plainer prose", () => {
    expect(joinList(["A", "B"], "と")).toBe("AとB");
    expect(joinList(["A", "B", "C"], "と")).toBe("A、BとC");
  });

  it("skips blank items", () => {
    expect(joinList(["A", " ", "B"])).toBe("A及びB");
    expect(joinList([" ", "A"])).toBe("A");
  });

  it("joins names with their positions", () => {
    expect(joinList([withPosition(bahous, "UNウィメン事務局長"), displayName(shino), displayName(guterres)])).toBe(
      "シマ・バホスUNウィメン事務局長、志野光子大使及びアントニオ・グテーレス",
    );
  });
});

describe("ordinals", () => {
  it("writes 第n回 with digits", () => {
    expect([1, 4, 12, 20, 21, 111].map(ordinalWord)).toEqual(["第1回", "第4回", "第12回", "第20回", "第21回", "第111回"]);
  });

  it("rejects numbers that are not positive integers", () => {
    expect(() => ordinalWord(0)).toThrow(RangeError);
    expect(() => ordinalWord(-1)).toThrow(RangeError);
    expect(() => ordinalWord(1.5)).toThrow(RangeError);
    expect(() => ordinalWord(Number.NaN)).toThrow(RangeError);
  });

  it("names a meeting in a series", () => {
    expect(seriesMeetingPhrase(4)).toBe("第4回会合");
    expect(seriesMeetingPhrase(21)).toBe("第21回会合");
    expect(meetingLabel(4)).toBe("第4回会合");
  });

  it("writes the series line", () => {
    expect(seriesLine("WPS＋イノベーション", 4)).toBe("「WPS＋イノベーション」に関する第4回会合");
    expect(seriesLine("WPS＋イノベーション", null)).toBe("WPS＋イノベーション");
    expect(seriesLine(null, 4)).toBeNull();
  });
});
