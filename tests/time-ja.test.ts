import { describe, expect, it } from "vitest";
import { durationMinutes, utcToZonedParts, zonedDateTimeToUtc } from "../lib/time";
import {
  formatDualTime,
  formatDualTimeParts,
  formatDuration,
  formatLocalDate,
  formatShortDate,
  formatTime,
  formatTimeRange,
  zoneLabel,
} from "../lib/time-ja";

const NY = "America/New_York";
const TOKYO = "Asia/Tokyo";
const utc = (iso: string) => new Date(iso);

describe("formatDualTime", () => {
  it.each([
    ["renders the demo line with the next-day home date", "2024-03-18T20:35:00Z", NY, "現地時間2024年3月18日午後4時35分（日本時間3月19日午前5時35分）"],
    ["omits the home date when it is the same day", "2024-03-18T08:00:00Z", "Europe/Berlin", "現地時間2024年3月18日午前9時（日本時間午後5時）"],
    ["drops the home bracket for identical zones", "2024-03-18T07:35:00Z", TOKYO, "現地時間2024年3月18日午後4時35分"],
    ["drops the home bracket when different zones read the same", "2024-03-18T07:35:00Z", "Asia/Seoul", "現地時間2024年3月18日午後4時35分"],
  ])("%s", (_, iso, zone, expected) => {
    expect(formatDualTime(utc(iso), zone, TOKYO)).toBe(expected);
  });

  it("writes noon as 午後0時 and midnight as 午前0時", () => {
    expect(formatDualTime(utc("2024-03-18T16:00:00Z"), NY, "Europe/London")).toBe(
      "現地時間2024年3月18日午後0時（イギリス時間午後4時）",
    );
    expect(formatDualTime(utc("2024-11-05T15:00:00Z"), NY, TOKYO)).toBe(
      "現地時間2024年11月5日午前10時（日本時間11月6日午前0時）",
    );
  });

  it.each([
    ["2024-10-29", "10:00", "現地時間2024年10月29日午前10時（日本時間午後11時）"],
    ["2024-11-05", "10:00", "現地時間2024年11月5日午前10時（日本時間11月6日午前0時）"],
    ["2024-03-05", "18:00", "現地時間2024年3月5日午後6時（日本時間3月6日午前8時）"],
    ["2024-03-12", "18:00", "現地時間2024年3月12日午後6時（日本時間3月13日午前7時）"],
  ])("shows a 13-hour difference to Tokyo in EDT and 14 hours in EST (%s %s in New York)", (date, time, expected) => {
    expect(formatDualTime(zonedDateTimeToUtc(date, time, NY), NY, TOKYO)).toBe(expected);
  });

  it("crosses the date line from Apia to Honolulu and back", () => {
    const instant = utc("2024-06-10T20:00:00Z");
    expect(formatDualTime(instant, "Pacific/Apia", "Pacific/Honolulu")).toBe(
      "現地時間2024年6月11日午前9時（ホノルル時間6月10日午前10時）",
    );
    expect(formatDualTime(instant, "Pacific/Honolulu", "Pacific/Apia")).toBe(
      "現地時間2024年6月10日午前10時（サモア時間6月11日午前9時）",
    );
  });

  it("handles half- and three-quarter-hour zones", () => {
    const instant = utc("2024-06-10T09:30:00Z");
    expect(formatDualTime(instant, "Asia/Kolkata", "Asia/Kathmandu")).toBe(
      "現地時間2024年6月10日午後3時（ネパール時間午後3時15分）",
    );
    expect(formatDualTime(instant, "Asia/Kathmandu", NY)).toBe(
      "現地時間2024年6月10日午後3時15分（ニューヨーク時間午前5時30分）",
    );
  });

  it("names a home zone other than Tokyo by its Japanese name", () => {
    expect(formatDualTime(utc("2024-03-18T20:35:00Z"), TOKYO, NY)).toBe(
      "現地時間2024年3月19日午前5時35分（ニューヨーク時間3月18日午後4時35分）",
    );
  });

  it("rejects unknown zones and invalid dates", () => {
    expect(() => formatDualTime(utc("2024-03-18T20:35:00Z"), "Mars/Olympus", TOKYO)).toThrow(RangeError);
    expect(() => formatDualTime(utc("2024-03-18T20:35:00Z"), NY, "Mars/Olympus")).toThrow(RangeError);
    expect(() => formatDualTime(new Date(Number.NaN), NY, TOKYO)).toThrow(RangeError);
  });
});

