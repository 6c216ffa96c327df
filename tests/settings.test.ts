import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeLogo, saveLanguages, saveSettings, uploadLogo } from "@/app/(staff)/admin/settings/actions";
import { mediaAccess } from "@/db/queries/media";
import { getOrganization } from "@/db/queries/settings";
import { auditLog, media, settings } from "@/db/schema";
import { storage } from "@/lib/storage";
import { languagesSchema, LOGO_MESSAGES, MAX_LOGO_BYTES, settingsSchema } from "@/lib/validations/settings";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

const row = async () => (await db.select().from(settings).where(eq(settings.id, 1)))[0]!;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(1))[0];

function logoForm(bytes: Uint8Array<ArrayBuffer>, name = "logo.png", type = "image/png"): FormData {
  const form = new FormData();
  form.set("logo", new File([bytes], name, { type }));
  return form;
}

beforeAll(async () => {
  await resetWithDemo();
  await actAs("admin@example.org");
});
afterAll(closeDb);

describe("the demo's organization", () => {
  it("has a generated logo, stored as an upload and public", async () => {
    const organization = await getOrganization();
    expect(organization).toMatchObject({ name: "Symposia Demo Ministry", releaseLabel: "Press release" });
    expect(organization.logo?.key).toMatch(/^[0-9a-f]{64}\.(png|webp|jpg)$/);
    expect(await storage().exists(organization.logo!.key)).toBe(true);
    expect((await mediaAccess(organization.logo!.key))?.isPublic).toBe(true);
  });
});

describe("site settings", () => {
  it("saves the name, the home clock and the release label, and audits the change", async () => {
    const result = await saveSettings({ organizationName: "  Ministry of Examples ", homeTimeZone: "Europe/Paris", homeTimeZoneLabel: "CET", releaseLabel: "Meeting report" });
    expect(result).toMatchObject({ ok: true });
    expect(await row()).toMatchObject({ organizationName: "Ministry of Examples", homeTimeZone: "Europe/Paris", homeTimeZoneLabel: "CET", releaseLabel: "Meeting report" });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "settings.update", entityType: "settings" });
    expect(audit?.changes).toMatchObject({ releaseLabel: ["Press release", "Meeting report"] });
  });

  it("says what is wrong in plain words, beside each field, and changes nothing", async () => {
    const before = await row();
    const result = await saveSettings({ organizationName: "", homeTimeZone: "Mars/Olympus", homeTimeZoneLabel: "J S T", releaseLabel: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      organizationName: ["Enter the organization's name, as it heads the public pages."],
      homeTimeZone: ["That is not a time zone we know. Choose one from the list, like Asia/Tokyo."],
      homeTimeZoneLabel: ["Write the short name as one word, like JST."],
      releaseLabel: ["Enter the label above published summaries, like Press release."],
    });
    expect(await row()).toEqual(before);
  });

  it("is for admins only", async () => {
    await actAs("staff@example.org");
    await expect(saveSettings({ organizationName: "Taken over", homeTimeZone: "UTC", homeTimeZoneLabel: "UTC", releaseLabel: "News" })).rejects.toThrow();
    await actAs("admin@example.org");
    expect((await row()).organizationName).toBe("Ministry of Examples");
  });

  it("shares its schema with the form", () => {
    expect(settingsSchema.safeParse({ organizationName: "A", homeTimeZone: "Asia/Tokyo", homeTimeZoneLabel: "JST", releaseLabel: "News" }).success).toBe(true);
  });
});

