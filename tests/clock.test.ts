import { describe, expect, it } from "vitest";
import { clockLabel, eventClock, formatStaffDate, formatStaffTime, homeClock } from "../lib/time";

const JST = { zone: "Asia/Tokyo", label: "JST" };
const NY = { zone: "America/New_York" };
const ZURICH = { zone: "Europe/Zurich" };
const at = (iso: string) => new Date(iso);

describe("formatStaffTime", () => {
  const cases: { name: string; instant: string; clock: { zone: string; label?: string }; now: string; seconds?: boolean; expected: string }[] = [
    // The outbox line, "2026-11-30 08:28 UTC", read on the same day in the home zone.
    { name: "today in the home zone, with its label", instant: "2026-11-30T08:28:00Z", clock: JST, now: "2026-11-30T09:00:00Z", expected: "5:28 p.m. JST" },
    { name: "yesterday in the home zone", instant: "2026-11-29T08:28:00Z", clock: JST, now: "2026-11-30T09:00:00Z", expected: "November 29, 5:28 p.m. JST" },
    { name: "another year carries the year", instant: "2024-03-18T20:25:00Z", clock: NY, now: "2026-11-30T09:00:00Z", expected: "March 18, 2024, 4:25 p.m. EDT" },
    // 23:30 UTC is already the next day in Tokyo: "today" is the zone's today, not the server's.
    { name: "today is the zone's own day", instant: "2026-11-30T23:30:00Z", clock: JST, now: "2026-12-01T01:00:00Z", expected: "8:30 a.m. JST" },
    { name: "the same instant is another day in New York", instant: "2026-11-30T23:30:00Z", clock: NY, now: "2026-12-01T16:00:00Z", expected: "November 30, 6:30 p.m. EST" },
    // DST: the same wall clock hour before and after the spring change reads a different label.
    { name: "before New York's spring change", instant: "2024-03-10T06:30:00Z", clock: NY, now: "2024-03-10T20:00:00Z", expected: "1:30 a.m. EST" },
    { name: "after New York's spring change", instant: "2024-03-10T07:30:00Z", clock: NY, now: "2024-03-10T20:00:00Z", expected: "3:30 a.m. EDT" },
    { name: "fall-back night, first 1:30", instant: "2024-11-03T05:30:00Z", clock: NY, now: "2024-11-03T20:00:00Z", expected: "1:30 a.m. EDT" },
    { name: "fall-back night, second 1:30", instant: "2024-11-03T06:30:00Z", clock: NY, now: "2024-11-03T20:00:00Z", expected: "1:30 a.m. EST" },
    { name: "a zone without a CLDR abbreviation", instant: "2026-01-15T14:00:00Z", clock: ZURICH, now: "2026-11-30T09:00:00Z", expected: "January 15, 3:00 p.m. GMT+1" },
    { name: "a half-hour zone", instant: "2026-11-30T06:00:00Z", clock: { zone: "Asia/Kolkata" }, now: "2026-11-30T07:00:00Z", expected: "11:30 a.m. GMT+5:30" },
    { name: "midnight and noon in house style", instant: "2026-06-01T15:00:00Z", clock: JST, now: "2026-06-01T15:30:00Z", expected: "12:00 a.m. JST" },
    { name: "noon", instant: "2026-06-01T03:00:00Z", clock: JST, now: "2026-06-01T03:30:00Z", expected: "12:00 p.m. JST" },
    { name: "seconds for the audit log", instant: "2024-03-18T20:35:07Z", clock: NY, now: "2024-03-18T21:00:00Z", seconds: true, expected: "4:35:07 p.m. EDT" },
    { name: "seconds with a date", instant: "2024-03-18T20:35:07Z", clock: JST, now: "2026-11-30T09:00:00Z", seconds: true, expected: "March 19, 2024, 5:35:07 a.m. JST" },
    { name: "a blank label falls back to the abbreviation", instant: "2024-07-01T12:00:00Z", clock: { zone: "America/New_York", label: " " }, now: "2024-07-01T13:00:00Z", expected: "8:00 a.m. EDT" },
  ];

  it.each(cases)("$name", ({ instant, clock, now, seconds, expected }) => {
    expect(formatStaffTime(at(instant), clock, { now: at(now), seconds })).toBe(expected);
  });

  it("reads one check-in the same in both places that show it", () => {
    // The issue: "5:25 a.m." on Registrations (home zone) and "4:25 p.m." on Check-in (event zone).
    const checkedIn = at("2024-03-18T20:25:00Z");
    const home = homeClock({ homeTimeZone: "Asia/Tokyo", homeTimeZoneLabel: "JST" });
    const clock = eventClock("America/New_York", home);
    const now = at("2026-11-30T09:00:00Z");
    expect(formatStaffTime(checkedIn, clock, { now })).toBe("March 18, 2024, 4:25 p.m. EDT");
  });

  it("rejects an invalid instant or zone instead of printing nonsense", () => {
    expect(() => formatStaffTime(new Date(Number.NaN), JST)).toThrow(RangeError);
    expect(() => formatStaffTime(at("2024-01-01T00:00:00Z"), { zone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("formatStaffDate", () => {
  const now = at("2026-11-30T09:00:00Z");
  it.each([
    ["2026-11-30T01:00:00Z", "today"],
    ["2026-11-29T01:00:00Z", "November 29"],
    ["2024-03-18T20:35:00Z", "March 19, 2024"],
  ])("%s in Tokyo reads %s", (instant, expected) => {
    expect(formatStaffDate(at(instant), JST, { now })).toBe(expected);
  });
});

describe("clocks", () => {
  it("an event in the home zone uses the home label", () => {
    expect(eventClock("Asia/Tokyo", JST)).toEqual(JST);
    expect(eventClock("America/New_York", JST)).toEqual({ zone: "America/New_York" });
  });

  it("labels come from the settings, else from the zone at that instant", () => {
    expect(clockLabel(JST, at("2024-01-01T00:00:00Z"))).toBe("JST");
    expect(clockLabel(NY, at("2024-01-01T00:00:00Z"))).toBe("EST");
    expect(clockLabel(NY, at("2024-07-01T00:00:00Z"))).toBe("EDT");
  });
});
