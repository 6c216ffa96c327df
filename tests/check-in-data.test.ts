import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchForCheckIn } from "@/db/queries/registration-lists";
import { registrationsPerHour } from "@/db/queries/registration-lists";
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

describe("searchForCheckIn", () => {
  it("lists people with a seat by name, a few dozen at a time, and finds anyone by code, so that the door can answer for a cancelled code", async () => {
    const first = await searchForCheckIn(fourthId, "", 60);
    expect(first.people).toHaveLength(60);
    expect(first.more).toBe(true);
    const names = first.people.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(first.people.every((p) => p.status === "confirmed" && p.checkedInAt instanceof Date)).toBe(true);
    const all = await searchForCheckIn(fourthId, "", 1000);
    expect(all.people).toHaveLength(92);
    expect(all.more).toBe(false);

    const [one] = first.people;
    await db.update(registrations).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(registrations.id, one!.id));
    const after = await searchForCheckIn(fourthId, "", 1000);
    expect(after.people).toHaveLength(91);
    const code = one!.checkInCode;
    const byCode = await searchForCheckIn(fourthId, `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
    expect(byCode.byCode).toMatchObject({ id: one!.id, status: "cancelled" });
    expect(byCode.people).toEqual([]);
  });

  it("finds by the beginnings of words in the name, email and organization, accents aside", async () => {
    const [someone] = (await searchForCheckIn(fourthId, "", 1)).people;
    await db.update(registrations).set({ name: "José García-Ñúñez", organization: "Ministère des Affaires étrangères" }).where(eq(registrations.id, someone!.id));
    for (const q of ["jose", "GARC", "garcia nunez", "nun jos", "minist etrang", "José García"]) {
      expect((await searchForCheckIn(fourthId, q)).people.map((p) => p.id), q).toEqual([someone!.id]);
    }
    expect((await searchForCheckIn(fourthId, "arcia")).people).toEqual([]);
    const email = someone!.email;
    expect((await searchForCheckIn(fourthId, email)).people.map((p) => p.id)).toEqual([someone!.id]);
    expect((await searchForCheckIn(fourthId, email.split("@")[0]!)).people.map((p) => p.id)).toContain(someone!.id);
  });
});
