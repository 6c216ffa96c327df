import { describe, expect, it } from "vitest";
import {
  durationMinutes,
  formatDualTime,
  formatDualTimeParts,
  formatDuration,
  formatLocalDate,
  formatShortDate,
  formatTime,
  formatTimeRange,
  isValidTimeZone,
  timeZoneOffsetMinutes,
  utcToZonedParts,
  zonedDateTimeToUtc,
  zoneLabel,
} from "../lib/time";

const NY = "America/New_York";
const TOKYO = "Asia/Tokyo";
const utc = (iso: string) => new Date(iso);

describe("formatDualTime", () => {
  it.each([
    ["renders the reference line with the next-day home date", "2024-03-18T20:35:00Z", NY, "March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST)"],
    ["omits the home date when it is the same day", "2024-03-18T08:00:00Z", "Europe/Berlin", "March 18, 2024, 9:00 a.m. (local time; 5:00 p.m. JST)"],
    ["drops the home clause for identical zones", "2024-03-18T07:35:00Z", TOKYO, "March 18, 2024, 4:35 p.m. (local time)"],
    ["drops the home clause when different zones read the same", "2024-03-18T07:35:00Z", "Asia/Seoul", "March 18, 2024, 4:35 p.m. (local time)"],
  ])("%s", (_, iso, zone, expected) => {
    expect(formatDualTime(utc(iso), zone, TOKYO, "JST")).toBe(expected);
  });

  it("writes noon as 12:00 p.m. and midnight as 12:00 a.m.", () => {
    expect(formatDualTime(utc("2024-03-18T16:00:00Z"), NY, "Europe/London", "GMT")).toBe(
      "March 18, 2024, 12:00 p.m. (local time; 4:00 p.m. GMT)",
    );
    expect(formatDualTime(utc("2024-11-05T15:00:00Z"), NY, TOKYO, "JST")).toBe(
      "November 5, 2024, 10:00 a.m. (local time; November 6, 12:00 a.m. JST)",
    );
  });

  it.each([
    ["2024-10-29", "10:00", "October 29, 2024, 10:00 a.m. (local time; 11:00 p.m. JST)"],
    ["2024-11-05", "10:00", "November 5, 2024, 10:00 a.m. (local time; November 6, 12:00 a.m. JST)"],
    ["2024-03-05", "18:00", "March 5, 2024, 6:00 p.m. (local time; March 6, 8:00 a.m. JST)"],
    ["2024-03-12", "18:00", "March 12, 2024, 6:00 p.m. (local time; March 13, 7:00 a.m. JST)"],
  ])("shows a 13-hour difference to Tokyo in EDT and 14 hours in EST (%s %s in New York)", (date, time, expected) => {
    expect(formatDualTime(zonedDateTimeToUtc(date, time, NY), NY, TOKYO, "JST")).toBe(expected);
  });

  it("crosses the date line from Apia to Honolulu and back", () => {
    const instant = utc("2024-06-10T20:00:00Z");
    expect(formatDualTime(instant, "Pacific/Apia", "Pacific/Honolulu", "HST")).toBe(
      "June 11, 2024, 9:00 a.m. (local time; June 10, 10:00 a.m. HST)",
    );
    expect(formatDualTime(instant, "Pacific/Honolulu", "Pacific/Apia", "WST")).toBe(
      "June 10, 2024, 10:00 a.m. (local time; June 11, 9:00 a.m. WST)",
    );
  });

  it("handles half- and three-quarter-hour zones", () => {
    const instant = utc("2024-06-10T09:30:00Z");
    expect(formatDualTime(instant, "Asia/Kolkata", "Asia/Kathmandu", "NPT")).toBe(
      "June 10, 2024, 3:00 p.m. (local time; 3:15 p.m. NPT)",
    );
    expect(formatDualTime(instant, "Asia/Kathmandu", NY, "EDT")).toBe(
      "June 10, 2024, 3:15 p.m. (local time; 5:30 a.m. EDT)",
    );
  });

  it("falls back to the platform's zone abbreviation for a blank label", () => {
    expect(formatDualTime(utc("2024-03-18T20:35:00Z"), TOKYO, NY, " ")).toBe(
      "March 19, 2024, 5:35 a.m. (local time; March 18, 4:35 p.m. EDT)",
    );
  });

  it("rejects unknown zones and invalid dates", () => {
    expect(() => formatDualTime(utc("2024-03-18T20:35:00Z"), "Mars/Olympus", TOKYO, "JST")).toThrow(
      RangeError,
    );
    expect(() => formatDualTime(new Date(Number.NaN), NY, TOKYO, "JST")).toThrow(RangeError);
  });
});

