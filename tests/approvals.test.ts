import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { approveRevision, updateUpcomingPositions } from "@/app/(staff)/admin/approvals/actions";
import { saveProfile } from "@/app/(panelist)/me/actions";
import { auditLog, eventParticipants, events, type Person, people, profileRevisions, users } from "@/db/schema";
import { planMerge, type ProfileValues } from "@/lib/profile-merge";
import { closeDb, db, resetWithDemo } from "./support/db";
import { profileInput } from "./support/profile-input";
import { actAs } from "./support/session";

beforeAll(() => resetWithDemo());
afterAll(closeDb);

const bahous = async () => (await db.select().from(people).where(eq(people.slug, "sima-bahous")))[0]!;
const pendingOf = async (personId: string) =>
  (await db.select().from(profileRevisions).where(and(eq(profileRevisions.personId, personId), eq(profileRevisions.status, "pending"))))[0]!;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(1))[0]!;

/** The panelist proposes `change`; then staff edit the person with `staffEdit`. */
async function proposeThenStaffEdit(change: Record<string, unknown>, staffEdit: Partial<Person>) {
  const before = await bahous();
  await actAs("panelist@example.org");
  expect(await saveProfile(profileInput(before, change))).toMatchObject({ ok: true });
  if (Object.keys(staffEdit).length > 0) await db.update(people).set(staffEdit).where(eq(people.id, before.id));
  await actAs("staff@example.org");
  return (await pendingOf(before.id)).id;
}

describe("a three-way merge of a revision", () => {
  const base: ProfileValues = { honorific: "Ms.", givenName: "Sima", familyName: "Bahous", nameOrder: "given_family", position: "Old", organization: "UN", bio: "Bio", portraitId: null };
  it.each([
    ["only the panelist changed it", { position: "New" }, {}, { position: "New" }, []],
    ["only staff changed it", {}, { position: "Staff" }, { position: "Staff" }, []],
    ["both, the same way", { position: "Same" }, { position: "Same" }, { position: "Same" }, []],
    ["both, differently", { position: "Panelist" }, { position: "Staff" }, { position: "Staff" }, ["position"]],
    ["different fields", { bio: "New bio" }, { organization: "UN Women" }, { bio: "New bio", organization: "UN Women" }, []],
  ] as const)("%s", (_, proposed, staff, expected, unresolved) => {
    const plan = planMerge({ ...base, ...staff }, { ...base, ...proposed }, base);
    expect(plan.result).toEqual({ ...base, ...expected });
    expect(plan.unresolved).toEqual(unresolved);
  });

  it("applies staff's choice for each conflict", () => {
    const current = { ...base, position: "Staff", bio: "Staff bio" };
    const proposal = { ...base, position: "Panelist", bio: "Panelist bio" };
    const plan = planMerge(current, proposal, base, { position: "proposed", bio: "current" });
    expect(plan.result).toMatchObject({ position: "Panelist", bio: "Staff bio" });
    expect(plan.conflicts).toEqual(["position", "bio"]);
    expect(plan.unresolved).toEqual([]);
  });

  it("without a base, applies the proposal as before", () => {
    expect(planMerge({ ...base, position: "Staff" }, { ...base, bio: "New" }, null).result).toEqual({ ...base, bio: "New" });
  });
});

