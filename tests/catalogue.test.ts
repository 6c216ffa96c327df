import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, deletePerson, updatePerson } from "@/app/(staff)/admin/people/actions";
import { createSeries, deleteSeries, updateSeries } from "@/app/(staff)/admin/series/actions";
import { createVenue, deleteVenue, updateVenue } from "@/app/(staff)/admin/venues/actions";
import {
  getPerson,
  isPersonPublic,
  listPeoplePage,
  peopleOptions,
  personUsage,
} from "@/db/queries/people";
import { getSeries, isSeriesPublic, listSeriesPage, seriesOptions, seriesUsage } from "@/db/queries/series";
import { getVenue, listVenuesPage, venueOptions, venueUsage } from "@/db/queries/venues";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { auditLog, eventParticipants, events, people, series, topics, users, venues } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";
import { personSchema } from "@/lib/validations/person";
import { seriesSchema } from "@/lib/validations/series";
import { timeZoneChoices, venueSchema } from "@/lib/validations/venue";
import { closeDb, db, resetWithDemo } from "./support/db";
import { session } from "./support/session";

// Only the session is decided here; the actions check it, validate and write as they do for a request.

let staffId: string;

beforeAll(async () => {
  await resetWithDemo();
  const [staff] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.staff));
  staffId = staff!.id;
  session.current = { user: { id: staff!.id }, sessionVersion: staff!.sessionVersion, expires: new Date(Date.now() + 3600_000).toISOString() };
});
afterAll(closeDb);

/** The path a successful create redirects to. */
async function redirectedTo(call: Promise<unknown>): Promise<string> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  throw new Error(`Expected a redirect, got ${JSON.stringify(result)}`);
}

const idFrom = (path: string) => /\/([0-9a-f-]{36})\?saved=1$/.exec(path)![1]!;