describe("formatDualTimeParts", () => {
  it("returns the pieces of the reference line", () => {
    expect(formatDualTimeParts(utc("2024-03-18T20:35:00Z"), NY, TOKYO, "JST")).toEqual({
      localDate: "March 18, 2024",
      localTime: "4:35 p.m.",
      homeDate: "March 19",
      homeTime: "5:35 a.m.",
      homeLabel: "JST",
    });
  });

  it("nulls the home date on the same day and both home fields for the same clock", () => {
    const sameDay = formatDualTimeParts(utc("2024-03-18T08:00:00Z"), "Europe/Berlin", TOKYO, "JST");
    expect(sameDay.homeDate).toBeNull();
    expect(sameDay.homeTime).toBe("5:00 p.m.");

    const sameClock = formatDualTimeParts(utc("2024-03-18T07:35:00Z"), TOKYO, TOKYO, "JST");
    expect(sameClock.homeDate).toBeNull();
    expect(sameClock.homeTime).toBeNull();
  });
});

describe("single-zone formatting", () => {
  const instant = utc("2024-03-18T20:35:00Z");

  it("formats dates and times in plain spaces with a.m./p.m.", () => {
    expect(formatLocalDate(instant, NY)).toBe("March 18, 2024");
    expect(formatShortDate(instant, NY)).toBe("March 18");
    expect(formatTime(instant, NY)).toBe("4:35 p.m.");
    expect(formatTime(instant, NY)).not.toMatch(/[\u00a0\u202f]/);
    expect(formatTime(utc("2024-03-18T14:05:00Z"), NY)).toBe("10:05 a.m.");
  });

  it("formats a time range with a spaced en dash", () => {
    expect(formatTimeRange(instant, utc("2024-03-18T21:40:00Z"), NY)).toBe(
      "4:35 p.m. \u2013 5:40 p.m.",
    );
  });
});