describe("approving an older revision after staff edits", () => {
  beforeEach(async () => {
    const p = await bahous();
    await db.update(profileRevisions).set({ status: "withdrawn" }).where(and(eq(profileRevisions.personId, p.id), eq(profileRevisions.status, "pending")));
  });

  it("keeps a staff edit to a field the panelist did not change", async () => {
    const id = await proposeThenStaffEdit({ bio: "The panelist's new bio." }, { organization: "Edited by staff" });
    expect(await approveRevision({ id })).toMatchObject({ ok: true });
    expect(await bahous()).toMatchObject({ bio: "The panelist's new bio.", organization: "Edited by staff" });
    expect((await lastAudit()).changes).toMatchObject({ keptStaffEdits: ["organization"] });
  });

  it("refuses to choose for staff where both changed a field, then applies their choice", async () => {
    const id = await proposeThenStaffEdit({ position: "Panelist's title", bio: "Panelist's bio" }, { position: "Staff's title" });
    const refused = await approveRevision({ id });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Staff changed Position after Ms\. Sima Bahous proposed a different value/) });
    expect(await bahous()).toMatchObject({ position: "Staff's title" });
    expect(await pendingOf((await bahous()).id)).toMatchObject({ id });

    expect(await approveRevision({ id, resolutions: { position: "current" } })).toMatchObject({ ok: true });
    expect(await bahous()).toMatchObject({ position: "Staff's title", bio: "Panelist's bio" });
    expect((await lastAudit()).changes).toMatchObject({ conflicts: { position: "current" } });
  });

  it("takes the panelist's value when staff choose it", async () => {
    const id = await proposeThenStaffEdit({ organization: "Panelist's organization" }, { organization: "Staff's organization" });
    expect(await approveRevision({ id, resolutions: { organization: "proposed" } })).toMatchObject({ ok: true });
    expect(await bahous()).toMatchObject({ organization: "Panelist's organization" });
  });
});

describe("an approved position change and upcoming events", () => {
  it("offers the upcoming events that print the old title, and updates them in one audited action", async () => {
    const person = await bahous();
    const old = "Executive Director of UN Women";
    await db.update(people).set({ position: old }).where(eq(people.id, person.id));
    await db.delete(eventParticipants).where(eq(eventParticipants.personId, person.id));
    const all = await db.select().from(events).orderBy(asc(events.startsAt));
    const now = new Date();
    const past = all.find((e) => e.startsAt < now)!;
    const future = all.find((e) => e.startsAt > now && e.status !== "cancelled");
    expect(future && past).toBeTruthy();
    const place = async (eventId: string, positionAtEvent: string | null, role: "speaker" | "panelist" = "speaker") =>
      (await db.insert(eventParticipants).values({ eventId, personId: person.id, role, positionAtEvent }).returning())[0]!.id;
    const pastPlace = await place(past.id, old);
    const upcomingPlace = await place(future!.id, old);
    const editedPlace = await place(future!.id, "A title staff chose for this event", "panelist");

    await db.update(profileRevisions).set({ status: "withdrawn" }).where(and(eq(profileRevisions.personId, person.id), eq(profileRevisions.status, "pending")));
    const id = await proposeThenStaffEdit({ position: "Under-Secretary-General" }, {});
    const approved = await approveRevision({ id });
    expect(approved).toMatchObject({ ok: true });
    if (!approved.ok) return;
    expect(approved.data.followUp).toMatchObject({ personId: person.id, from: old, to: "Under-Secretary-General" });
    expect(approved.data.followUp!.events.map((e) => e.participantId)).toEqual([upcomingPlace]);

    // A panelist cannot do it; a stranger's or a past place is not changed.
    await actAs("panelist@example.org");
    await expect(updateUpcomingPositions({ personId: person.id, from: old, participantIds: [upcomingPlace] })).rejects.toMatchObject({
      digest: expect.stringMatching(/404/),
    });
    await actAs("staff@example.org");
    const result = await updateUpcomingPositions({ personId: person.id, from: old, participantIds: [upcomingPlace, pastPlace, editedPlace] });
    expect(result).toMatchObject({ ok: true, data: { updated: 1 }, message: "Updated the position on 1 upcoming event." });
    const snapshot = async (pid: string) => (await db.select().from(eventParticipants).where(eq(eventParticipants.id, pid)))[0]!.positionAtEvent;
    expect(await snapshot(upcomingPlace)).toBe("Under-Secretary-General");
    expect(await snapshot(pastPlace)).toBe(old);
    expect(await snapshot(editedPlace)).toBe("A title staff chose for this event");
    const staff = (await db.select().from(users).where(eq(users.email, "staff@example.org")))[0]!;
    expect(await lastAudit()).toMatchObject({
      action: "participant.position_update",
      actorId: staff.id,
      entityId: person.id,
      changes: { positionAtEvent: [old, "Under-Secretary-General"], participants: [upcomingPlace] },
    });
    // Again: nothing left to update.
    expect(await updateUpcomingPositions({ personId: person.id, from: old, participantIds: [upcomingPlace] })).toMatchObject({ ok: true, data: { updated: 0 } });
  });
});
