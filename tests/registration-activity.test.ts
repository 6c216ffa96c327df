import { describe, expect, it } from "vitest";
import { cumulativeByDay, hourLabel, registrationActivity } from "../lib/registration-activity";

/** Registrations counted per hour, written as [hour, count] pairs. */
const perHour = (...counts: [string, number][]) => counts.map(([hour, n]) => ({ hour, n }));

describe("registrationActivity", () => {
  it("says there is nothing yet", () => {
    expect(registrationActivity([], "2026-11-30")).toEqual({ kind: "none" });
  });

  it("shows one day of registrations by the hour, with a sentence that says something", () => {
    const activity = registrationActivity(perHour(["2026-11-30T09", 2], ["2026-11-30T11", 5], ["2026-11-30T14", 1]), "2026-11-30");
    expect(activity.kind).toBe("hours");
    if (activity.kind !== "hours") return;
    expect(activity.points.map((p) => [p.hour, p.added])).toEqual([
      [9, 2],
      [10, 0],
      [11, 5],
      [12, 0],
      [13, 0],
      [14, 1],
    ]);
    expect(activity.summary).toBe(
      "All 8 registrations so far (cancelled ones included) came on November 30, between 9 a.m. and 3 p.m.; the busiest hour began at 11 a.m., with 5.",
    );
  });

  it("reads a single registration in a single hour plainly", () => {
    const activity = registrationActivity([{ hour: "2026-11-30T23", n: 1 }], "2026-11-30");
    expect(activity.kind === "hours" && activity.summary).toBe("The one registration so far came on November 30, between 11 p.m. and 12 a.m.");
  });

  it("falls back to a running total per day over several days", () => {
    const activity = registrationActivity(perHour(["2026-11-28T10", 3], ["2026-11-28T15", 1], ["2026-11-30T08", 2]), "2026-11-30");
    expect(activity.kind).toBe("days");
    if (activity.kind !== "days") return;
    expect(activity.points.map((p) => [p.day, p.total])).toEqual([
      ["2026-11-27", 0],
      ["2026-11-28", 4],
      ["2026-11-29", 4],
      ["2026-11-30", 6],
    ]);
    expect(activity.summary).toBe(
      "From November 28 to November 30, 6 registrations were made, counting any cancelled later; the busiest day was November 28, with 4 new.",
    );
  });
});

describe("cumulativeByDay", () => {
  it("runs on to the day given, and keeps to the last year", () => {
    const points = cumulativeByDay([{ day: "2020-01-01", n: 5 }, { day: "2026-11-29", n: 1 }], "2026-11-30");
    expect(points[0]!.total).toBe(5);
    expect(points.at(-1)).toEqual({ day: "2026-11-30", added: 0, total: 6 });
    expect(points.length).toBe(366);
  });
});

describe("hourLabel", () => {
  it.each([
    [0, "12 a.m."],
    [9, "9 a.m."],
    [12, "12 p.m."],
    [23, "11 p.m."],
  ])("%i reads %s", (hour, label) => expect(hourLabel(hour)).toBe(label));
});
