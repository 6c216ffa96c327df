import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaAccess } from "@/db/queries/media";
import { getPublishedSummary, listLatestSummaries } from "@/db/queries/published-summaries";
import { DEMO_ACCOUNTS, seedIfEmpty } from "@/db/seed";
import { auditLog, events, registrations, summaries, summaryRevisions, users } from "@/db/schema";
import { storage } from "@/lib/storage";
import { PLACEHOLDER } from "@/lib/summary-draft";
import { publishProblems } from "@/lib/summary-publish";
import { closeDb, db, resetDatabase } from "./support/db";

const NOW = new Date("2026-11-28T12:00:00Z");
const FOURTH = "wps-innovation-4-from-the-united-nations";

let eventId: string;

beforeAll(async () => {
  await resetDatabase();
  expect(await seedIfEmpty(NOW)).toBe(true);
  eventId = (await db.select({ id: events.id }).from(events).where(eq(events.slug, FOURTH)))[0]!.id;
});
afterAll(async () => {
  await closeDb();
});

describe("the demo's published summary of the fourth meeting", () => {
  it("is published, and passes the rules staff publish by", async () => {
    const published = await getPublishedSummary(eventId);
    expect(published?.summary).toMatchObject({ status: "published", title: "WPS + Innovation: From the United Nations" });
    expect(published!.summary.publishedAt?.toISOString()).toBe("2024-03-19T20:35:00.000Z");
    expect(await publishProblems(eventId)).toEqual([]);
  });

  it("is the generated draft with its outline filled in", async () => {
    const { summary } = (await getPublishedSummary(eventId))!;
    expect(summary.body).toMatch(/^On March 18, commencing at 4:35 p\.m\. \(local time; March 19, 5:35 a\.m\. JST\) for approximately 65 minutes/);
    expect(summary.body).toContain("the fourth meeting on “WPS + Innovation”, a symposium entitled “From the United Nations”");
    expect(summary.body).toContain("1. At the beginning of the meeting, Minister Kamikawa made a speech. The outline is as follows:");
    expect(summary.body).toMatch(/ {3}4\. The panel discussion that follows/);
    expect(summary.body).toContain("2. The panel discussion was moderated by Ambassador Mitsuko Shino (Deputy Permanent Representative of Japan to the United Nations)");
    expect(summary.body).toContain("The discussion was very active");
    expect(summary.body).toContain("3. In closing, Minister Kamikawa concluded the symposium by stating that the opinions and suggestions");
    for (const placeholder of [...Object.values(PLACEHOLDER), "[the speaker]", "[the host]"]) expect(summary.body).not.toContain(placeholder);
    expect(summary.lede).toContain("took part in the fourth meeting on “WPS + Innovation”");

    // Its text is kept as a revision by the staff account, as an editor's save is; the seed writes no
    // audit rows for what no one did on the site.
    const [staff] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.staff));
    const all = await db.select().from(summaryRevisions).where(eq(summaryRevisions.summaryId, summary.id));
    const revisions = all.filter((r) => r.language === null);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ body: summary.body, authorId: staff!.id });
    // And one of its Japanese version (tests/summary-languages.test.ts).
    expect(all.filter((r) => r.language === "ja")).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, summary.id))).toEqual([]);
  });

  it("counts its attendance from the demo's check-ins", async () => {
    const checkedIn = (await db.select({ at: registrations.checkedInAt }).from(registrations).where(eq(registrations.eventId, eventId))).filter((r) => r.at);
    expect(checkedIn.length).toBeGreaterThan(0);
    const { summary } = (await getPublishedSummary(eventId))!;
    expect(summary.attendanceCount).toBe(checkedIn.length);
    expect(summary.attendanceWording).toBe("about 90 people");
    expect(summary.body).toContain("The symposium was attended by a total of about 90 people.");
  });

  it("has three captioned photos with descriptions, stored and public", async () => {
    const { photos } = (await getPublishedSummary(eventId))!;
    expect(photos).toHaveLength(3);
    expect(photos.map((p) => p.caption)).toEqual([
      "Participants of the symposium (illustration)",
      "The opening speech (illustration)",
      "The panel discussion (illustration)",
    ]);
    expect(new Set(photos.map((p) => p.storageKey)).size).toBe(3);
    for (const photo of photos) {
      expect(photo.altText?.trim().length).toBeGreaterThan(20);
      expect(photo.altText).toMatch(/^Illustration: /);
      expect(photo.storageKey).toMatch(/^[0-9a-f]{64}\.jpg$/);
      expect(await mediaAccess(photo.storageKey)).toMatchObject({ isPublic: true, mimeType: "image/jpeg" });
      const stored = await storage().get(photo.storageKey);
      expect(stored).not.toBeNull();
      const bytes = Buffer.from(await new Response(stored!.body).arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta).toMatchObject({ format: "jpeg", width: photo.width, height: photo.height });
      expect(meta.exif).toBeUndefined();
    }
  });

  it("has the two references", async () => {
    const { references } = (await getPublishedSummary(eventId))!;
    expect(references.map((r) => r.title)).toEqual(["Women, Peace and Security (WPS)", "Opening remarks by the Minister for Foreign Affairs"]);
    expect(references[0]!.text).toContain("resolution 1325");
  });

  it("is listed among the published summaries", async () => {
    expect((await listLatestSummaries()).map((s) => s.eventSlug)).toEqual([FOURTH]);
  });

  it("is not added again by a second seed", async () => {
    expect(await seedIfEmpty(NOW)).toBe(false);
    expect(await db.select().from(summaries)).toHaveLength(1);
    expect((await getPublishedSummary(eventId))!.photos).toHaveLength(3);
  });
});
