import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFeedbackResults } from "@/db/queries/feedback";
import { registrationFeedback } from "@/db/schema";
import { feedbackOpen } from "@/lib/after-event";
import { feedbackSchema } from "@/lib/validations/after-event";
import { newManageToken } from "@/lib/registration/tokens";
import { attendee, heldEvent } from "./support/after-event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";
import { formData as form } from "./support/form-data";

const actions = () => import("@/app/(public)/registrations/[token]/feedback-actions");

beforeAll(async () => {
  await resetWithDemo();
  // The form is the public's: nobody is signed in.
  await actAs(null);
});
afterAll(closeDb);

const rowsOf = (registrationId: string) => db.select().from(registrationFeedback).where(eq(registrationFeedback.registrationId, registrationId));

describe("the feedback form", () => {
  it("saves a rating and a comment, once per registration: a second answer replaces the first", async () => {
    const { saveMyFeedback } = await actions();
    const event = await heldEvent("Feedback");
    const { registration, token } = await attendee(event.id, `rater-${event.id.slice(0, 8)}@example.org`);

    const first = await saveMyFeedback(null, form({ token, rating: "4", comment: "  Good panel, short questions.  " }));
    expect(first).toMatchObject({ status: "saved", message: "Thank you for your feedback.", values: { rating: "4" } });
    expect(await rowsOf(registration.id)).toMatchObject([{ eventId: event.id, rating: 4, comment: "Good panel, short questions." }]);

    const changed = await saveMyFeedback(first, form({ token, rating: "5", comment: "" }));
    expect(changed.status).toBe("saved");
    const rows = await rowsOf(registration.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 5, comment: null });
    expect(rows[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.createdAt.getTime());
  });

  it("works through a manage link sent after the first", async () => {
    const { saveMyFeedback } = await actions();
    const { addManageTokenHashes } = await import("@/db/queries/registrations");
    const { hashManageToken } = await import("@/lib/registration/tokens");
    const event = await heldEvent("Second link");
    const { registration } = await attendee(event.id, `second-${event.id.slice(0, 8)}@example.org`);
    const token = newManageToken();
    await addManageTokenHashes([{ registrationId: registration.id, tokenHash: hashManageToken(token) }], db);
    expect((await saveMyFeedback(null, form({ token, rating: "3" }))).status).toBe("saved");
    expect(await rowsOf(registration.id)).toMatchObject([{ rating: 3 }]);
  });

  it("asks for a rating from 1 to 5 and a comment of at most 2,000 characters, keeping what was typed", async () => {
    const { saveMyFeedback } = await actions();
    const event = await heldEvent("Validation");
    const { registration, token } = await attendee(event.id, `checker-${event.id.slice(0, 8)}@example.org`);
    for (const rating of ["", "0", "6", "2.5", "five"]) {
      const answer = await saveMyFeedback(null, form({ token, rating, comment: "Kept" }));
      expect(answer).toMatchObject({ status: "invalid", fieldErrors: { rating: ["Choose a rating from 1 to 5."] }, values: { comment: "Kept" } });
    }
    // No rating chosen: the browser sends no field at all.
    expect(await saveMyFeedback(null, form({ token, comment: "Kept" }))).toMatchObject({ status: "invalid", fieldErrors: { rating: ["Choose a rating from 1 to 5."] } });
    const long = await saveMyFeedback(null, form({ token, rating: "2", comment: "x".repeat(2001) }));
    expect(long).toMatchObject({ status: "invalid", fieldErrors: { comment: ["Keep the comment to 2,000 characters or fewer."] } });
    expect(feedbackSchema.safeParse({ token, rating: "2", comment: "x".repeat(2000) }).success).toBe(true);
    expect(await rowsOf(registration.id)).toHaveLength(0);
  });

  it("is open only after the event, to a confirmed seat whose details are kept", async () => {
    const { saveMyFeedback } = await actions();
    const ended = await heldEvent("Closed cases");
    const upcoming = await heldEvent("Not yet", { daysAgo: -3 });
    const cancelled = await heldEvent("Cancelled", { status: "cancelled" });
    const cases = [
      await attendee(upcoming.id, `soon-${upcoming.id.slice(0, 8)}@example.org`, { checkedInAt: null }),
      await attendee(cancelled.id, `off-${cancelled.id.slice(0, 8)}@example.org`),
      await attendee(ended.id, `waiting-${ended.id.slice(0, 8)}@example.org`, { status: "waitlisted", checkedInAt: null }),
      await attendee(ended.id, `gone-${ended.id.slice(0, 8)}@example.org`, { status: "cancelled", checkedInAt: null, cancelledAt: new Date() }),
      await attendee(ended.id, `removed-${ended.id.slice(0, 8)}@example.org`, { anonymizedAt: new Date() }),
    ];
    for (const { registration, token } of cases) {
      const answer = await saveMyFeedback(null, form({ token, rating: "1" }));
      expect(answer).toMatchObject({ status: "failed", message: expect.stringMatching(/^Feedback is open after the event/) });
      expect(await rowsOf(registration.id)).toHaveLength(0);
    }
    // The page offers the form in the same cases only.
    const now = new Date();
    expect(feedbackOpen({ status: "confirmed", anonymizedAt: null }, ended, now)).toBe(true);
    expect(feedbackOpen({ status: "confirmed", anonymizedAt: null }, upcoming, now)).toBe(false);
    expect(feedbackOpen({ status: "confirmed", anonymizedAt: null }, cancelled, now)).toBe(false);
    expect(feedbackOpen({ status: "waitlisted", anonymizedAt: null }, ended, now)).toBe(false);
    expect(feedbackOpen({ status: "confirmed", anonymizedAt: now }, ended, now)).toBe(false);
  });

  it("answers an unknown or malformed link with not found", async () => {
    const { saveMyFeedback } = await actions();
    const notFound = { digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) };
    await expect(saveMyFeedback(null, form({ token: newManageToken(), rating: "5" }))).rejects.toMatchObject(notFound);
    await expect(saveMyFeedback(null, form({ token: "short", rating: "5" }))).rejects.toMatchObject(notFound);
  });
});

