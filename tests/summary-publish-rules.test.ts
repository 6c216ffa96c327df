import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as mediaRoute } from "@/app/media/[key]/route";
import { getClient } from "@/db";
import { mediaAccess } from "@/db/queries/media";
import { getPublishedSummary } from "@/db/queries/published-summaries";
import { lockSummary, updateSummaryRow } from "@/db/queries/summaries";
import { events, media, summaries, summaryRevisions } from "@/db/schema";
import { storage } from "@/lib/storage";
import { PLACEHOLDER } from "@/lib/summary-draft";
import { closeDb, db, resetWithDemo } from "./support/db";
import { clearDemoSummary } from "./support/demo-summary";
import { actAs } from "./support/session";

const actions = () => import("@/app/(staff)/admin/events/[id]/summary/actions");
const SLUG = "wps-innovation-4-from-the-united-nations";
const FINAL = "Minister Kamikawa opened the meeting. The discussion was very active.";
const key = (c: string) => `${c.repeat(64)}.jpg`;

let eventId: string;
let describedPhoto: string;

const current = async () => (await db.select().from(summaries).where(eq(summaries.eventId, eventId)))[0]!;
const revisionCount = async (summaryId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(summaryRevisions).where(eq(summaryRevisions.summaryId, summaryId)))[0]!.n;
const base = async () => ({ eventId, baseUpdatedAt: (await current()).updatedAt.toISOString() });
const ogImage = async () => {
  const { generateMetadata } = await import("@/app/(public)/events/[slug]/summary/page");
  const metadata = await generateMetadata({ params: Promise.resolve({ slug: SLUG }) });
  return { images: metadata.openGraph?.images, card: (metadata.twitter as { card?: string } | undefined)?.card };
};

beforeAll(async () => {
  await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  await actAs("staff@example.org");
  const [event] = await db.select().from(events).where(eq(events.slug, SLUG));
  eventId = event!.id;
  // The demo publishes this summary; these tests write their own, from the start.
  await clearDemoSummary(eventId);
  const { generateSummary, saveSummary, publishSummary } = await actions();
  expect((await generateSummary({ eventId })).ok).toBe(true);
  expect((await saveSummary({ ...(await base()), title: "WPS + Innovation at the UN", lede: "", body: FINAL })).ok).toBe(true);
  const [photo] = await db
    .insert(media)
    .values({ storageKey: key("a"), mimeType: "image/jpeg", width: 4, height: 3, bytes: 10, eventId, caption: "Group photo", altText: "Panelists on the stage", sortOrder: 1 })
    .returning();
  describedPhoto = photo!.id;
  expect((await publishSummary({ eventId })).ok).toBe(true);
});
afterAll(closeDb);

describe("saving a published summary", () => {
  it("refuses to empty the text or the title, with the reasons beside the fields, and changes nothing", async () => {
    const { saveSummary } = await actions();
    const before = await current();
    const revisions = await revisionCount(before.id);

    const emptied = await saveSummary({ ...(await base()), title: "", body: "   " });
    expect(emptied).toMatchObject({ ok: false, fieldErrors: { title: ["The summary has no title."], body: ["The summary has no text."] } });
    if (!emptied.ok) expect(emptied.message).toMatch(/published/);

    const after = await current();
    expect(after).toMatchObject({ status: "published", title: before.title, body: FINAL });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await revisionCount(before.id)).toBe(revisions);
  });

  it("refuses to put a placeholder back, including the draft's stand-ins for a missing speaker", async () => {
    const { saveSummary } = await actions();
    for (const marker of [PLACEHOLDER.discussion, PLACEHOLDER.speechPoint, "[the host]"]) {
      const result = await saveSummary({ ...(await base()), title: "WPS + Innovation at the UN", body: `${FINAL} ${marker}` });
      expect(result).toMatchObject({ ok: false, fieldErrors: { body: [`The text still has placeholders to replace: ${marker}.`] } });
    }
    expect((await current()).body).toBe(FINAL);
  });

  it("accepts a save that keeps to the rules, live at once", async () => {
    const { saveSummary } = await actions();
    const result = await saveSummary({ ...(await base()), title: "WPS + Innovation at the United Nations", body: `${FINAL} More.` });
    expect(result.ok).toBe(true);
    expect(await current()).toMatchObject({ status: "published", title: "WPS + Innovation at the United Nations", body: `${FINAL} More.` });
  });

  it("refuses a regenerated draft, which would go live with its placeholders", async () => {
    const { generateSummary } = await actions();
    const before = await current();
    const revisions = await revisionCount(before.id);
    const result = await generateSummary({ eventId, overwrite: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/published/);
      expect(result.fieldErrors?.problems?.[0]).toMatch(/^The text still has placeholders to replace: /);
    }
    expect((await current()).body).toBe(before.body);
    expect(await revisionCount(before.id)).toBe(revisions);
  });

  it("refuses to restore a revision that breaks the rules, and restores one that keeps them", async () => {
    const { restoreSummaryRevision } = await actions();
    const summary = await current();
    const revisions = await db.select().from(summaryRevisions).where(eq(summaryRevisions.summaryId, summary.id));
    const draft = revisions.find((r) => r.body.includes(PLACEHOLDER.discussion))!;
    const clean = revisions.find((r) => r.body === FINAL)!;

    const refused = await restoreSummaryRevision({ eventId, revisionId: draft.id });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { problems: [expect.stringMatching(/placeholders to replace/)] } });
    expect((await current()).body).toBe(`${FINAL} More.`);

    expect((await restoreSummaryRevision({ eventId, revisionId: clean.id })).ok).toBe(true);
    expect((await current()).body).toBe(FINAL);
  });
});

