/**
 * iCalendar files (RFC 5545) for events: one event to download, or the public feed to subscribe to.
 *
 * Times are written in UTC so that no VTIMEZONE block is needed and every client places the event
 * at the same instant; calendar applications show it in the reader's own zone.
 */
import { ordinalWord } from "@/lib/names";
import { assertValidInstant } from "@/lib/time";

/** iCalendar UTC DATE-TIME form (RFC 5545): "20240318T203500Z". */
export function toIcsUtc(date: Date): string {
  assertValidInstant(date);
  const iso = date.toISOString();
  // Six-digit years ("+012024-…") have no iCalendar representation.
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`Year out of range for iCalendar: ${iso}`);
  return iso.replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

export type IcsStatus = "CONFIRMED" | "CANCELLED";

export type IcsEvent = {
  uid: string;
  sequence: number;
  /** When this version of the event was written. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  status: IcsStatus;
  location?: string | null;
  description?: string | null;
  url?: string | null;
};

export type IcsCalendar = {
  events: IcsEvent[];
  /** Shown by calendar applications as the subscribed calendar's name. */
  name?: string | null;
};

export const PRODID = "-//Symposia//Symposia Events//EN";
const CRLF = "\r\n";
const MAX_OCTETS = 75;

/**
 * TEXT value escaping: backslash, semicolon, comma and line breaks; other control characters are dropped.
 * Staff text can hold anything pasted into a form: a NUL, a terminal escape, a lone carriage return,
 * half of an emoji. None of it may reach the file raw, or strict readers reject the whole calendar.
 */
export function escapeText(value: string): string {
  return (
    value
      // Line breaks of every kind become one escaped line feed: a raw CR, NEL or line separator would
      // end the content line early in readers that split on them.
      .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
      // TEXT allows no control characters but tab (RFC 5545, 3.3.11); C1 controls are never text either.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
      // Half of a surrogate pair cannot be written as UTF-8; the replacement character marks where it was.
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, "\\n")
  );
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Splits a content line into lines of at most 75 octets, each continuation starting with a space
 * (which counts towards its 75). Breaks fall between code points, so no UTF-8 sequence is cut.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** A UID that survives every edit: it derives from the event's id alone. */
export function eventUid(eventId: string): string {
  return `${eventId}@symposia`;
}

// Seconds since 2020 rather than since 1970 keep SEQUENCE inside iCalendar's 32-bit INTEGER until 2088.
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** A SEQUENCE that grows with every saved change, as clients require to replace their copy. */
export function sequenceFor(updatedAt: Date): number {
  return Math.max(0, Math.floor((updatedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000));
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    property("UID", escapeText(e.uid)),
    property("SEQUENCE", String(e.sequence)),
    property("DTSTAMP", toIcsUtc(e.stamp)),
    property("LAST-MODIFIED", toIcsUtc(e.stamp)),
    property("DTSTART", toIcsUtc(e.start)),
    property("DTEND", toIcsUtc(e.end)),
    property("SUMMARY", escapeText(e.status === "CANCELLED" ? `Cancelled: ${e.summary}` : e.summary)),
    property("STATUS", e.status),
  ];
  if (e.location) lines.push(property("LOCATION", escapeText(e.location)));
  if (e.description) lines.push(property("DESCRIPTION", escapeText(e.description)));
  // URI values are not TEXT: escaping a comma here would corrupt the address.
  if (e.url) lines.push(property("URL", e.url));
  lines.push("END:VEVENT");
  return lines;
}

/** A complete VCALENDAR with CRLF line endings, ready to serve as text/calendar. */
export function buildCalendar(calendar: IcsCalendar): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", property("PRODID", PRODID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (calendar.name) {
    // NAME is RFC 7986; X-WR-CALNAME is what Apple and Google calendars read.
    lines.push(property("NAME", escapeText(calendar.name)), property("X-WR-CALNAME", escapeText(calendar.name)));
  }
  for (const event of calendar.events) lines.push(...eventLines(event));
  lines.push("END:VCALENDAR");
  return lines.join(CRLF) + CRLF;
}

/** The event fields a calendar entry is made from. */
export type CalendarSource = {
  id: string;
  slug: string;
  title: string;
  status: "draft" | "scheduled" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  description: string | null;
  seriesName: string | null;
  seriesNumber: number | null;
  venue: { name: string; address: string | null; city: string; country: string } | null;
};

/** The calendar entry for an event; `baseUrl` is the site's public origin, without a trailing slash. */
export function eventToIcs(event: CalendarSource, baseUrl: string): IcsEvent {
  const url = `${baseUrl}/events/${encodeURIComponent(event.slug)}`;
  const series = event.seriesName
    ? event.seriesNumber
      ? `${event.seriesName} — ${ordinalWord(event.seriesNumber)} meeting`
      : event.seriesName
    : null;
  const venue = event.venue;
  const location = venue
    ? [venue.name, venue.address, venue.city, venue.country].filter((part) => part && part.trim()).join(", ")
    : null;
  return {
    uid: eventUid(event.id),
    sequence: sequenceFor(event.updatedAt),
    stamp: event.updatedAt,
    start: event.startsAt,
    end: event.endsAt,
    // A bare title ("From the United Nations") says little among other entries in a calendar.
    summary: event.seriesName ? `${event.seriesName}: ${event.title}` : event.title,
    status: event.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    location,
    description: [series, event.description?.trim(), url].filter(Boolean).join("\n\n"),
    url,
  };
}
