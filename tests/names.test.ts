import { describe, expect, it } from "vitest";
import {
  HONORIFICS,
  displayName,
  joinList,
  ordinalWord,
  plainName,
  seriesMeetingPhrase,
  shortReference,
  sortKey,
  withPosition,
  type PersonName,
} from "../lib/names";

const kamikawa: PersonName = {
  honorific: "Ms.",
  givenName: "Yoko",
  familyName: "Kamikawa",
  nameOrder: "family_given",
};
const shino: PersonName = {
  honorific: "Ambassador",
  givenName: "Mitsuko",
  familyName: "Shino",
  nameOrder: "given_family",
};
const bahous: PersonName = {
  honorific: "Ms.",
  givenName: "Sima",
  familyName: "Bahous",
  nameOrder: "given_family",
};

describe("displayName and plainName", () => {
  it("writes the reference names", () => {
    expect(displayName(kamikawa)).toBe("Ms. KAMIKAWA Yoko");
    expect(displayName(shino)).toBe("Ambassador Mitsuko Shino");
    expect(displayName(bahous)).toBe("Ms. Sima Bahous");
    expect(plainName(kamikawa)).toBe("KAMIKAWA Yoko");
    expect(plainName(bahous)).toBe("Sima Bahous");
  });

  it("keeps honorifics as written", () => {
    expect(displayName({ ...bahous, honorific: "H.E." })).toBe("H.E. Sima Bahous");
    expect(displayName({ ...kamikawa, honorific: "Prof." })).toBe("Prof. KAMIKAWA Yoko");
  });

  it("leaves out a missing or blank honorific", () => {
    expect(displayName({ ...bahous, honorific: null })).toBe("Sima Bahous");
    expect(displayName({ givenName: "Sima", familyName: "Bahous", nameOrder: "given_family" })).toBe(
      "Sima Bahous",
    );
    expect(displayName({ ...kamikawa, honorific: "  " })).toBe("KAMIKAWA Yoko");
  });

  it("trims and collapses whitespace", () => {
    expect(
      displayName({
        honorific: " Dr.\t",
        givenName: "  Mary  Jane ",
        familyName: " van   der Berg ",
        nameOrder: "given_family",
      }),
    ).toBe("Dr. Mary Jane van der Berg");
    expect(
      displayName({ honorific: "Ms. ", givenName: " Yoko", familyName: "Kamikawa  ", nameOrder: "family_given" }),
    ).toBe("Ms. KAMIKAWA Yoko");
  });

  it("writes a name with only one part", () => {
    expect(displayName({ honorific: "Mx.", givenName: "", familyName: "Suharto", nameOrder: "given_family" })).toBe(
      "Mx. Suharto",
    );
    expect(plainName({ givenName: "Suharto", familyName: " ", nameOrder: "family_given" })).toBe("Suharto");
  });

  it("capitalises family names without locale surprises", () => {
    expect(plainName({ givenName: "Ayşe", familyName: "Yılmaz", nameOrder: "family_given" })).toBe("YILMAZ Ayşe");
    expect(plainName({ givenName: "Iva", familyName: "Ibišević", nameOrder: "family_given" })).toBe(
      "IBIŠEVIĆ Iva",
    );
  });

  it("leaves a kanji name unchanged and unspaced", () => {
    const kanji: PersonName = { honorific: null, givenName: "陽子", familyName: "上川", nameOrder: "family_given" };
    expect(plainName(kanji)).toBe("上川陽子");
    expect(displayName({ ...kanji, honorific: "Ms." })).toBe("Ms. 上川陽子");
    expect(shortReference(kanji, "Minister")).toBe("Minister 上川");
  });
});

describe("shortReference", () => {
  it("uses a title with the family name in normal case", () => {
    expect(shortReference(kamikawa, "Minister")).toBe("Minister Kamikawa");
    expect(shortReference(bahous, " Executive  Director ")).toBe("Executive Director Bahous");
  });

  it("falls back to the honorific", () => {
    expect(shortReference(bahous)).toBe("Ms. Bahous");
    expect(shortReference(shino)).toBe("Ambassador Shino");
    expect(shortReference(kamikawa, "")).toBe("Ms. Kamikawa");
  });

  it("uses the full name when there is neither title nor honorific", () => {
    expect(shortReference({ ...bahous, honorific: null })).toBe("Sima Bahous");
  });
});

describe("sortKey", () => {
  it("puts the family name first in lower case", () => {
    expect(sortKey(kamikawa)).toBe("kamikawa yoko");
    expect(sortKey(bahous)).toBe("bahous sima");
    expect(sortKey({ ...bahous, givenName: "  Sima  Sami " })).toBe("bahous sima sami");
  });
});

describe("withPosition", () => {
  it("appends the position", () => {
    expect(withPosition(bahous, "Executive Director of UN Women")).toBe(
      "Ms. Sima Bahous, Executive Director of UN Women",
    );
    expect(withPosition(kamikawa, "Minister for Foreign Affairs of Japan")).toBe(
      "Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan",
    );
  });

  it("gives just the name without a position", () => {
    expect(withPosition(bahous)).toBe("Ms. Sima Bahous");
    expect(withPosition(bahous, null)).toBe("Ms. Sima Bahous");
    expect(withPosition(bahous, "   ")).toBe("Ms. Sima Bahous");
  });
});

describe("joinList", () => {
  it("joins without a serial comma", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["a"])).toBe("a");
    expect(joinList(["a", "b"])).toBe("a and b");
    expect(joinList(["a", "b", "c"])).toBe("a, b and c");
    expect(joinList(["a", "b", "c", "d"])).toBe("a, b, c and d");
  });

  it("skips blank items", () => {
    expect(joinList(["a", " ", "b"])).toBe("a and b");
  });

  it("joins display names", () => {
    expect(joinList([displayName(kamikawa), displayName(shino), displayName(bahous)])).toBe(
      "Ms. KAMIKAWA Yoko, Ambassador Mitsuko Shino and Ms. Sima Bahous",
    );
  });
});

describe("HONORIFICS", () => {
  it("offers the common honorifics", () => {
    expect(HONORIFICS).toEqual(["Ms.", "Mr.", "Mx.", "Dr.", "Prof.", "Ambassador", "H.E.", "Hon.", "Rev.", "Sir", "Dame"]);
  });
});

describe("ordinals", () => {
  it("spells out the first twenty", () => {
    expect([1, 2, 3, 4, 12, 20].map(ordinalWord)).toEqual(["first", "second", "third", "fourth", "twelfth", "twentieth"]);
  });

  it("uses digits and suffixes from 21", () => {
    expect([21, 22, 23, 24, 101, 111, 112, 113].map(ordinalWord)).toEqual(["21st", "22nd", "23rd", "24th", "101st", "111th", "112th", "113th"]);
  });

  it("rejects numbers that are not positive integers", () => {
    expect(() => ordinalWord(0)).toThrow(RangeError);
    expect(() => ordinalWord(-1)).toThrow(RangeError);
    expect(() => ordinalWord(1.5)).toThrow(RangeError);
    expect(() => ordinalWord(Number.NaN)).toThrow(RangeError);
  });

  it("names a meeting in a series", () => {
    expect(seriesMeetingPhrase(4)).toBe("the fourth meeting");
    expect(seriesMeetingPhrase(21)).toBe("the 21st meeting");
  });
});
