import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, events, media, summaries, summaryRevisions } from "@/db/schema";
import { PLACEHOLDER } from "@/lib/summary-draft";
import { closeDb, db, resetWithDemo } from "./support/db";
import { clearDemoSummary } from "./support/demo-summary";
import { actAs } from "./support/session";


const actions = () => import("@/app/(staff)/admin/events/[id]/summary/actions");
let eventId: string;

beforeAll(async () => {
  await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  await actAs("staff@example.org");
  const [event] = await db.select().from(events).where(eq(events.slug, "wps-innovation-4-from-the-united-nations"));
  eventId = event!.id;
  // The demo publishes this summary; these tests write it from the start, as staff do for a new event.
  await clearDemoSummary(eventId);
});
afterAll(closeDb);

describe("summary of the fourth WPS + Innovation meeting", () => {
  it("generates a draft with the dual time sentence, the panel and the attendance", async () => {
    const { generateSummary } = await actions();
    const result = await generateSummary({ eventId });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.body).toContain("On March 18, commencing at 4:35 p.m. (local time; March 19, 5:35 a.m. JST) for approximately 65 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan");
    expect(result.data.body).toContain("the fourth meeting on “WPS + Innovation”");
    expect(result.data.body).toContain("moderated by Ambassador Mitsuko Shino (Deputy Permanent Representative of Japan to the United Nations)");
    for (const panelist of ["Ms. Sima Bahous (Executive Director of UN Women)", "Ambassador Merete Brattested (Permanent Representative of Norway to the United Nations)", "Ms. Izumi Nakamitsu (UN Under-Secretary-General and High Representative for Disarmament Affairs)"]) {
      expect(result.data.body).toContain(panelist);
    }
    expect(result.data.body).toContain("attended by a total of about 90 people");
    // The demo checked 92 people in at the door.
    expect(result.data.attendanceCount).toBe(92);
  });

  it("does not replace text without being asked, and keeps the replaced text in the revisions", async () => {
    const { generateSummary, saveSummary } = await actions();
    const [before] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
    const edited = await saveSummary({ eventId, title: "WPS + Innovation at the UN", lede: "", body: "Edited by staff.", attendanceCount: 90, attendanceWording: "about 90 people", baseUpdatedAt: before!.updatedAt.toISOString() });
    expect(edited.ok).toBe(true);

    const again = await generateSummary({ eventId });
    expect(again).toMatchObject({ ok: false, fieldErrors: { confirm: ["needed"] } });
    const [kept] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
    expect(kept!.body).toBe("Edited by staff.");

    const replaced = await generateSummary({ eventId, overwrite: true });
    expect(replaced.ok).toBe(true);
    const bodies = (await db.select({ body: summaryRevisions.body }).from(summaryRevisions).where(eq(summaryRevisions.summaryId, kept!.id))).map((r) => r.body);
    expect(bodies).toContain("Edited by staff.");
    // The title staff gave survives a new draft.
    const [now] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
    expect(now!.title).toBe("WPS + Innovation at the UN");
  });

  it("refuses a save based on an older version", async () => {
    const { saveSummary } = await actions();
    const result = await saveSummary({ eventId, title: "x", body: "y", baseUpdatedAt: "2000-01-01T00:00:00.000Z" });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/Someone else saved/);
  });

  it("restores a revision", async () => {
    const { restoreSummaryRevision } = await actions();
    const [summary] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
    const [edited] = await db.select().from(summaryRevisions).where(eq(summaryRevisions.body, "Edited by staff."));
    const result = await restoreSummaryRevision({ eventId, revisionId: edited!.id });
    expect(result.ok).toBe(true);
    const [after] = await db.select().from(summaries).where(eq(summaries.id, summary!.id));
    expect(after!.body).toBe("Edited by staff.");
  });

  it("refuses to publish with the reasons listed, then publishes and unpublishes with audit rows", async () => {
    const { publishSummary, saveSummary, unpublishSummary, updatePhotoDetails } = await actions();
    const [current] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
    await saveSummary({ eventId, title: "", body: `Text with ${PLACEHOLDER.discussion}`, baseUpdatedAt: current!.updatedAt.toISOString() });
    const [photo] = await db
      .insert(media)
      .values({ storageKey: `${"a".repeat(64)}.jpg`, mimeType: "image/jpeg", width: 4, height: 3, bytes: 10, eventId, caption: "Group photo" })
      .returning();

    const refused = await publishSummary({ eventId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.fieldErrors?.problems).toEqual([
        "The summary has no title.",
        `The text still has placeholders to replace: ${PLACEHOLDER.discussion}.`,
        "1 photo has no description (alt text) for people who cannot see it.",
      ]);
    }

    const [again] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
    await saveSummary({ eventId, title: "Women's Empowerment at the UN", body: "Final text.", baseUpdatedAt: again!.updatedAt.toISOString() });
    await updatePhotoDetails({ eventId, id: photo!.id, caption: "Group photo", altText: "Participants of the symposium" });
    expect((await publishSummary({ eventId })).ok).toBe(true);
    const [published] = await db.select().from(summaries).where(eq(summaries.eventId, eventId));
    expect(published).toMatchObject({ status: "published" });
    expect(published!.publishedAt).toBeInstanceOf(Date);

    expect((await unpublishSummary({ eventId })).ok).toBe(true);
    const actionsLogged = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, published!.id))).map((r) => r.action);
    expect(actionsLogged).toEqual(expect.arrayContaining(["summary.publish", "summary.unpublish", "summary.generate", "summary.update", "summary.restore"]));
  });
});