describe("the results staff see", () => {
  it("gives the count, average, distribution and comments of one event, newest first, without anyone else's", async () => {
    const { saveMyFeedback } = await actions();
    const event = await heldEvent("Results");
    const other = await heldEvent("Other results");
    const ratings: [number, string][] = [
      [5, "Excellent speakers."],
      [4, ""],
      [4, "Too short."],
      [2, "The room was cold."],
      [5, ""],
    ];
    for (const [i, [rating, comment]] of ratings.entries()) {
      const { token } = await attendee(event.id, `result${i}-${event.id.slice(0, 8)}@example.org`);
      expect((await saveMyFeedback(null, form({ token, rating: String(rating), comment }))).status).toBe("saved");
    }
    const { token } = await attendee(other.id, `elsewhere-${other.id.slice(0, 8)}@example.org`);
    await saveMyFeedback(null, form({ token, rating: "1", comment: "Another event." }));

    const results = await getFeedbackResults(event.id);
    expect(results.count).toBe(5);
    expect(results.average).toBeCloseTo(4, 5);
    expect(results.distribution).toEqual([0, 1, 0, 2, 2]);
    expect(results.commentCount).toBe(3);
    expect(results.comments.map((c) => c.comment)).toEqual(["The room was cold.", "Too short.", "Excellent speakers."]);
    expect(results.comments[0]).toMatchObject({ rating: 2, at: expect.any(Date) });
    expect(Object.keys(results.comments[0]!).sort()).toEqual(["at", "comment", "rating"]);

    expect(await getFeedbackResults((await heldEvent("Nobody answered")).id)).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [], commentCount: 0 });
  });
});
