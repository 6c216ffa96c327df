import type { DraftInput } from "@/lib/summary-draft";

/** The fourth WPS + Innovation meeting, as the reference summary describes it, seen from Tokyo. */
export const referenceMeeting: Pick<DraftInput, "event" | "home"> = {
  event: {
    title: "From the United Nations",
    startsAt: new Date("2024-03-18T20:35:00Z"),
    endsAt: new Date("2024-03-18T21:40:00Z"),
    timeZone: "America/New_York",
    seriesName: "WPS + Innovation",
    seriesNumber: 4,
    venue: { name: "United Nations Headquarters", city: "New York", country: "United States" },
  },
  home: { timeZone: "Asia/Tokyo", label: "JST" },
};