describe("formatDualTimeParts", () => {
  it("returns the pieces of the demo line", () => {
    expect(formatDualTimeParts(utc("2024-03-18T20:35:00Z"), NY, TOKYO)).toEqual({
      localDate: "2024年3月18日",
      localTime: "午後4時35分",
      homeDate: "3月19日",
      homeTime: "午前5時35分",
      homeLabel: "日本時間",
    });
  });

  it("nulls the home date on the same day and both home fields for the same clock", () => {
    const sameDay = formatDualTimeParts(utc("2024-03-18T08:00:00Z"), "Europe/Berlin", TOKYO);
    expect(sameDay.homeDate).toBeNull();
    expect(sameDay.homeTime).toBe("午後5時");

    const sameClock = formatDualTimeParts(utc("2024-03-18T07:35:00Z"), TOKYO, TOKYO);
    expect(sameClock.homeDate).toBeNull();
    expect(sameClock.homeTime).toBeNull();
  });
});

describe("single-zone formatting", () => {
  const instant = utc("2024-03-18T20:35:00Z");

  it("formats dates and times with 年月日 and 午前/午後, without spaces", () => {
    expect(formatLocalDate(instant, NY)).toBe("2024年3月18日");
    expect(formatShortDate(instant, NY)).toBe("3月18日");
    expect(formatTime(instant, NY)).toBe("午後4時35分");
    expect(formatTime(instant, NY)).not.toMatch(/\s/u);
    expect(formatTime(utc("2024-03-18T14:05:00Z"), NY)).toBe("午前10時5分");
    expect(formatTime(utc("2024-03-18T20:00:00Z"), NY)).toBe("午後4時");
  });

  it("formats a time range with a wave dash", () => {
    expect(formatTimeRange(instant, utc("2024-03-18T21:40:00Z"), NY)).toBe("午後4時35分～午後5時40分");
  });

  it("reads the new year in the zone", () => {
    expect(formatLocalDate(utc("2024-12-31T23:30:00Z"), TOKYO)).toBe("2025年1月1日");
    expect(formatTime(utc("2024-12-31T23:30:00Z"), TOKYO)).toBe("午前8時30分");
  });
});

describe("daylight-saving nights", () => {
  it.each([
    ["New York, before spring-forward", "2024-03-10T06:59:00Z", NY, "午前1時59分"],
    ["New York, after spring-forward", "2024-03-10T07:00:00Z", NY, "午前3時"],
    ["New York, first 1:30 of fall-back night", "2024-11-03T05:30:00Z", NY, "午前1時30分"],
    ["New York, second 1:30 of fall-back night", "2024-11-03T06:30:00Z", NY, "午前1時30分"],
    ["London, before spring-forward", "2024-03-31T00:30:00Z", "Europe/London", "午前0時30分"],
    ["London, after spring-forward", "2024-03-31T01:30:00Z", "Europe/London", "午前2時30分"],
    ["London, first 1:30 of fall-back night", "2024-10-27T00:30:00Z", "Europe/London", "午前1時30分"],
    ["London, after fall-back", "2024-10-27T02:30:00Z", "Europe/London", "午前2時30分"],
    ["Berlin, after spring-forward", "2024-03-31T01:30:00Z", "Europe/Berlin", "午前3時30分"],
    ["Berlin, first 2:30 of fall-back night", "2024-10-27T00:30:00Z", "Europe/Berlin", "午前2時30分"],
    ["Berlin, second 2:30 of fall-back night", "2024-10-27T01:30:00Z", "Europe/Berlin", "午前2時30分"],
  ])("%s", (_, iso, zone, expected) => {
    expect(formatTime(utc(iso), zone)).toBe(expected);
  });

  it("writes a time skipped by spring-forward as the time it moves to", () => {
    expect(formatTime(zonedDateTimeToUtc("2024-03-10", "02:30", NY), NY)).toBe("午前3時30分");
  });

  it("reads the same clock as lib/time.ts every quarter hour across the 2024 clock changes", () => {
    const zones = [NY, "Europe/London", "Europe/Berlin", TOKYO, "Asia/Kathmandu", "Pacific/Apia"];
    const windows = ["2024-03-09T12:00:00Z", "2024-03-30T12:00:00Z", "2024-10-26T12:00:00Z", "2024-11-02T12:00:00Z"];
    for (const zone of zones) {
      for (const start of windows) {
        for (let q = 0; q < 4 * 48; q++) {
          const instant = new Date(Date.parse(start) + q * 15 * 60_000);
          const { date, time } = utcToZonedParts(instant, zone);
          const [year, month, day] = date.split("-").map(Number);
          const [hour, minute] = time.split(":").map(Number);
          expect(formatLocalDate(instant, zone)).toBe(`${year}年${month}月${day}日`);
          const clock = `${hour! < 12 ? "午前" : "午後"}${hour! % 12}時${minute === 0 ? "" : `${minute}分`}`;
          expect(formatTime(instant, zone)).toBe(clock);
        }
      }
    }
  });

  it("shows the New York–Tokyo difference change on the nights themselves", () => {
    // 01:59 EST is 15:59 in Tokyo; a minute later clocks in New York read 03:00 EDT, 16:00 in Tokyo.
    expect(formatDualTime(utc("2024-03-10T06:59:00Z"), NY, TOKYO)).toBe(
      "現地時間2024年3月10日午前1時59分（日本時間午後3時59分）",
    );
    expect(formatDualTime(utc("2024-03-10T07:00:00Z"), NY, TOKYO)).toBe(
      "現地時間2024年3月10日午前3時（日本時間午後4時）",
    );
    // Both 1:30s of fall-back night: the home time tells them apart.
    expect(formatDualTime(utc("2024-11-03T05:30:00Z"), NY, TOKYO)).toBe(
      "現地時間2024年11月3日午前1時30分（日本時間午後2時30分）",
    );
    expect(formatDualTime(utc("2024-11-03T06:30:00Z"), NY, TOKYO)).toBe(
      "現地時間2024年11月3日午前1時30分（日本時間午後3時30分）",
    );
  });
});