describe("zonedDateTimeToUtc and utcToZonedParts", () => {
  const convertsTo = (date: string, time: string, zone: string, iso: string) => {
    expect(zonedDateTimeToUtc(date, time, zone).toISOString()).toBe(iso);
  };

  it.each([
    ["2024-03-18", "16:35", NY, "2024-03-18T20:35:00.000Z"],
    ["2024-01-15", "16:35", NY, "2024-01-15T21:35:00.000Z"],
    ["2024-03-19", "05:35", TOKYO, "2024-03-18T20:35:00.000Z"],
    ["2024-06-10", "15:00", "Asia/Kolkata", "2024-06-10T09:30:00.000Z"],
    ["2024-06-10", "15:15", "Asia/Kathmandu", "2024-06-10T09:30:00.000Z"],
    ["2024-06-11", "09:00", "Pacific/Apia", "2024-06-10T20:00:00.000Z"],
    ["2024-06-10", "10:00", "Pacific/Honolulu", "2024-06-10T20:00:00.000Z"],
  ])("converts %s %s in %s", convertsTo);

  it("moves a nonexistent New York time forward by the spring-forward gap", () => {
    const instant = zonedDateTimeToUtc("2024-03-10", "02:30", NY);
    expect(instant.toISOString()).toBe("2024-03-10T07:30:00.000Z");
    expect(utcToZonedParts(instant, NY)).toEqual({ date: "2024-03-10", time: "03:30" });
    expect(zonedDateTimeToUtc("2024-03-10", "02:00", NY).toISOString()).toBe(
      "2024-03-10T07:00:00.000Z",
    );
  });

  it("keeps the times either side of the New York spring-forward gap", () => {
    expect(zonedDateTimeToUtc("2024-03-10", "01:59", NY).toISOString()).toBe(
      "2024-03-10T06:59:00.000Z",
    );
    expect(zonedDateTimeToUtc("2024-03-10", "03:00", NY).toISOString()).toBe(
      "2024-03-10T07:00:00.000Z",
    );
  });

  it("takes the first occurrence of an ambiguous New York time", () => {
    expect(zonedDateTimeToUtc("2024-11-03", "01:30", NY).toISOString()).toBe(
      "2024-11-03T05:30:00.000Z",
    );
    expect(zonedDateTimeToUtc("2024-11-03", "00:59", NY).toISOString()).toBe(
      "2024-11-03T04:59:00.000Z",
    );
    expect(zonedDateTimeToUtc("2024-11-03", "02:00", NY).toISOString()).toBe(
      "2024-11-03T07:00:00.000Z",
    );
    // Both occurrences read back as the same wall-clock time.
    expect(utcToZonedParts(utc("2024-11-03T05:30:00Z"), NY)).toEqual({
      date: "2024-11-03",
      time: "01:30",
    });
    expect(utcToZonedParts(utc("2024-11-03T06:30:00Z"), NY)).toEqual({
      date: "2024-11-03",
      time: "01:30",
    });
  });

  it.each([
    ["2024-03-31", "00:30", "Europe/London", "2024-03-31T00:30:00.000Z"],
    ["2024-03-31", "01:30", "Europe/London", "2024-03-31T01:30:00.000Z"],
    ["2024-03-31", "02:30", "Europe/London", "2024-03-31T01:30:00.000Z"],
    ["2024-10-27", "01:30", "Europe/London", "2024-10-27T00:30:00.000Z"],
    ["2024-10-27", "02:30", "Europe/London", "2024-10-27T02:30:00.000Z"],
  ])("handles the London clock changes: %s %s", convertsTo);

  it.each([
    ["2024-03-31", "02:30", "Europe/Berlin", "2024-03-31T01:30:00.000Z"],
    ["2024-03-31", "03:30", "Europe/Berlin", "2024-03-31T01:30:00.000Z"],
    ["2024-10-27", "02:30", "Europe/Berlin", "2024-10-27T00:30:00.000Z"],
    ["2024-10-27", "03:30", "Europe/Berlin", "2024-10-27T02:30:00.000Z"],
  ])("handles the Berlin clock changes: %s %s", convertsTo);

  it("round-trips every quarter hour across the 2024 clock changes", () => {
    const zones = [NY, "Europe/London", "Europe/Berlin", TOKYO, "Asia/Kathmandu", "Pacific/Apia"];
    const windows = ["2024-03-09T12:00:00Z", "2024-03-30T12:00:00Z", "2024-10-26T12:00:00Z", "2024-11-02T12:00:00Z"];
    for (const zone of zones) {
      for (const start of windows) {
        for (let q = 0; q < 4 * 48; q++) {
          const instant = new Date(Date.parse(start) + q * 15 * 60_000);
          const { date, time } = utcToZonedParts(instant, zone);
          const back = zonedDateTimeToUtc(date, time, zone);
          // Ambiguous wall times resolve to their first occurrence, an hour earlier.
          const diff = instant.getTime() - back.getTime();
          expect([0, 3_600_000]).toContain(diff);
          expect(utcToZonedParts(back, zone)).toEqual({ date, time });
        }
      }
    }
  });

  it("drops seconds when reading the wall clock", () => {
    expect(utcToZonedParts(utc("2024-03-18T20:35:59Z"), NY)).toEqual({
      date: "2024-03-18",
      time: "16:35",
    });
    expect(utcToZonedParts(utc("2024-12-31T23:30:00Z"), TOKYO)).toEqual({
      date: "2025-01-01",
      time: "08:30",
    });
  });

  it("rejects malformed input and unknown zones", () => {
    expect(() => zonedDateTimeToUtc("2024-3-18", "16:35", NY)).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2024-02-30", "16:35", NY)).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2023-02-29", "16:35", NY)).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2024-13-01", "16:35", NY)).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2024-03-18", "24:00", NY)).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2024-03-18", "16:60", NY)).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2024-03-18", "4:35 PM", NY)).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2024-03-18", "16:35", "Mars/Olympus")).toThrow(RangeError);
    expect(() => zonedDateTimeToUtc("2024-03-18", "16:35", "")).toThrow(RangeError);
    expect(() => utcToZonedParts(new Date("nonsense"), NY)).toThrow(RangeError);
    expect(zonedDateTimeToUtc("2024-02-29", "12:00", "UTC").toISOString()).toBe(
      "2024-02-29T12:00:00.000Z",
    );
  });
});

