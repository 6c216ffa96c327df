import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveEmailLanguage, saveProfile, saveProfileTranslation } from "@/app/(panelist)/me/actions";
import { approveRevision, rejectRevision } from "@/app/(staff)/admin/approvals/actions";
import { createPerson, updatePerson } from "@/app/(staff)/admin/people/actions";
import { auditLog, type Person, people, profileRevisions, settings, users } from "@/db/schema";
import { closeDb, db, resetWithDemo } from "./support/db";
import { profileInput } from "./support/profile-input";
import { actAs } from "./support/session";

vi.mock("next/server", async (original) => ({ ...(await original<Record<string, unknown>>()), connection: async () => undefined }));

beforeAll(async () => {
  await resetWithDemo();
  await db.update(settings).set({ defaultLanguage: "en", enabledLanguages: ["en", "ja"] });
});
afterAll(closeDb);

const bySlug = async (slug: string) => (await db.select().from(people).where(eq(people.slug, slug)))[0]!;
const pendingOf = (personId: string) =>
  db.select().from(profileRevisions).where(and(eq(profileRevisions.personId, personId), eq(profileRevisions.status, "pending")));
const auditCount = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(1))[0]!;

/** What the Japanese form sends for the person as they stand, with `change` on top. */
const japanese = (p: Person, change: Record<string, unknown> = {}) => ({
  personId: p.id,
  language: "ja",
  honorific: p.translations.ja?.honorific ?? "",
  givenName: p.translations.ja?.givenName ?? "",
  familyName: p.translations.ja?.familyName ?? "",
  position: p.translations.ja?.position ?? "",
  organization: p.translations.ja?.organization ?? "",
  bio: p.translations.ja?.bio ?? "",
  ...change,
});

async function expectNotFound(call: Promise<unknown>) {
  await expect(call).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
}

describe("a panelist's profile in each language", () => {
  beforeEach(async () => {
    const p = await bySlug("sima-bahous");
    await db.update(profileRevisions).set({ status: "withdrawn" }).where(and(eq(profileRevisions.personId, p.id), eq(profileRevisions.status, "pending")));
  });

  it("saving the Japanese version leaves the English one waiting, and replaces only the Japanese one", async () => {
    const bahous = await bySlug("sima-bahous");
    await actAs("panelist@example.org");
    expect(await saveProfile(profileInput(bahous, { portraitId: "", bio: "English bio." }))).toMatchObject({ ok: true });
    expect(await saveProfileTranslation(japanese(bahous, { bio: "最初の略歴。" }))).toMatchObject({ ok: true });
    expect(await saveProfileTranslation(japanese(bahous, { bio: "書き直した略歴。" }))).toMatchObject({ ok: true });

    const pending = await pendingOf(bahous.id);
    expect(pending.map((r) => [r.language, r.bio]).sort()).toEqual([
      ["en", "English bio."],
      ["ja", "書き直した略歴。"],
    ]);
    // Nothing public changed.
    expect(await bySlug("sima-bahous")).toEqual(bahous);
  });

  it("approving the Japanese revision writes the translation, not the own columns", async () => {
    const bahous = await bySlug("sima-bahous");
    await actAs("panelist@example.org");
    await saveProfileTranslation(japanese(bahous, { bio: "新しい略歴。", position: "UN Women 事務局長" }));
    const [revision] = await pendingOf(bahous.id);
    expect(revision).toMatchObject({ language: "ja", bio: "新しい略歴。" });

    await actAs("staff@example.org");
    expect(await approveRevision({ id: revision!.id })).toMatchObject({ ok: true });
    const after = await bySlug("sima-bahous");
    expect(after.translations.ja).toEqual({ ...bahous.translations.ja, bio: "新しい略歴。", position: "UN Women 事務局長" });
    expect({ ...after, translations: null, updatedAt: null }).toEqual({ ...bahous, translations: null, updatedAt: null });
    expect(await lastAudit()).toMatchObject({ action: "profile.approve", entityId: bahous.id, changes: { language: "ja", bio: [bahous.translations.ja?.bio ?? null, "新しい略歴。"] } });
  });

  it("a Japanese revision keeps a staff edit made since, and a field both changed waits for staff's choice", async () => {
    const bahous = await bySlug("sima-bahous");
    await actAs("panelist@example.org");
    await saveProfileTranslation(japanese(bahous, { bio: "パネリストの略歴。" }));
    const [revision] = await pendingOf(bahous.id);
    await db
      .update(people)
      .set({ translations: { ja: { ...bahous.translations.ja, bio: "職員の略歴。", organization: "職員が直した組織名" } } })
      .where(eq(people.id, bahous.id));

    await actAs("staff@example.org");
    expect(await approveRevision({ id: revision!.id })).toMatchObject({ ok: false });
    expect(await approveRevision({ id: revision!.id, resolutions: { bio: "proposed" } })).toMatchObject({ ok: true });
    expect((await bySlug("sima-bahous")).translations.ja).toMatchObject({ bio: "パネリストの略歴。", organization: "職員が直した組織名" });
  });

  it("rejecting a Japanese revision changes nothing on the person", async () => {
    const bahous = await bySlug("sima-bahous");
    await actAs("panelist@example.org");
    await saveProfileTranslation(japanese(bahous, { bio: "却下される略歴。" }));
    const [revision] = await pendingOf(bahous.id);
    await actAs("staff@example.org");
    expect(await rejectRevision({ id: revision!.id, note: "Please shorten it." })).toMatchObject({ ok: true });
    expect(await bySlug("sima-bahous")).toEqual(bahous);
    expect(await pendingOf(bahous.id)).toEqual([]);
  });

  it("another person's id changes nothing, is logged, and is not found", async () => {
    const kamikawa = await bySlug("kamikawa-yoko");
    const panelistId = await actAs("panelist@example.org");
    const before = await auditCount();
    await expectNotFound(saveProfileTranslation(japanese(kamikawa, { bio: "他人が書いた略歴。" })));
    expect(await bySlug("kamikawa-yoko")).toEqual(kamikawa);
    expect(await pendingOf(kamikawa.id)).toEqual([]);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ actorId: panelistId, action: "profile.denied", entityId: kamikawa.id });
  });

  it("a language that is not enabled, or the default one, is refused", async () => {
    const bahous = await bySlug("sima-bahous");
    await actAs("panelist@example.org");
    expect(await saveProfileTranslation(japanese(bahous, { language: "en", bio: "Sneaky." }))).toMatchObject({ ok: false, fieldErrors: { language: expect.any(Array) } });
    await db.update(settings).set({ enabledLanguages: ["en"] });
    try {
      expect(await saveProfileTranslation(japanese(bahous, { bio: "無効な言語。" }))).toMatchObject({ ok: false });
    } finally {
      await db.update(settings).set({ enabledLanguages: ["en", "ja"] });
    }
    expect(await pendingOf(bahous.id)).toEqual([]);
  });
});

