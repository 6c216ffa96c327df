import { describe, expect, it } from "vitest";
import { attendanceWording, type DraftInput, generateSummaryDraft, openingSentence, PLACEHOLDER, titleFromPosition } from "@/lib/summary-draft";
import { referenceMeeting } from "./support/reference-meeting";

const reference: DraftInput = {
  ...referenceMeeting,
  participants: [
    { id: "h", role: "host", person: { honorific: "Ms.", givenName: "Yoko", familyName: "Kamikawa", nameOrder: "family_given" }, positionAtEvent: "Minister for Foreign Affairs of Japan" },
    { id: "m", role: "moderator", person: { honorific: "Ambassador", givenName: "Mitsuko", familyName: "Shino", nameOrder: "given_family" }, positionAtEvent: "Deputy Permanent Representative of Japan to the United Nations" },
    { id: "p1", role: "panelist", person: { honorific: "Ms.", givenName: "Sima", familyName: "Bahous", nameOrder: "given_family" }, positionAtEvent: "Executive Director of UN Women" },
    { id: "p2", role: "panelist", person: { honorific: "Ambassador", givenName: "Merete", familyName: "Brattested", nameOrder: "given_family" }, positionAtEvent: "Permanent Representative of Norway to the United Nations" },
    { id: "p3", role: "panelist", person: { honorific: "Ms.", givenName: "Izumi", familyName: "Nakamitsu", nameOrder: "given_family" }, positionAtEvent: "UN Under-Secretary-General and High Representative for Disarmament Affairs" },
  ],
  agenda: [
    { kind: "speech", title: "Opening speech", participantIds: ["h"] },
    { kind: "panel", title: "Panel discussion", participantIds: ["m", "p1", "p2", "p3"] },
    { kind: "closing_remarks", title: "Closing", participantIds: ["h"] },
  ],
  attendance: 87,
};

describe("summary draft", () => {
  it("opens as the reference does", () => {
    expect(openingSentence(reference)).toBe(
      "On March 18, commencing at 4:35 p.m. (local time; March 19, 5:35 a.m. JST) for approximately 65 minutes, " +
        "Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, participated in the fourth meeting on “WPS + Innovation”, " +
        "a symposium entitled “From the United Nations”, held at United Nations Headquarters, New York. The overview of the event is as follows.",
    );
  });

  it("numbers the speech outline, the panel and the closing", () => {
    const { body } = generateSummaryDraft(reference);
    expect(body).toContain("1. At the beginning of the meeting, Minister Kamikawa made a speech. The outline is as follows:\n   1. ");
    expect(body).toContain(
      "2. The panel discussion was moderated by Ambassador Mitsuko Shino (Deputy Permanent Representative of Japan to the United Nations), " +
        "with the participation of Ms. Sima Bahous (Executive Director of UN Women), Ambassador Merete Brattested (Permanent Representative of Norway to the United Nations) " +
        "and Ms. Izumi Nakamitsu (UN Under-Secretary-General and High Representative for Disarmament Affairs).",
    );
    expect(body).toContain(`3. In closing, Minister Kamikawa concluded the symposium by stating that ${PLACEHOLDER.closing}. The symposium was attended by a total of about 90 people.`);
  });

  it("keeps each panelist apart from their title, even a title with commas and an “and” of its own", () => {
    const { body } = generateSummaryDraft({
      ...reference,
      participants: [
        { id: "m", role: "moderator", person: { honorific: "Dr.", givenName: "Ana", familyName: "Lima", nameOrder: "given_family" }, positionAtEvent: null },
        { id: "p1", role: "panelist", person: { honorific: "Mr.", givenName: "Ken", familyName: "Sato", nameOrder: "given_family" }, positionAtEvent: "Director, Peace and Security, and Chair of the Board" },
        { id: "p2", role: "panelist", person: { honorific: "Ms.", givenName: "Lea", familyName: "Roth", nameOrder: "given_family" }, positionAtEvent: "  Author  " },
      ],
      agenda: [{ kind: "panel", title: "Panel", participantIds: ["m", "p1", "p2"] }],
    });
    expect(body).toContain(
      "1. The panel discussion was moderated by Dr. Ana Lima, with the participation of Mr. Ken Sato (Director, Peace and Security, and Chair of the Board) and Ms. Lea Roth (Author).",
    );
  });

  it("says so plainly when the zones agree, and without a host, series or attendance", () => {
    const draft = generateSummaryDraft({
      ...reference,
      event: { ...reference.event, timeZone: "Asia/Tokyo", seriesName: null, seriesNumber: null, venue: null },
      participants: [],
      agenda: [],
      attendance: null,
    });
    expect(draft.body).toBe(
      "On March 19, commencing at 5:35 a.m. (local time) for approximately 65 minutes, the symposium “From the United Nations” was held. The overview of the event is as follows.\n",
    );
    expect(draft.attendanceWording).toBeNull();
  });

  it("rounds attendance as people write it", () => {
    expect([0, 1, 7, 19, 23, 87, 95, 123, 349, 376, 1234].map(attendanceWording)).toEqual([
      null,
      "1 person",
      "7 people",
      "19 people",
      "about 20 people",
      "about 90 people",
      "about 100 people",
      "about 120 people",
      "about 350 people",
      "about 400 people",
      "about 1,200 people",
    ]);
  });

  it("takes a title from the start of a position", () => {
    expect(titleFromPosition("Minister for Foreign Affairs of Japan")).toBe("Minister");
    expect(titleFromPosition("Prime Minister of Japan")).toBe("Prime Minister");
    expect(titleFromPosition("Executive Director of UN Women")).toBeUndefined();
    expect(titleFromPosition(null)).toBeUndefined();
  });
});