describe("photos of a published summary", () => {
  it("cannot lose their description", async () => {
    const { updatePhotoDetails } = await actions();
    const result = await updatePhotoDetails({ eventId, id: describedPhoto, caption: "Group photo", altText: "  " });
    expect(result).toMatchObject({ ok: false, fieldErrors: { altText: [expect.any(String)] } });
    const [photo] = await db.select().from(media).where(eq(media.id, describedPhoto));
    expect(photo!.altText).toBe("Panelists on the stage");

    expect((await updatePhotoDetails({ eventId, id: describedPhoto, caption: "The group", altText: "Panelists on the stage" })).ok).toBe(true);
  });

  it("are public only with a description: one added after publishing stays off the page, out of og:image and private", async () => {
    // Put first in the order, where it would become the link preview's image.
    const [added] = await db
      .insert(media)
      .values({ storageKey: key("b"), mimeType: "image/jpeg", width: 8, height: 6, bytes: 10, eventId, sortOrder: 0 })
      .returning();

    const published = await getPublishedSummary(eventId);
    expect(published!.photos.map((p) => p.id)).toEqual([describedPhoto]);
    const { images, card } = await ogImage();
    expect(JSON.stringify(images)).toContain(`/media/${key("a")}`);
    expect(JSON.stringify(images)).not.toContain(key("b"));
    expect(card).toBe("summary_large_image");
    expect((await mediaAccess(key("b")))!.isPublic).toBe(false);
    expect((await mediaAccess(key("a")))!.isPublic).toBe(true);

    // Saving its caption alone is refused: on a published summary it needs its description too.
    const { updatePhotoDetails } = await actions();
    expect(await updatePhotoDetails({ eventId, id: added!.id, caption: "Arrivals", altText: "" })).toMatchObject({ ok: false });
    expect((await updatePhotoDetails({ eventId, id: added!.id, caption: "Arrivals", altText: "Guests arriving at the hall" })).ok).toBe(true);
    expect((await getPublishedSummary(eventId))!.photos.map((p) => p.id)).toEqual([added!.id, describedPhoto]);
    expect(JSON.stringify((await ogImage()).images)).toContain(`/media/${key("b")}`);
    expect((await mediaAccess(key("b")))!.isPublic).toBe(true);
  });

  it("leave no image in link previews when none has a description", async () => {
    await db.update(media).set({ altText: null }).where(eq(media.eventId, eventId));
    expect((await getPublishedSummary(eventId))!.photos).toEqual([]);
    const { images, card } = await ogImage();
    expect(images).toBeUndefined();
    expect(card).toBe("summary");
    await db.update(media).set({ altText: "Panelists on the stage" }).where(eq(media.eventId, eventId));
  });
});