describe("the language of a panelist's emails", () => {
  const language = async () => (await db.select({ language: users.language }).from(users).where(eq(users.email, "panelist@example.org")))[0]!.language;

  it("is stored, audited, and limited to the enabled languages", async () => {
    const userId = await actAs("panelist@example.org");
    expect(await saveEmailLanguage({ language: "ja" })).toMatchObject({ ok: true });
    expect(await language()).toBe("ja");
    expect(await lastAudit()).toMatchObject({ actorId: userId, action: "user.email_language", entityId: userId, changes: { language: [null, "ja"] } });

    expect(await saveEmailLanguage({ language: "en" })).toMatchObject({ ok: true });
    expect(await language()).toBeNull();
    await saveEmailLanguage({ language: "ja" });
    expect(await saveEmailLanguage({ language: "" })).toMatchObject({ ok: true });
    expect(await language()).toBeNull();

    await db.update(settings).set({ enabledLanguages: ["en"] });
    try {
      expect(await saveEmailLanguage({ language: "ja" })).toMatchObject({ ok: false, fieldErrors: { language: expect.any(Array) } });
    } finally {
      await db.update(settings).set({ enabledLanguages: ["en", "ja"] });
    }
    expect(await language()).toBeNull();
    expect(await saveEmailLanguage({ language: "fr" })).toMatchObject({ ok: false });
  });
});

describe("staff edit a person in every enabled language", () => {
  it("saves the Japanese fields into the translations, with the rest, in one save", async () => {
    const kamikawa = await bySlug("kamikawa-yoko");
    await actAs("staff@example.org");
    const form = {
      id: kamikawa.id,
      honorific: kamikawa.honorific,
      givenName: kamikawa.givenName,
      familyName: kamikawa.familyName,
      nameOrder: kamikawa.nameOrder,
      position: kamikawa.position,
      organization: kamikawa.organization,
      bio: "Minister since 2023.",
      email: kamikawa.email ?? "",
      slug: kamikawa.slug,
      translations: { ja: { familyName: "上川", givenName: "陽子", position: "外務大臣", organization: "", bio: "2023年から外務大臣。" } },
    };
    expect(await updatePerson(form)).toMatchObject({ ok: true });
    const after = await bySlug("kamikawa-yoko");
    expect(after.bio).toBe("Minister since 2023.");
    expect(after.translations).toEqual({ ja: { familyName: "上川", givenName: "陽子", position: "外務大臣", bio: "2023年から外務大臣。" } });
  });

  it("leaves a language that is not enabled as it was", async () => {
    const kamikawa = await bySlug("kamikawa-yoko");
    await db.update(settings).set({ enabledLanguages: ["en"] });
    try {
      await actAs("staff@example.org");
      const form = { ...kamikawa, bio: "Changed in English only.", email: "", translations: { ja: { familyName: "別人" } } };
      expect(await updatePerson(form)).toMatchObject({ ok: true });
    } finally {
      await db.update(settings).set({ enabledLanguages: ["en", "ja"] });
    }
    const after = await bySlug("kamikawa-yoko");
    expect(after.bio).toBe("Changed in English only.");
    expect(after.translations).toEqual(kamikawa.translations);
  });

  it("a new person may start with a Japanese name", async () => {
    await actAs("staff@example.org");
    await expect(
      createPerson({ givenName: "Taro", familyName: "Yamada", nameOrder: "family_given", slug: "taro-yamada-ja", translations: { ja: { familyName: "山田", givenName: "太郎" } } }),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT/) });
    expect((await bySlug("taro-yamada-ja")).translations).toEqual({ ja: { familyName: "山田", givenName: "太郎" } });
  });
});