describe("zoneLabel", () => {
  it("calls Tokyo 日本時間", () => {
    expect(zoneLabel(TOKYO, utc("2024-07-15T12:00:00Z"))).toBe("日本時間");
  });

  it("uses one Japanese name for a zone across daylight saving", () => {
    expect(zoneLabel(NY, utc("2024-07-15T12:00:00Z"))).toBe("ニューヨーク時間");
    expect(zoneLabel(NY, utc("2024-01-15T12:00:00Z"))).toBe("ニューヨーク時間");
    expect(zoneLabel("Europe/London", utc("2024-07-15T12:00:00Z"))).toBe("イギリス時間");
    expect(zoneLabel("Europe/Berlin", utc("2024-01-15T12:00:00Z"))).toBe("ドイツ時間");
    expect(zoneLabel("Asia/Kolkata", utc("2024-01-15T12:00:00Z"))).toBe("インド時間");
    expect(zoneLabel("Asia/Kathmandu", utc("2024-01-15T12:00:00Z"))).toBe("ネパール時間");
  });

  it("skips names in Latin letters and falls back to the offset", () => {
    expect(zoneLabel("UTC", utc("2024-01-15T12:00:00Z"))).toBe("協定世界時");
    expect(zoneLabel("Etc/GMT-14", utc("2024-01-15T12:00:00Z"))).toBe("GMT+14");
  });

  it("rejects unknown zones and invalid dates", () => {
    expect(() => zoneLabel("Mars/Olympus", utc("2024-01-15T12:00:00Z"))).toThrow(RangeError);
    expect(() => zoneLabel(TOKYO, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("durations", () => {
  it("phrases durations by the English rule of when to count in hours", () => {
    expect(formatDuration(1)).toBe("約1分間");
    expect(formatDuration(45)).toBe("約45分間");
    expect(formatDuration(60)).toBe("約1時間");
    expect(formatDuration(65)).toBe("約65分間");
    expect(formatDuration(89)).toBe("約89分間");
    expect(formatDuration(90)).toBe("約1時間30分");
    expect(formatDuration(120)).toBe("約2時間");
    expect(formatDuration(121)).toBe("約2時間1分");
    expect(formatDuration(135)).toBe("約2時間15分");
  });

  it("rejects negative and non-finite durations", () => {
    expect(() => formatDuration(-5)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });

  it("phrases the demo event and a fall-back night", () => {
    expect(formatDuration(durationMinutes(utc("2024-03-18T20:35:00Z"), utc("2024-03-18T21:40:00Z")))).toBe("約65分間");
    // The wall clock shows 01:00–02:00 but two hours pass.
    expect(
      formatDuration(
        durationMinutes(zonedDateTimeToUtc("2024-11-03", "01:00", NY), zonedDateTimeToUtc("2024-11-03", "02:00", NY)),
      ),
    ).toBe("約2時間");
  });
});