describe("isValidTimeZone and timeZoneOffsetMinutes", () => {
  it("recognises IANA zones", () => {
    expect(isValidTimeZone(NY)).toBe(true);
    expect(isValidTimeZone("Asia/Kathmandu")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("reports offsets in minutes east of UTC", () => {
    expect(timeZoneOffsetMinutes(utc("2024-01-15T12:00:00Z"), NY)).toBe(-300);
    expect(timeZoneOffsetMinutes(utc("2024-07-15T12:00:00Z"), NY)).toBe(-240);
    expect(timeZoneOffsetMinutes(utc("2024-07-15T12:00:00Z"), TOKYO)).toBe(540);
    expect(timeZoneOffsetMinutes(utc("2024-07-15T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(timeZoneOffsetMinutes(utc("2024-07-15T12:00:00Z"), "Asia/Kathmandu")).toBe(345);
    expect(timeZoneOffsetMinutes(utc("2024-07-15T12:00:00Z"), "Pacific/Apia")).toBe(780);
    expect(timeZoneOffsetMinutes(utc("2024-07-15T12:00:00Z"), "Pacific/Honolulu")).toBe(-600);
    expect(timeZoneOffsetMinutes(utc("2024-03-10T06:59:00Z"), NY)).toBe(-300);
    expect(timeZoneOffsetMinutes(utc("2024-03-10T07:00:00Z"), NY)).toBe(-240);
  });
});

describe("zoneLabel", () => {
  it("uses the platform's short zone names", () => {
    expect(zoneLabel(NY, utc("2024-07-15T12:00:00Z"))).toBe("EDT");
    expect(zoneLabel(NY, utc("2024-01-15T12:00:00Z"))).toBe("EST");
    expect(zoneLabel("Asia/Kolkata", utc("2024-01-15T12:00:00Z"))).toBe("GMT+5:30");
    expect(zoneLabel("UTC", utc("2024-01-15T12:00:00Z"))).toBe("UTC");
  });
});

describe("durations", () => {
  it("phrases durations", () => {
    expect(formatDuration(1)).toBe("approximately 1 minute");
    expect(formatDuration(45)).toBe("approximately 45 minutes");
    expect(formatDuration(60)).toBe("approximately 1 hour");
    expect(formatDuration(65)).toBe("approximately 65 minutes");
    expect(formatDuration(89)).toBe("approximately 89 minutes");
    expect(formatDuration(90)).toBe("approximately 1 hour and 30 minutes");
    expect(formatDuration(120)).toBe("approximately 2 hours");
    expect(formatDuration(121)).toBe("approximately 2 hours and 1 minute");
    expect(formatDuration(135)).toBe("approximately 2 hours and 15 minutes");
  });

  it("rejects negative and non-finite durations", () => {
    expect(() => formatDuration(-5)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });

  it("measures whole minutes between instants", () => {
    expect(durationMinutes(utc("2024-03-18T20:35:00Z"), utc("2024-03-18T21:40:00Z"))).toBe(65);
    expect(durationMinutes(utc("2024-03-18T20:35:00Z"), utc("2024-03-18T20:36:31Z"))).toBe(2);
    // Across the fall-back change the wall clock shows 01:00–02:00 but two hours pass.
    expect(
      durationMinutes(
        zonedDateTimeToUtc("2024-11-03", "01:00", NY),
        zonedDateTimeToUtc("2024-11-03", "02:00", NY),
      ),
    ).toBe(120);
  });
});
