/**
 * "Add to calendar" links for one event: the event's own iCalendar file, and the web calendars that take
 * an event in their address (Google Calendar, Outlook). Nothing personal goes into them: they are the
 * same for everyone who registers.
 */
export type CalendarLinks = { ics: string; google: string; outlook: string; outlookCom: string };

export type CalendarLinkEvent = {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
};

/** 2024-03-18T16:35:00.000Z → 20240318T163500Z, Google's form. */
const compactUtc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
/** 2024-03-18T16:35:00Z, Outlook's form. */
const isoUtc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export function calendarLinks(event: CalendarLinkEvent, baseUrl: string): CalendarLinks {
  const page = `${baseUrl.replace(/\/+$/, "")}/events/${event.slug}`;
  const google = new URLSearchParams({
    action: "TEMPLATE",
    text: event.title,
    dates: `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`,
    details: page,
    ...(event.location ? { location: event.location } : {}),
  });
  const outlook = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: event.title,
    startdt: isoUtc(event.startsAt),
    enddt: isoUtc(event.endsAt),
    body: page,
    ...(event.location ? { location: event.location } : {}),
  });
  return {
    ics: `/events/${event.slug}/calendar.ics`,
    google: `https://calendar.google.com/calendar/render?${google}`,
    // Work and school accounts (Microsoft 365) and personal ones (Outlook.com) live at different addresses.
    outlook: `https://outlook.office.com/calendar/deeplink/compose?${outlook}`,
    outlookCom: `https://outlook.live.com/calendar/deeplink/compose?${outlook}`,
  };
}
