import { describe, expect, it } from "vitest";
import { calendarLinks } from "@/lib/calendar-links";

describe("calendarLinks", () => {
  const event = {
    slug: "wps-innovation-5-geneva",
    title: "WPS + Innovation: the fifth meeting, & more",
    startsAt: new Date("2026-12-03T14:00:00Z"),
    endsAt: new Date("2026-12-03T15:30:00Z"),
    location: "Palais des Nations, Geneva, Switzerland",
  };

  it("gives Google the event in UTC, with its title, place and page", () => {
    const url = new URL(calendarLinks(event, "https://symposia.example.org/").google);
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe(event.title);
    expect(url.searchParams.get("dates")).toBe("20261203T140000Z/20261203T153000Z");
    expect(url.searchParams.get("location")).toBe(event.location);
    expect(url.searchParams.get("details")).toBe("https://symposia.example.org/events/wps-innovation-5-geneva");
  });

  it("gives Outlook the same event", () => {
    for (const link of [calendarLinks(event, "https://x.example").outlook, calendarLinks(event, "https://x.example").outlookCom]) {
      const url = new URL(link);
      expect(url.searchParams.get("subject")).toBe(event.title);
      expect(url.searchParams.get("startdt")).toBe("2026-12-03T14:00:00Z");
      expect(url.searchParams.get("enddt")).toBe("2026-12-03T15:30:00Z");
      expect(url.searchParams.get("rru")).toBe("addevent");
    }
  });

  it("links the event's own iCalendar file on this site, and leaves out a missing place", () => {
    const links = calendarLinks({ ...event, location: null }, "https://x.example");
    expect(links.ics).toBe("/events/wps-innovation-5-geneva/calendar.ics");
    expect(new URL(links.google).searchParams.has("location")).toBe(false);
  });
});