describe("serving a published photo", () => {
  const get = (k: string, headers: Record<string, string> = {}) =>
    mediaRoute(new NextRequest(`http://localhost:3000/media/${k}`, { headers }), { params: Promise.resolve({ key: k }) });

  it("lets caches keep it briefly and revalidate, so that it can be withdrawn", async () => {
    await storage().put(key("a"), new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), "image/jpeg");
    await actAs(null);
    try {
      const served = await get(key("a"));
      expect(served.status).toBe(200);
      const cacheControl = served.headers.get("cache-control")!;
      expect(cacheControl).toBe("public, max-age=300, must-revalidate");
      expect(cacheControl).not.toContain("immutable");
      expect(Number(/max-age=(\d+)/.exec(cacheControl)![1])).toBeLessThanOrEqual(300);
      const etag = served.headers.get("etag")!;
      expect(etag).toBe(`"${key("a")}"`);

      // While it is public, revalidation costs a 304 and no bytes.
      const revalidated = await get(key("a"), { "if-none-match": etag });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");

      // Once the summary is withdrawn, the same question is answered with a 404 that nothing keeps.
      await db.update(summaries).set({ status: "draft" }).where(eq(summaries.eventId, eventId));
      for (const response of [await get(key("a")), await get(key("a"), { "if-none-match": etag })]) {
        expect(response.status).toBe(404);
        expect(response.headers.get("cache-control")).toBe("no-store");
      }

      // Staff still see it, kept out of shared caches.
      await actAs("staff@example.org");
      const staff = await get(key("a"), { "if-none-match": etag });
      expect(staff.status).toBe(200);
      expect(staff.headers.get("cache-control")).toBe("private, no-store");
    } finally {
      await db.update(summaries).set({ status: "published" }).where(eq(summaries.eventId, eventId));
      await actAs("staff@example.org");
    }
  });
});

describe("publishing and unpublishing", () => {
  it("leave the text's version alone, so that the editor open beside them can still save", async () => {
    const { publishSummary, saveSummary, unpublishSummary } = await actions();
    const opened = await base();
    expect((await unpublishSummary({ eventId })).ok).toBe(true);
    expect((await publishSummary({ eventId })).ok).toBe(true);
    const saved = await saveSummary({ ...opened, title: "WPS + Innovation at the UN", body: `${FINAL} Edited after publishing.` });
    expect(saved).toMatchObject({ ok: true, message: "Saved." });
    const restored = await saveSummary({ ...(await base()), title: "WPS + Innovation at the UN", body: FINAL });
    expect(restored.ok).toBe(true);
  });
});

describe("an unpublished summary", () => {
  it("takes any text and photos without descriptions, and cannot then be published with them", async () => {
    const { saveSummary, unpublishSummary, updatePhotoDetails, publishSummary } = await actions();
    expect((await unpublishSummary({ eventId })).ok).toBe(true);
    expect((await saveSummary({ ...(await base()), title: "WPS", body: `Draft ${PLACEHOLDER.closing}` })).ok).toBe(true);
    expect((await updatePhotoDetails({ eventId, id: describedPhoto, caption: null, altText: null })).ok).toBe(true);
    const refused = await publishSummary({ eventId });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        problems: [`The text still has placeholders to replace: ${PLACEHOLDER.closing}.`, "1 photo has no description (alt text) for people who cannot see it."],
      },
    });
    expect((await current()).status).toBe("draft");
    await updatePhotoDetails({ eventId, id: describedPhoto, caption: null, altText: "Panelists on the stage" });
    await saveSummary({ ...(await base()), title: "WPS", body: FINAL });
  });
});

describe("publishing", () => {
  it("checks the text under the summary's lock: a save that lands between check and lock is not published", async () => {
    const { publishSummary } = await actions();
    // A summary that passes every check, as the other editor's transaction starts.
    await db.update(summaries).set({ status: "draft", title: "WPS", body: FINAL }).where(eq(summaries.eventId, eventId));
    await db.update(media).set({ altText: "Panelists on the stage" }).where(eq(media.eventId, eventId));
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));

    // Another editor's save: it holds the summary's lock with placeholder text not yet committed.
    const save = db.transaction(async (tx) => {
      const summary = await lockSummary(eventId, tx);
      await updateSummaryRow(summary.id, { body: `${FINAL} ${PLACEHOLDER.discussion}` }, tx);
      locked();
      await released;
    });
    await isLocked;
    let settled = false;
    const publishing = publishSummary({ eventId }).finally(() => (settled = true));
    const client = getClient();
    if (client.driver === "postgres") {
      // Wait until publishing is queued behind the save's lock (PGlite runs one transaction at a time,
      // so there publishing simply starts after the save).
      while (!settled) {
        const [row] = await client.sql<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
        if (row!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    release();
    await save;

    const result = await publishing;
    expect(result).toMatchObject({ ok: false, fieldErrors: { problems: [`The text still has placeholders to replace: ${PLACEHOLDER.discussion}.`] } });
    const after = await current();
    expect(after.status).toBe("draft");
    expect(after.body).toContain(PLACEHOLDER.discussion);
    expect(await db.select().from(summaries).where(and(eq(summaries.eventId, eventId), eq(summaries.status, "published")))).toEqual([]);
  });
});
