import { count, eq } from "drizzle-orm";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, MAX_ATTEMPTS } from "@/db/queries/outbox";
import { auditLog, outbox, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { closeDb, db, resetWithDemo } from "../support/db";
import { declaredRoles, discoverEndpoints } from "./discover";
import { type ActingRole, EXPECTATIONS, type Fixtures, ROLES } from "./expectations";
import { whoFor } from "./helpers";
import { session } from "../support/session";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "../..");

// The session is the only thing the test decides: who is calling. Everything after it (loading the
// account, checking role and ownership, validating input) is the application's own code.

const accounts: Partial<Record<ActingRole, { id: string; sessionVersion: number }>> = {};
let fixtures: Omit<Fixtures, "n">;
let counter = 0;

async function actAs(role: ActingRole) {
  const account = accounts[role];
  session.current = account ? { user: { id: account.id }, sessionVersion: account.sessionVersion, expires: new Date(Date.now() + 3600_000).toISOString() } : null;
}

async function outcome(call: () => Promise<unknown>): Promise<"allow" | "deny"> {
  try {
    const result = await call();
    if (result instanceof Response && [401, 403, 404].includes(result.status)) return "deny";
    return "allow";
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string") {
      // A redirect to sign in is a refusal; any other redirect is where a successful action goes next.
      if (digest.startsWith("NEXT_REDIRECT")) return /;\/login[?;]/.test(digest) ? "deny" : "allow";
      if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "deny";
    }
    throw error;
  }
}

beforeAll(async () => {
  await resetWithDemo();
  for (const [role, email] of Object.entries({ admin: DEMO_ACCOUNTS.admin, staff: DEMO_ACCOUNTS.staff, panelist: DEMO_ACCOUNTS.panelist })) {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    accounts[role as ActingRole] = { id: u!.id, sessionVersion: u!.sessionVersion };
  }
  const [target] = await db.insert(users).values({ email: "target@example.org", role: "panelist" }).returning();
  const failedId = await enqueueEmail({ to: "x@example.org", subject: "s", text: "t", kind: "test" });
  await db.update(outbox).set({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "refused" }).where(eq(outbox.id, failedId));
  fixtures = { targetUserId: target!.id, failedMessageId: failedId };
});

afterAll(closeDb);

const { actions, routes } = discoverEndpoints(root);
const endpoints = [...actions, ...routes];
const declared = await declaredRoles(root, actions);

/** Who may call an endpoint: as its action declares, or as its expectation says where it declares nothing. */
const whoMay = (endpoint: string) => {
  const role = declared[endpoint];
  return role ? whoFor(role) : EXPECTATIONS[endpoint]?.who;
};

describe("authorization inventory", () => {
  it("finds the application's actions and handlers", () => {
    expect(actions.length).toBeGreaterThan(0);
    expect(routes).toContain("app/api/health/route.ts#GET");
  });

  it("declares who may call every exported Server Action and route handler", () => {
    const undeclared = endpoints.filter((e) => !(e in EXPECTATIONS));
    const stale = Object.keys(EXPECTATIONS).filter((e) => !endpoints.includes(e));
    expect(undeclared, "endpoints without an expectation in tests/authz/expectations.ts").toEqual([]);
    expect(stale, "expectations for endpoints that no longer exist").toEqual([]);
  });

  it("knows who may call each endpoint, from the role its action declares or from its expectation", () => {
    const unknown = endpoints.filter((e) => e in EXPECTATIONS && !whoMay(e));
    const disagreeing = endpoints.filter((e) => declared[e] && EXPECTATIONS[e]?.who && JSON.stringify(EXPECTATIONS[e].who) !== JSON.stringify(whoFor(declared[e])));
    expect(unknown, "endpoints that declare no role (lib/action.ts) and whose expectation gives no `who`").toEqual([]);
    expect(disagreeing, "expectations whose `who` disagrees with the role the action declares").toEqual([]);
  });

  describe.each(endpoints.filter((e) => e in EXPECTATIONS && whoMay(e)))("%s", (endpoint) => {
    const expectation = EXPECTATIONS[endpoint]!;
    const who = whoMay(endpoint)!;
    const [file, name] = endpoint.split("#") as [string, string];

    // Refusals first, so that a permitted call cannot hide a change a refused one made.
    const order = [...ROLES].sort((a, b) => (who[a] === "deny" ? 0 : 1) - (who[b] === "deny" ? 0 : 1));
    it.each(order)(`as %s`, async (role) => {
      const mod = (await import(/* @vite-ignore */ join(root, file))) as Record<string, unknown>;
      await actAs(role);
      const f: Fixtures = { ...fixtures, n: ++counter };
      await expectation.prepare?.(f);
      const auditBefore = (await db.select({ n: count() }).from(auditLog))[0]?.n;
      const stateBefore = await expectation.state?.(f);
      const verdict = await outcome(() => expectation.call(f, mod, name));
      expect(verdict, `${endpoint} as ${role}`).toBe(who[role]);
      if (verdict === "deny") {
        expect((await db.select({ n: count() }).from(auditLog))[0]?.n).toBe(auditBefore);
        expect(await expectation.state?.(f)).toEqual(stateBefore);
      }
    });
  });
});

describe("a session that no longer holds", () => {
  it("is refused once the account is disabled or its sessions are revoked", async () => {
    const { getCurrentUser } = await import("@/lib/auth");
    const staff = accounts.staff!;
    await actAs("staff");
    expect((await getCurrentUser())?.role).toBe("staff");
    await db.update(users).set({ sessionVersion: staff.sessionVersion + 1 }).where(eq(users.id, staff.id));
    expect(await getCurrentUser()).toBeNull();
    await db.update(users).set({ sessionVersion: staff.sessionVersion, disabledAt: new Date() }).where(eq(users.id, staff.id));
    expect(await getCurrentUser()).toBeNull();
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, staff.id));
    expect((await getCurrentUser())?.role).toBe("staff");
  });

  it("follows a role change on the next request", async () => {
    const { getCurrentUser } = await import("@/lib/auth");
    await actAs("staff");
    await db.update(users).set({ role: "panelist" }).where(eq(users.id, accounts.staff!.id));
    expect((await getCurrentUser())?.role).toBe("panelist");
    await db.update(users).set({ role: "staff" }).where(eq(users.id, accounts.staff!.id));
  });
});
