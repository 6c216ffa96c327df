import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listForCheckIn, registrationsPerHour } from "@/db/queries/registrations";
import { events, registrations } from "@/db/schema";
import { registrationActivity } from "@/lib/registration-activity";
import { closeDb, db, resetWithDemo } from "./support/db";

let fourthId: string;

beforeAll(async () => {
  await resetWithDemo();
  const [fourth] = await db.select().from(events).where(eq(events.slug, "wps-innovation-4-from-the-united-nations"));
  fourthId = fourth!.id;
});
afterAll(closeDb);

describe("registrationsPerHour", () => {
  it("counts by the hour on the event's clock", async () => {
    // The demo's 92 registrations were all made at 2024-03-01 12:00 UTC.
    expect(await registrationsPerHour(fourthId, "America/New_York")).toEqual([{ hour: "2024-03-01T07", n: 92 }]);
    expect(await registrationsPerHour(fourthId, "Asia/Tokyo")).toEqual([{ hour: "2024-03-01T21", n: 92 }]);
  });

  it("gives the chart one day by the hour, said in a sentence", async () => {
    const activity = registrationActivity(await registrationsPerHour(fourthId, "America/New_York"), "2024-03-18");
    expect(activity.kind).toBe("hours");
    expect(activity.kind === "hours" && activity.summary).toBe(
      "All 92 registrations so far (cancelled ones included) came on March 1, between 7 a.m. and 8 a.m.",
    );
  });
});

describe("listForCheckIn", () => {
  it("holds every registration with its status, so that the door can answer for a cancelled code", async () => {
    const before = await listForCheckIn(fourthId);
    expect(before).toHaveLength(92);
    expect(before.every((p) => p.status === "confirmed" && p.checkedInAt instanceof Date)).toBe(true);

    const [one] = before;
    await db.update(registrations).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(registrations.id, one!.id));
    const after = await listForCheckIn(fourthId);
    expect(after).toHaveLength(92);
    expect(after.find((p) => p.id === one!.id)?.status).toBe("cancelled");
  });
});
