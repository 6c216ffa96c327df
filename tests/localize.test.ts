import { describe, expect, it } from "vitest";
import { inLanguage, langAttribute, langOfText, localized, withTranslation } from "@/lib/i18n/localize";

const event = { title: "Fourth meeting", description: null as string | null, translations: { ja: { title: "第4回会合", description: "  " } } };

describe("localized", () => {
  it("gives the translation in its language", () => {
    expect(localized(event, "title", "ja", "en")).toEqual({ text: "第4回会合", lang: "ja" });
  });
  it("falls back to the default language's own column, marked with its language", () => {
    const english = { ...event, description: "About the meeting" };
    expect(localized(english, "description", "ja", "en")).toEqual({ text: "About the meeting", lang: "en" });
    expect(langAttribute(localized(english, "description", "ja", "en"), "ja")).toBe("en");
    expect(langAttribute(localized(event, "title", "ja", "en"), "ja")).toBeUndefined();
  });
  it("reads the own column for the default language, and null when nothing has text", () => {
    expect(localized(event, "title", "en", "en")).toEqual({ text: "Fourth meeting", lang: "en" });
    expect(localized(event, "description", "ja", "en")).toBeNull();
  });
});

describe("withTranslation", () => {
  it("replaces one language's fields, trimmed, dropping empty ones and an empty language", () => {
    expect(withTranslation<"title" | "description">({}, "ja", { title: " 題 ", description: "" })).toEqual({ ja: { title: "題" } });
    expect(withTranslation<"title">({ ja: { title: "題" } }, "ja", { title: "  " })).toEqual({});
  });
});

describe("inLanguage", () => {
  const record = { title: "Opening", description: "In English", translations: { ja: { title: "開会" } } };
  it("takes each field's translation, or the default's, with the language it came out in", () => {
    expect(inLanguage(record, ["title", "description"], "ja", "en")).toEqual({
      title: "開会",
      description: "In English",
      langOf: { title: "ja", description: "en" },
    });
    expect(inLanguage(record, ["title"], "en", "en")).toEqual({ title: "Opening", langOf: { title: "en" } });
  });
  it("marks only texts in another language than the page's", () => {
    expect(langOfText("en", "ja")).toBe("en");
    expect(langOfText("ja", "ja")).toBeUndefined();
    expect(langOfText(undefined, "ja")).toBeUndefined();
  });
});