function failure(result: ActionResult<unknown>) {
  if (result.ok) throw new Error(`Expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

const lastAudit = async (entityId: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.createdAt)).limit(1))[0];

const demoSeries = async () => (await db.select().from(series).where(eq(series.slug, "wps-innovation")))[0]!;
const demoTopic = async () => (await db.select().from(topics))[0]!;
const venueNamed = async (name: string) => (await db.select().from(venues).where(eq(venues.name, name)))[0]!;
const personWithSlug = async (slug: string) => (await db.select().from(people).where(eq(people.slug, slug)))[0]!;

async function draftEvent(values: Partial<typeof events.$inferInsert> & { slug: string }) {
  const startsAt = new Date("2030-01-10T10:00:00Z");
  const [row] = await db
    .insert(events)
    .values({ title: "A draft", timeZone: "UTC", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), status: "draft", ...values })
    .returning();
  return row!;
}

describe("series", () => {
  it("lists with meeting counts and topic, searches and pages", async () => {
    const { rows, total } = await listSeriesPage({ page: 1, pageSize: 25 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ name: "WPS + Innovation", topicName: "Women's Empowerment and Gender Equality", eventCount: 2 });
    expect((await listSeriesPage({ q: "innov", page: 1, pageSize: 25 })).total).toBe(1);
    expect((await listSeriesPage({ q: "gender", page: 1, pageSize: 25 })).total).toBe(1);
    expect((await listSeriesPage({ q: "nothing like it", page: 1, pageSize: 25 })).rows).toEqual([]);
    // LIKE's wildcards are taken literally.
    expect((await listSeriesPage({ q: "%", page: 1, pageSize: 25 })).total).toBe(0);
  });

  it("creates with a slug made from the name, and audits it in the same breath", async () => {
    const topic = await demoTopic();
    const id = idFrom(await redirectedTo(createSeries({ name: "Climate & Security Dialogues", slug: "", topicId: topic.id, description: "" })));
    const row = await getSeries(id);
    expect(row).toMatchObject({ slug: "climate-security-dialogues", topicId: topic.id, description: null });
    expect(await lastAudit(id)).toMatchObject({ action: "series.create", entityType: "series", actorId: staffId });
    expect(await seriesOptions()).toContainEqual({ id, name: "Climate & Security Dialogues", topicId: topic.id });
  });

  it("refuses a slug another series has, beside the slug field", async () => {
    const result = failure(await createSeries({ name: "Another", slug: "wps-innovation", topicId: "", description: "" }));
    expect(result.fieldErrors?.slug?.[0]).toMatch(/already uses this address/);
    expect(failure(await createSeries({ name: "Climate & Security Dialogues", slug: "" })).fieldErrors?.slug).toBeDefined();
  });

  it("says which field is wrong for a topic that is not one", async () => {
    expect(seriesSchema.safeParse({ name: "X", topicId: "not-an-id" }).error?.issues[0]?.path).toEqual(["topicId"]);
    const gone = failure(await createSeries({ name: "Orphan", topicId: "00000000-0000-4000-8000-000000000000" }));
    expect(gone.fieldErrors?.topicId?.[0]).toMatch(/no longer exists/);
  });

  it("keeps a public series' slug and lets everything else change", async () => {
    const wps = await demoSeries();
    expect(await isSeriesPublic(wps.id)).toBe(true);
    const moved = failure(await updateSeries({ id: wps.id, name: wps.name, slug: "wps-and-innovation", topicId: wps.topicId ?? "", description: "" }));
    expect(moved.fieldErrors?.slug?.[0]).toMatch(/public/);
    expect((await getSeries(wps.id))?.slug).toBe("wps-innovation");

    const saved = await updateSeries({ id: wps.id, name: "WPS + Innovation", slug: "", topicId: "", description: "New words." });
    expect(saved).toMatchObject({ ok: true, message: "Saved." });
    expect(await getSeries(wps.id)).toMatchObject({ slug: "wps-innovation", topicId: null, description: "New words." });
    const audit = await lastAudit(wps.id);
    expect(audit?.action).toBe("series.update");
    expect(Object.keys(audit?.changes ?? {}).sort()).toEqual(["description", "topicId"]);
  });

  it("saves nothing and writes no audit when nothing changed", async () => {
    const wps = await demoSeries();
    const before = await lastAudit(wps.id);
    expect(await updateSeries({ id: wps.id, name: wps.name, slug: wps.slug, topicId: wps.topicId ?? "", description: wps.description ?? "" })).toMatchObject({
      ok: true,
      message: "No changes to save.",
    });
    expect((await lastAudit(wps.id))?.id).toBe(before?.id);
  });

  it("lets a series with only draft events change its slug", async () => {
    const id = idFrom(await redirectedTo(createSeries({ name: "Drafty", slug: "drafty" })));
    await draftEvent({ slug: "drafty-1", seriesId: id });
    expect(await isSeriesPublic(id)).toBe(false);
    expect(await updateSeries({ id, name: "Drafty", slug: "drafty-renamed" })).toMatchObject({ ok: true });
    expect((await getSeries(id))?.slug).toBe("drafty-renamed");
  });

  it("refuses to delete a series while events belong to it, in plain words", async () => {
    const wps = await demoSeries();
    expect(await seriesUsage(wps.id)).toEqual({ events: 2 });
    const refused = failure(await deleteSeries({ id: wps.id }));
    expect(refused.message).toBe("This series cannot be deleted while 2 events belong to it. Move or delete those events first.");
    expect(await getSeries(wps.id)).toBeDefined();
  });

  it("deletes an unused series and audits it", async () => {
    const id = idFrom(await redirectedTo(createSeries({ name: "Short-lived" })));
    expect(await deleteSeries({ id })).toMatchObject({ ok: true });
    expect(await getSeries(id)).toBeUndefined();
    expect(await lastAudit(id)).toMatchObject({ action: "series.delete", changes: { name: "Short-lived", slug: "short-lived" } });
    expect(failure(await deleteSeries({ id })).message).toMatch(/no longer exists/);
  });
});

describe("venues", () => {
  const hall = { name: "Vienna International Centre", address: "Wagramer Strasse 5", city: "Vienna", country: "Austria" };

  it("accepts only time zones it knows, with a plain message beside the field", () => {
    const bad = venueSchema.safeParse({ ...hall, timeZone: "Mars/Olympus_Mons" });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["timeZone"], message: expect.stringMatching(/not a time zone we know/) });
    expect(venueSchema.safeParse({ ...hall, timeZone: "" }).error?.issues[0]?.path).toEqual(["timeZone"]);
    expect(venueSchema.parse({ ...hall, timeZone: " europe/vienna " }).timeZone).toBe("Europe/Vienna");
    expect(venueSchema.parse({ ...hall, timeZone: "utc" }).timeZone).toBe("UTC");
    expect(venueSchema.parse({ ...hall, timeZone: "Asia/Calcutta" }).timeZone).toBe("Asia/Calcutta");
    expect(timeZoneChoices()).toEqual(expect.arrayContaining(["Asia/Tokyo", "America/New_York", "Asia/Kolkata", "Europe/Kyiv", "UTC"]));
    expect(timeZoneChoices()).not.toContain("Europe/Kiev");
    expect(timeZoneChoices("Legacy/Zone")).toContain("Legacy/Zone");
  });

  it("creates, lists and searches venues", async () => {
    const refused = failure(await createVenue({ ...hall, timeZone: "Vienna" }));
    expect(refused.fieldErrors?.timeZone?.[0]).toMatch(/time zone/);

    const id = idFrom(await redirectedTo(createVenue({ ...hall, timeZone: "Europe/Vienna" })));
    expect(await getVenue(id)).toMatchObject({ ...hall, timeZone: "Europe/Vienna" });
    expect(await lastAudit(id)).toMatchObject({ action: "venue.create", entityType: "venue" });
    expect(await venueOptions()).toContainEqual({ id, name: hall.name, city: "Vienna", timeZone: "Europe/Vienna" });

    const { rows, total } = await listVenuesPage({ page: 1, pageSize: 2 });
    expect(total).toBe(3);
    expect(rows).toHaveLength(2);
    expect((await listVenuesPage({ page: 2, pageSize: 2 })).rows).toHaveLength(1);
    const geneva = await listVenuesPage({ q: "switzerland", page: 1, pageSize: 25 });
    expect(geneva.rows.map((v) => v.name)).toEqual(["Palais des Nations"]);
    expect(geneva.rows[0]?.eventCount).toBe(1);
  });

  it("changes a venue's zone without moving the events already planned there", async () => {
    const unhq = await venueNamed("United Nations Headquarters");
    const result = await updateVenue({ ...unhq, address: unhq.address ?? "", timeZone: "America/Chicago" });
    expect(result).toMatchObject({ ok: true, message: "Saved." });
    expect((await getVenue(unhq.id))?.timeZone).toBe("America/Chicago");
    const held = await db.select({ timeZone: events.timeZone }).from(events).where(eq(events.venueId, unhq.id));
    expect(held).toEqual([{ timeZone: "America/New_York" }]);
    expect((await lastAudit(unhq.id))?.changes).toEqual({ timeZone: ["America/New_York", "America/Chicago"] });
  });

  it("refuses to delete a venue while events use it, and deletes one that is free", async () => {
    const geneva = await venueNamed("Palais des Nations");
    expect(await venueUsage(geneva.id)).toEqual({ events: 1 });
    expect(failure(await deleteVenue({ id: geneva.id })).message).toBe(
      "This venue cannot be deleted while 1 event takes place there. Move it to another venue or delete it first.",
    );
    const free = await venueNamed(hall.name);
    expect(await deleteVenue({ id: free.id })).toMatchObject({ ok: true });
    expect(await getVenue(free.id)).toBeUndefined();
    expect(await lastAudit(free.id)).toMatchObject({ action: "venue.delete" });
  });
});

describe("people", () => {
  const base = { honorific: "", givenName: "", familyName: "", nameOrder: "given_family", position: "", organization: "", bio: "", email: "", slug: "" };

  it("validates the form's fields where they are", () => {
    const result = personSchema.safeParse({ ...base, familyName: " ", email: "not an email", nameOrder: "sideways" });
    const fields = new Set(result.error?.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["familyName", "email", "nameOrder"]));
    expect(personSchema.parse({ ...base, familyName: "Nakamitsu", email: " Izumi@UN.org " }).email).toBe("izumi@un.org");
    expect(personSchema.parse({ ...base, familyName: "Nakamitsu" }).email).toBeNull();
  });

  it("creates a person with a slug from the name without honorific, and a lower-case private email kept out of the audit", async () => {
    const path = await redirectedTo(
      createPerson({ ...base, honorific: "H.E.", givenName: "Yoko", familyName: "Ueda", nameOrder: "family_given", email: "Yoko.Ueda@MOFA.go.jp", position: "Ambassador" }),
    );
    const id = idFrom(path);
    const person = await getPerson(id);
    expect(person).toMatchObject({ slug: "ueda-yoko", email: "yoko.ueda@mofa.go.jp", honorific: "H.E.", nameOrder: "family_given", bio: null });
    const audit = await lastAudit(id);
    expect(audit).toMatchObject({ action: "person.create", entityType: "person", actorId: staffId });
    expect(JSON.stringify(audit?.changes)).not.toMatch(/mofa/i);
    expect(audit?.changes?.email).toBe("changed");
  });

  it("offers a free address when a namesake has the one made from the name", async () => {
    const result = failure(await createPerson({ ...base, honorific: "Mr.", givenName: "Yoko", familyName: "Ueda", nameOrder: "family_given" }));
    expect(result.fieldErrors?.slug?.[0]).toBe("Another person already uses this address. Choose another, such as ueda-yoko-2.");
    const typed = failure(await createPerson({ ...base, givenName: "Someone", familyName: "Else", slug: "sima-bahous" }));
    expect(typed.fieldErrors?.slug?.[0]).toMatch(/already uses this address/);
  });

  it("applies staff edits at once, and audits the changed fields without the email address", async () => {
    const person = await personWithSlug("ueda-yoko");
    const result = await updatePerson({
      ...base,
      id: person.id,
      honorific: "H.E.",
      givenName: "Yoko",
      familyName: "Ueda",
      nameOrder: "family_given",
      position: "Ambassador to Austria",
      email: "ueda@example.ORG",
    });
    expect(result).toMatchObject({ ok: true, message: "Saved." });
    expect(await getPerson(person.id)).toMatchObject({ position: "Ambassador to Austria", email: "ueda@example.org", slug: "ueda-yoko" });
    const audit = await lastAudit(person.id);
    expect(audit?.action).toBe("person.update");
    expect(audit?.changes).toEqual({ position: ["Ambassador", "Ambassador to Austria"], email: "changed" });
  });

  it("keeps the address of someone on a public event, and lets one with only drafts change it", async () => {
    const bahous = await personWithSlug("sima-bahous");
    expect(await isPersonPublic(bahous.id)).toBe(true);
    const refused = failure(
      await updatePerson({ ...base, id: bahous.id, honorific: "Ms.", givenName: "Sima", familyName: "Bahous", slug: "sima-s-bahous" }),
    );
    expect(refused.fieldErrors?.slug?.[0]).toMatch(/public event/);

    const ueda = await personWithSlug("ueda-yoko");
    const draft = await draftEvent({ slug: "a-draft-with-ueda" });
    await db.insert(eventParticipants).values({ eventId: draft.id, personId: ueda.id, role: "speaker" });
    expect(await isPersonPublic(ueda.id)).toBe(false);
    expect(
      await updatePerson({ ...base, id: ueda.id, honorific: "H.E.", givenName: "Yoko", familyName: "Ueda", nameOrder: "family_given", slug: "yoko-ueda" }),
    ).toMatchObject({ ok: true });
    expect((await getPerson(ueda.id))?.slug).toBe("yoko-ueda");
  });

  it("lists people by family name with display names and account, and finds them by name, organization and email", async () => {
    const { rows, total } = await listPeoplePage({ page: 1, pageSize: 3 });
    expect(total).toBe(6);
    expect(rows.map((r) => r.familyName)).toEqual(["Bahous", "Brattested", "Kamikawa"]);
    expect(rows[0]).toMatchObject({ hasAccount: true, position: "Executive Director of UN Women" });
    expect(rows[1]?.hasAccount).toBe(false);

    const names = async (q: string) => (await listPeoplePage({ q, page: 1, pageSize: 25 })).rows.map((r) => r.familyName);
    expect(await names("sima bahous")).toEqual(["Bahous"]);
    expect(await names("Kamikawa Yoko")).toEqual(["Kamikawa"]);
    expect(await names("norway")).toEqual(["Brattested"]);
    expect(await names("panelist@")).toEqual(["Bahous"]);
    expect(await names("mitsuko")).toEqual(["Shino"]);

    const options = await peopleOptions();
    expect(options).toHaveLength(6);
    expect(options.find((o) => o.familyName === "Kamikawa")).toMatchObject({
      honorific: "Ms.",
      givenName: "Yoko",
      nameOrder: "family_given",
      position: "Minister for Foreign Affairs of Japan",
    });
  });

  it("refuses to delete someone who takes part in events, naming them", async () => {
    const bahous = await personWithSlug("sima-bahous");
    expect(await personUsage(bahous.id)).toEqual({ events: 2 });
    expect(failure(await deletePerson({ id: bahous.id })).message).toBe(
      "Ms. Sima Bahous takes part in 2 events. Remove them from those events first.",
    );
    const ueda = await personWithSlug("yoko-ueda");
    expect(failure(await deletePerson({ id: ueda.id })).message).toBe("H.E. UEDA Yoko takes part in 1 event. Remove them from that event first.");
  });

  it("deletes someone who takes part in nothing, and audits it without the email", async () => {
    const ueda = await personWithSlug("yoko-ueda");
    await db.delete(eventParticipants).where(and(eq(eventParticipants.personId, ueda.id)));
    expect(await deletePerson({ id: ueda.id })).toMatchObject({ ok: true });
    expect(await getPerson(ueda.id)).toBeUndefined();
    const audit = await lastAudit(ueda.id);
    expect(audit).toMatchObject({ action: "person.delete", changes: { name: "H.E. UEDA Yoko", slug: "yoko-ueda" } });
    expect(JSON.stringify(audit?.changes)).not.toMatch(/example\.org/);
  });
});

describe("refusals", () => {
  it("turns away a panelist before touching anything", async () => {
    const staffSession = session.current;
    const [panelist] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.panelist));
    session.current = { user: { id: panelist!.id }, sessionVersion: panelist!.sessionVersion, expires: new Date(Date.now() + 3600_000).toISOString() };
    try {
      const wps = await demoSeries();
      await expect(deleteSeries({ id: wps.id })).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
      expect(await getSeries(wps.id)).toBeDefined();
    } finally {
      session.current = staffSession;
    }
  });
});