describe("languages", () => {
  it("the demo publishes in English, its default, and in Japanese", async () => {
    expect(await row()).toMatchObject({ defaultLanguage: "en", enabledLanguages: ["en", "ja"] });
  });

  it("saves the default and the enabled languages in the order they are offered, and audits the change", async () => {
    expect(await saveLanguages({ defaultLanguage: "ja", enabledLanguages: ["ja", "en"] })).toMatchObject({ ok: true, message: "Languages saved." });
    expect(await row()).toMatchObject({ defaultLanguage: "ja", enabledLanguages: ["en", "ja"] });
    expect(await lastAudit()).toMatchObject({ action: "settings.languages", entityType: "settings", changes: { defaultLanguage: ["en", "ja"] } });

    expect(await saveLanguages({ defaultLanguage: "en", enabledLanguages: "en" })).toMatchObject({ ok: true });
    expect(await row()).toMatchObject({ defaultLanguage: "en", enabledLanguages: ["en"] });
    expect(await saveLanguages({ defaultLanguage: "en", enabledLanguages: ["en"] })).toMatchObject({ ok: true, message: "No changes to save." });
  });

  it("refuses no language at all, a default that is not enabled, and languages it does not ship, changing nothing", async () => {
    const before = await row();
    const audits = (await db.select().from(auditLog)).length;
    for (const [input, fieldErrors] of [
      [{ defaultLanguage: "en", enabledLanguages: [] }, { enabledLanguages: ["Enable at least one language."] }],
      [{ defaultLanguage: "en" }, { enabledLanguages: ["Enable at least one language."] }],
      [{ defaultLanguage: "ja", enabledLanguages: ["en"] }, { defaultLanguage: ["The default language must be enabled. Tick it under Enabled languages, or choose another default."] }],
      [{ defaultLanguage: "fr", enabledLanguages: ["en", "fr"] }, { defaultLanguage: ["Choose a language from the list."], enabledLanguages: ["Choose a language from the list."] }],
    ] as const) {
      const result = await saveLanguages(input);
      expect(result).toMatchObject({ ok: false, fieldErrors });
    }
    expect(await row()).toEqual(before);
    expect((await db.select().from(auditLog)).length).toBe(audits);
  });

  it("is for admins only", async () => {
    await actAs("staff@example.org");
    await expect(saveLanguages({ defaultLanguage: "en", enabledLanguages: ["en", "ja"] })).rejects.toThrow();
    await actAs("admin@example.org");
    expect((await row()).enabledLanguages).toEqual(["en"]);
  });

  it("shares its schema with the form", () => {
    expect(languagesSchema.parse({ defaultLanguage: "en", enabledLanguages: ["ja", "en"] })).toEqual({ defaultLanguage: "en", enabledLanguages: ["en", "ja"] });
    expect(languagesSchema.safeParse({ defaultLanguage: "en", enabledLanguages: false }).success).toBe(false);
  });
});

describe("the logo", () => {
  it("is re-encoded without its metadata, stored by content hash, made public and audited", async () => {
    const png = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 20, g: 60, b: 120, alpha: 1 } } })
      .withMetadata({ exif: { IFD0: { Artist: "Someone private" } } })
      .png()
      .toBuffer();
    const result = await uploadLogo(null, logoForm(new Uint8Array(png)));
    expect(result).toMatchObject({ ok: true });
    const { logoId } = await row();
    const [logo] = await db.select().from(media).where(eq(media.id, logoId!));
    expect(logo).toMatchObject({ width: 300, height: 120, eventId: null, personId: null });
    const file = await storage().get(logo!.storageKey);
    const bytes = Buffer.from(await new Response(file!.body).arrayBuffer());
    expect(bytes.toString("latin1")).not.toContain("Someone private");
    expect((await mediaAccess(logo!.storageKey))?.isPublic).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: "settings.logo" });
  });

  it("refuses what is not an image, judged by its content, and keeps the old logo", async () => {
    const before = (await row()).logoId;
    const fake = await uploadLogo(null, logoForm(new Uint8Array(new TextEncoder().encode("<html><script>alert(1)</script></html>")), "logo.png", "image/png"));
    expect(fake).toMatchObject({ ok: false, error: "This file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats." });
    const huge = await uploadLogo(null, logoForm(new Uint8Array(MAX_LOGO_BYTES + 1)));
    expect(huge).toMatchObject({ ok: false, error: LOGO_MESSAGES.tooLarge });
    const none = await uploadLogo(null, new FormData());
    expect(none).toMatchObject({ ok: false, error: LOGO_MESSAGES.missing });
    expect((await row()).logoId).toBe(before);
  });

  it("can be removed, after which its file is no longer public", async () => {
    const key = (await getOrganization()).logo!.key;
    expect(await removeLogo()).toMatchObject({ ok: true });
    expect((await row()).logoId).toBeNull();
    expect((await getOrganization()).logo).toBeNull();
    expect((await mediaAccess(key))?.isPublic).toBe(false);
    expect(await removeLogo()).toMatchObject({ ok: false, message: "There is no logo to remove." });
  });
});
