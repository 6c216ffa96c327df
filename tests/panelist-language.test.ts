import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveEmailLanguage } from "@/app/(panelist)/me/actions";
import { settings, users } from "@/db/schema";
import { postedLanguage, postedLanguagePath } from "@/lib/i18n/form-path";
import { panelistAreaLanguage } from "@/lib/i18n/panelist";
import { panelistLanguage } from "@/lib/i18n/panelist-language";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

vi.mock("next/server", async (original) => ({ ...(await original<Record<string, unknown>>()), connection: async () => undefined }));

describe("panelistLanguage", () => {
  const both = { defaultLanguage: "en", enabledLanguages: ["en", "ja"] } as const;
  it.each([
    ["the panelist's choice", "ja", both, "ja"],
    ["the default when none is chosen", null, both, "en"],
    ["the default when the choice is no longer offered", "ja", { defaultLanguage: "en", enabledLanguages: ["en"] }, "en"],
    ["a Japanese default for an account without a choice", undefined, { defaultLanguage: "ja", enabledLanguages: ["ja", "en"] }, "ja"],
    ["English chosen on a Japanese site", "en", { defaultLanguage: "ja", enabledLanguages: ["ja", "en"] }, "en"],
  ] as const)("%s", (_, chosen, set, expected) => {
    expect(panelistLanguage(chosen, { ...set, enabledLanguages: [...set.enabledLanguages] })).toBe(expected);
  });
});

describe("postedLanguagePath", () => {
  const set = { defaultLanguage: "en" as const, enabledLanguages: ["en" as const, "ja" as const] };
  it("sends a form posted from a Japanese page back under /ja", () => {
    expect(postedLanguagePath("/registrations/abc", "ja", set)).toBe("/ja/registrations/abc");
  });
  it("keeps the default language's address unprefixed, and ignores what is not an enabled language", () => {
    expect(postedLanguagePath("/registrations/abc", "en", set)).toBe("/registrations/abc");
    expect(postedLanguagePath("/registrations/abc", "fr", set)).toBe("/registrations/abc");
    expect(postedLanguagePath("/registrations/abc", undefined, set)).toBe("/registrations/abc");
    expect(postedLanguage("ja", { defaultLanguage: "en", enabledLanguages: ["en"] })).toBe("en");
  });
});

describe("the panelist area's language", () => {
  beforeAll(async () => {
    await resetWithDemo();
    await db.update(settings).set({ defaultLanguage: "en", enabledLanguages: ["en", "ja"] });
  });
  afterAll(closeDb);

  it("follows the language the panelist chooses on /me, and answers in it", async () => {
    const [panelist] = await db.select().from(users).where(eq(users.email, "panelist@example.org"));
    expect(await panelistAreaLanguage(panelist!.id)).toBe("en");
    expect(await panelistAreaLanguage(null)).toBe("en");

    await actAs("panelist@example.org");
    expect(await saveEmailLanguage({ language: "ja" })).toMatchObject({ ok: true, message: "保存しました。今後、このサイトとメールは日本語でご案内します。" });
    expect(await panelistAreaLanguage(panelist!.id)).toBe("ja");
    // Answers come in the language the area is in.
    expect(await saveEmailLanguage({ language: "ja" })).toMatchObject({ ok: true, message: "変更はありません。" });

    // A language the organization stops offering falls back to its default.
    await db.update(settings).set({ enabledLanguages: ["en"] });
    expect(await panelistAreaLanguage(panelist!.id)).toBe("en");
    await db.update(settings).set({ enabledLanguages: ["en", "ja"] });

    expect(await saveEmailLanguage({ language: "en" })).toMatchObject({ ok: true, message: "Saved. This site and our emails to you will use this language." });
    expect(await panelistAreaLanguage(panelist!.id)).toBe("en");
  });
});
