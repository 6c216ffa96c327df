import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changeUserRole, setUserDisabledAction } from "@/app/(staff)/admin/users/actions";
import { insertUser } from "@/db/queries/users";
import { users } from "@/db/schema";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

beforeAll(() => resetWithDemo());
afterAll(closeDb);

const activeAdmins = async () =>
  (await db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt))))[0]!.n;

let first: string;
let second: string;

/** Exactly two active admins: the demo admin and one more. */
beforeEach(async () => {
  await db.update(users).set({ role: "staff", disabledAt: null }).where(eq(users.email, "second-admin@example.org"));
  const [existing] = await db.select().from(users).where(eq(users.email, "second-admin@example.org"));
  if (existing) await db.update(users).set({ role: "admin" }).where(eq(users.id, existing.id));
  else await insertUser({ email: "second-admin@example.org", name: "Second Admin", role: "admin", passwordHash: null });
  await db.update(users).set({ role: "admin", disabledAt: null }).where(eq(users.email, "admin@example.org"));
  first = (await actAs("admin@example.org"))!;
  second = (await db.select().from(users).where(eq(users.email, "second-admin@example.org")))[0]!.id;
  expect(await activeAdmins()).toBe(2);
});

const ok = (results: PromiseSettledResult<{ ok: boolean }>[]) => results.filter((r) => r.status === "fulfilled" && r.value.ok).length;

describe("the last active admin", () => {
  it("cannot be demoted or disabled", async () => {
    await db.update(users).set({ role: "staff" }).where(eq(users.id, second));
    expect(await changeUserRole({ userId: first, role: "staff" })).toMatchObject({ ok: false, message: expect.stringMatching(/last active admin/) });
    await db.update(users).set({ role: "admin", disabledAt: new Date() }).where(eq(users.id, second));
    expect(await activeAdmins()).toBe(1);
    expect(await changeUserRole({ userId: first, role: "panelist" })).toMatchObject({ ok: false });
    expect(await activeAdmins()).toBe(1);
  });

  // Each round races two changes that each leave one admin, and together would leave none.
  it.each([
    ["two demotions at once", () => [changeUserRole({ userId: first, role: "staff" }), changeUserRole({ userId: second, role: "staff" })]],
    ["a demotion and a disabling at once", () => [changeUserRole({ userId: first, role: "panelist" }), setUserDisabledAction({ userId: second, disabled: true })]],
  ])("survives %s", async (_, race) => {
    for (let round = 0; round < 5; round++) {
      if (round > 0) {
        await db.update(users).set({ role: "admin", disabledAt: null }).where(eq(users.id, first));
        await db.update(users).set({ role: "admin", disabledAt: null }).where(eq(users.id, second));
      }
      const results = await Promise.allSettled(race());
      expect(ok(results)).toBe(1);
      expect(await activeAdmins()).toBe(1);
    }
  });
});
