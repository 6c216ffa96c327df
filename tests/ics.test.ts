import { describe, expect, it } from "vitest";
import { buildCalendar, type CalendarSource, escapeText, eventToIcs, eventUid, foldLine, type IcsEvent, sequenceFor, toIcsUtc } from "../lib/ics";

const octets = (s: string) => Buffer.byteLength(s, "utf8");

/** The content lines of a file, unfolded as a reader would. */
const unfold = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");

const fourth: CalendarSource = {
  id: "8f14e45f-ceea-467f-a0e6-1b3c2a9d5e70",
  slug: "wps-innovation-4-from-the-united-nations",
  title: "From the United Nations",
  status: "scheduled",
  startsAt: new Date("2024-03-18T20:35:00Z"),
  endsAt: new Date("2024-03-18T21:40:00Z"),
  updatedAt: new Date("2024-03-01T09:15:30Z"),
  description: 'The fourth dialogue on "WPS + Innovation", held at the United Nations; all welcome.',
  seriesName: "WPS + Innovation",
  seriesNumber: 4,
  venue: { name: "United Nations Headquarters", address: "405 East 42nd Street", city: "New York", country: "United States" },
};

const BASE = "https://symposia.example.org";

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    expect(escapeText("one\r\ntwo\rthree")).toBe("one\\ntwo\\nthree");
  });

  it("drops control characters other than tab", () => {
    expect(escapeText("a\u0000b\u0007c\td\u007f")).toBe("abc\td");
  });

  it("drops terminal escapes, C1 controls and stray carriage returns, and marks half a surrogate pair", () => {
    expect(escapeText("red\u001b[31m alert\u0085x\u009b")).toBe("red[31m alert\\nx");
    expect(escapeText("cr\ronly")).toBe("cr\\nonly");
    expect(escapeText("line\u2028sep\u2029para")).toBe("line\\nsep\\npara");
    expect(escapeText("half \ud83d and \udc69 but 👩🏽 whole")).toBe("half \ufffd and \ufffd but 👩🏽 whole");
  });

  it("leaves colons and quotes alone", () => {
    expect(escapeText('Time: "now"')).toBe('Time: "now"');
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets whole", () => {
    const line = "X".repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it("folds long ASCII lines at 75 octets, continuations starting with a space", () => {
    const folded = foldLine(`DESCRIPTION:${"a".repeat(300)}`);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(octets(parts[0]!)).toBe(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${"a".repeat(300)}`);
  });

  it("never cuts a multi-byte character", () => {
    const text = `SUMMARY:${"日本語のシンポジウム".repeat(12)} ✨👩🏽‍💼 ${"é".repeat(80)}`;
    const folded = foldLine(text);
    const parts = folded.split("\r\n");
    for (const part of parts) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // A cut sequence would not survive a round trip through UTF-8.
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part).not.toMatch(/[\ud800-\udbff]$/);
      expect(part).not.toMatch(/^ ?[\udc00-\udfff]/);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(text);
  });

  it("fills lines of three-byte characters as far as they fit", () => {
    const parts = foldLine(`X:${"語".repeat(60)}`).split("\r\n");
    // "X:" is 2 octets, then 24 characters of 3 octets: 74; the 25th would make 77.
    expect(octets(parts[0]!)).toBe(74);
    expect(octets(parts[1]!)).toBe(1 + 24 * 3);
  });
});

describe("identity and versioning", () => {
  it("derives the UID from the event id alone", () => {
    expect(eventUid(fourth.id)).toBe(`${fourth.id}@symposia`);
    const edited = { ...fourth, title: "Renamed", slug: "renamed", startsAt: new Date("2024-03-19T20:35:00Z"), updatedAt: new Date() };
    expect(eventToIcs(edited, BASE).uid).toBe(eventToIcs(fourth, BASE).uid);
  });

  it("gives a later edit a higher SEQUENCE, within iCalendar's 32-bit integer", () => {
    const a = sequenceFor(new Date("2024-03-01T09:15:30Z"));
    const b = sequenceFor(new Date("2024-03-01T09:15:31Z"));
    expect(b).toBeGreaterThan(a);
    expect(sequenceFor(new Date("2080-01-01T00:00:00Z"))).toBeLessThan(2 ** 31);
    expect(sequenceFor(new Date("2010-01-01T00:00:00Z"))).toBe(0);
  });
});

describe("buildCalendar", () => {
  const ics = buildCalendar({ name: "Symposia Demo Ministry", events: [eventToIcs(fourth, BASE)] });
  const lines = unfold(ics);

  it("ends every line with CRLF and has no bare line feeds", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const physical of ics.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
  });

  it("wraps one VEVENT in a VCALENDAR with the required properties", () => {
    expect(lines.slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Symposia//Symposia Events//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]);
    expect(lines).toContain("X-WR-CALNAME:Symposia Demo Ministry");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(1);
    expect(lines.at(-2)).toBe("END:VCALENDAR");
  });

  it("writes the demo meeting with UTC times, escaped text and an absolute URL", () => {
    const event = lines.slice(lines.indexOf("BEGIN:VEVENT"), lines.indexOf("END:VEVENT") + 1);
    expect(event).toEqual([
      "BEGIN:VEVENT",
      `UID:${fourth.id}@symposia`,
      `SEQUENCE:${sequenceFor(fourth.updatedAt)}`,
      "DTSTAMP:20240301T091530Z",
      "LAST-MODIFIED:20240301T091530Z",
      "DTSTART:20240318T203500Z",
      "DTEND:20240318T214000Z",
      "SUMMARY:WPS + Innovation: From the United Nations",
      "STATUS:CONFIRMED",
      "LOCATION:United Nations Headquarters\\, 405 East 42nd Street\\, New York\\, United States",
      "DESCRIPTION:WPS + Innovation — fourth meeting\\n\\nThe fourth dialogue on \"WPS + Innovation\"\\, held at the United Nations\\; all welcome.\\n\\nhttps://symposia.example.org/events/wps-innovation-4-from-the-united-nations",
      "URL:https://symposia.example.org/events/wps-innovation-4-from-the-united-nations",
      "END:VEVENT",
    ]);
  });

  it("marks a cancelled event as such in STATUS and SUMMARY", () => {
    const cancelled = unfold(buildCalendar({ events: [eventToIcs({ ...fourth, status: "cancelled" }, BASE)] }));
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("SUMMARY:Cancelled: WPS + Innovation: From the United Nations");
    expect(cancelled).not.toContain("STATUS:CONFIRMED");
  });

  it("leaves out what the event does not have", () => {
    const bare: IcsEvent = { ...eventToIcs({ ...fourth, venue: null, description: null, seriesName: null }, BASE) };
    const out = unfold(buildCalendar({ events: [bare] }));
    expect(out.some((l) => l.startsWith("LOCATION"))).toBe(false);
    expect(out).toContain("SUMMARY:From the United Nations");
    expect(out).toContain(`DESCRIPTION:${BASE}/events/${fourth.slug}`);
    expect(out.some((l) => l.startsWith("X-WR-CALNAME"))).toBe(false);
  });

  it("folds a long multi-byte description within 75 octets and reads back whole", () => {
    const long = { ...fourth, title: "ジェンダー平等と女性のエンパワーメントに関するシンポジウム：国連から", description: "多様な声、".repeat(40) };
    const out = buildCalendar({ events: [eventToIcs(long, BASE)] });
    for (const physical of out.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
    expect(unfold(out)).toContain(`SUMMARY:WPS + Innovation: ${long.title}`);
    expect(unfold(out).find((l) => l.startsWith("DESCRIPTION:"))).toContain(escapeText(long.description));
  });

  it("stays a valid iCalendar file whatever control characters staff typed", () => {
    const hostile = "Opening\u0000 \u0007remarks\u001b[0m; \r\nnext\rline, \u000b\u000c\u007f\u0085\u2028 \ud800 tab\there ";
    const out = buildCalendar({
      name: `Ministry\u0007 of\u0000 ${hostile}`,
      events: [eventToIcs({ ...fourth, title: hostile.repeat(3), description: hostile.repeat(10), venue: { ...fourth.venue!, name: hostile } }, BASE)],
    });
    // Only CRLF ends a line; within lines, nothing but tab among the controls (RFC 5545, 3.1 and 3.3.11).
    expect(out.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
    for (const physical of out.split("\r\n")) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      expect(Buffer.from(physical, "utf8").toString("utf8")).toBe(physical);
    }
    const lines = unfold(out);
    const description = lines.find((l) => l.startsWith("DESCRIPTION:"))!;
    expect(description).toContain("Opening remarks[0m\\; \\nnext\\nline\\, \\n\\n \ufffd tab\there ");
    // Every property of the event is still there, each on its own content line.
    for (const name of ["UID", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL"]) expect(lines.filter((l) => l.startsWith(`${name}:`))).toHaveLength(1);
    expect(lines.every((l) => l === "" || /^[A-Z-]+[:;]/.test(l))).toBe(true);
  });

  it("writes an empty calendar that is still valid", () => {
    expect(buildCalendar({ events: [] })).toBe(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Symposia//Symposia Events//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n",
    );
  });
});

describe("toIcsUtc", () => {
  it("formats an iCalendar UTC timestamp", () => {
    expect(toIcsUtc(new Date("2024-03-18T20:35:00Z"))).toBe("20240318T203500Z");
    expect(toIcsUtc(new Date("2024-03-18T20:35:07.999Z"))).toBe("20240318T203507Z");
    expect(() => toIcsUtc(new Date(Number.NaN))).toThrow(RangeError);
  });
});
