import { NextRequest } from "next/server";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as attendeesGet } from "@/app/(staff)/admin/events/[id]/check-in/attendees.pdf/route";
import { GET as badgesGet } from "@/app/(staff)/admin/events/[id]/check-in/badges.pdf/route";
import { events, type RegistrationStatus, registrations } from "@/db/schema";
import { byFamilyName, registrantName } from "@/lib/pdf/attendee-order";
import { actAs } from "./support/session";
import { closeDb, db, resetWithDemo } from "./support/db";

// Nine people with a seat, given in no particular order; the list must read them by family name.
const SEATED: [string, string | null, string | null][] = [
  ["Zofia Łukasiewicz", "Uniwersytet Warszawski", "Academia"],
  ["Ana Ábalos", null, null],
  ["KAMIKAWA Yoko", "Ministry of Foreign Affairs of Japan", "Speaker"],
  ["Sima Bahous", "UN Women", "Panelist"],
  ["Jiří Dvořák", "Univerzita Karlova", null],
  ["Ελένη Παπαδοπούλου", "Hellenic Mission", "Government"],
  ["Martin Luther King Jr.", "Civil society", null],
  ["Chloé Durand", "Mission permanente de la France", "Staff"],
  ["Bob Adams", "Example Org", "Government"],
];
const ORDER = [
  "Ana Ábalos",
  "Bob Adams",
  "Sima Bahous",
  "Chloé Durand",
  "Jiří Dvořák",
  "KAMIKAWA Yoko",
  "Martin Luther King Jr.",
  "Zofia Łukasiewicz",
  "Ελένη Παπαδοπούλου",
];

let eventId: string;

async function register(name: string, organization: string | null, category: string | null, status: RegistrationStatus, n: number) {
  const email = `door-${n}@example.org`;
  await db.insert(registrations).values({
    eventId,
    name,
    email,
    emailNormalized: email,
    organization,
    category,
    status,
    manageTokenHash: `badge-test-${n}`,
    checkInCode: `BDG${String(n).padStart(2, "0")}X7Q`,
    consentAt: new Date(),
    cancelledAt: status === "cancelled" ? new Date() : null,
    waitlistedAt: status === "waitlisted" ? new Date() : null,
  });
}

beforeAll(async () => {
  await resetWithDemo();
  const startsAt = new Date("2030-05-14T13:00:00Z");
  const [event] = await db
    .insert(events)
    .values({ slug: "door-papers", title: "Door Papers Symposium", timeZone: "Europe/Zurich", startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), status: "scheduled" })
    .returning();
  eventId = event!.id;
  let n = 0;
  for (const [name, organization, category] of SEATED) await register(name, organization, category, "confirmed", ++n);
  await register("Wanda Waitlisted", "Nowhere", null, "waitlisted", ++n);
  await register("Carl Cancelled", "Gone", null, "cancelled", ++n);
});
afterAll(closeDb);

const params = () => ({ params: Promise.resolve({ id: eventId }) });

async function read(response: Response) {
  expect(response.status).toBe(200);
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  return { pages: totalPages, text: text as string[], all: (text as string[]).join("\n") };
}

const badges = (layout?: string) =>
  badgesGet(new NextRequest(`http://localhost:3000/admin/events/${eventId}/check-in/badges.pdf${layout ? `?layout=${layout}` : ""}`), params());

describe("the family name in a registration's one name", () => {
  it.each([
    ["Sima Bahous", "Bahous"],
    ["KAMIKAWA Yoko", "KAMIKAWA"],
    ["Dr. John SMITH", "SMITH"],
    ["Martin Luther King Jr.", "King"],
    ["Henry Ford III", "Ford"],
    ["上川陽子", "上川陽子"],
    ["Cher", "Cher"],
  ])("%s → %s", (name, family) => {
    expect(registrantName(name).familyName).toBe(family);
  });

  it("orders accents and case aside", () => {
    expect(byFamilyName(SEATED.map(([name]) => ({ name }))).map((p) => p.name)).toEqual(ORDER);
  });
});

describe("the door's PDFs", () => {
  it("are for staff, private and never cached", async () => {
    await actAs(null);
    expect((await badges()).status).toBe(404);
    await actAs("panelist@example.org");
    expect((await attendeesGet(new Request("http://localhost/"), params())).status).toBe(404);
    await actAs("staff@example.org");
    const response = await badges();
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('inline; filename="door-papers-badges.pdf"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("list everyone with a seat by family name, with the event's title and date, and page numbers", async () => {
    await actAs("staff@example.org");
    const list = await read(await attendeesGet(new Request("http://localhost/"), params()));
    expect(list.pages).toBe(1);
    expect(list.all).toContain("Door Papers Symposium");
    expect(list.all).toContain("May 14, 2030");
    expect(list.all).toContain("9 people with a seat");
    expect(list.all).toContain("Page 1 of 1");
    const places = ORDER.map((name) => list.all.indexOf(name));
    expect(places.every((p) => p >= 0), `every name in ${list.all}`).toBe(true);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(list.all).not.toContain("Wanda Waitlisted");
    expect(list.all).not.toContain("Carl Cancelled");
    expect(list.all).toContain("BDG0-1X7Q");
  });

  it("put eight badges on an A4 sheet, or one on each page, with organization and category", async () => {
    await actAs("admin@example.org");
    const sheet = await read(await badges("sheet"));
    expect(sheet.pages).toBe(2);
    expect(ORDER.slice(0, 8).every((name) => sheet.text[0]!.includes(name))).toBe(true);
    expect(sheet.text[1]).toContain("Ελένη Παπαδοπούλου");
    expect(sheet.all).toContain("Ministry of Foreign Affairs"); // wrapped beside the QR code
    expect(sheet.all).toContain("SPEAKER");
    // No category of their own: an attendee.
    expect(sheet.all).toContain("ATTENDEE");
    expect(sheet.all).not.toContain("Wanda Waitlisted");
    expect(sheet.all).not.toContain("Carl Cancelled");

    const single = await read(await badges("single"));
    expect(single.pages).toBe(SEATED.length);
    expect(single.text.map((page) => ORDER.find((name) => page.includes(name)))).toEqual(ORDER);
    // Anything else is a sheet.
    expect((await read(await badges("poster"))).pages).toBe(2);
  });

  it("run onto more pages with page numbers on each", async () => {
    await actAs("staff@example.org");
    for (let n = 100; n < 160; n++) await register(`Extra Person${n}`, null, null, "confirmed", n);
    const list = await read(await attendeesGet(new Request("http://localhost/"), params()));
    expect(list.pages).toBeGreaterThan(1);
    list.text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${list.pages}`));
    expect((await read(await badges())).pages).toBe(Math.ceil(69 / 8));
  });
});
