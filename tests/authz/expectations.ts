import { count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { db } from "@/db";
import { outbox, users } from "@/db/schema";

export const ROLES = ["anonymous", "panelist", "staff", "admin"] as const;
export type ActingRole = (typeof ROLES)[number];
type Verdict = "allow" | "deny";

export type Fixtures = {
  /** An account each test may change (role, disabled). */
  targetUserId: string;
  /** A message that failed to send. */
  failedMessageId: string;
  /** A number unique to this call, for unique emails. */
  n: number;
};

export type Expectation = {
  who: Record<ActingRole, Verdict>;
  /** Calls the endpoint with input that is valid, so that only authorization can refuse it. */
  call: (f: Fixtures, mod: Record<string, unknown>, name: string) => Promise<unknown>;
  /** What must not change when the call is refused (besides the audit log, which is always checked). */
  state?: (f: Fixtures) => Promise<unknown>;
};

const PUBLIC = { anonymous: "allow", panelist: "allow", staff: "allow", admin: "allow" } as const;
const STAFF = { anonymous: "deny", panelist: "deny", staff: "allow", admin: "allow" } as const;
const ADMIN = { anonymous: "deny", panelist: "deny", staff: "deny", admin: "allow" } as const;

const action =
  (input: (f: Fixtures) => unknown) =>
  (f: Fixtures, mod: Record<string, unknown>, name: string) =>
    (mod[name] as (i: unknown) => Promise<unknown>)(input(f));

const route =
  (method: string, path: string, body?: unknown) =>
  (_f: Fixtures, mod: Record<string, unknown>, name: string) =>
    (mod[name] as (r: NextRequest, ctx: unknown) => Promise<Response>)(
      new NextRequest(`http://localhost:3000${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: body === undefined ? undefined : { "content-type": "application/json" },
      }),
      { params: Promise.resolve({ nextauth: path.split("/").slice(3) }) },
    );

const userRow = (f: Fixtures) => db.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, f.targetUserId));

/**
 * Who may call what. Every exported Server Action and route handler must be listed here; the
 * inventory test fails for one that is not, and calls each as every role to check the verdict.
 */
export const EXPECTATIONS: Record<string, Expectation> = {
  // Sign-in is for everyone.
  "app/(auth)/actions.ts#signInWithPassword": {
    who: PUBLIC,
    call: action(() => ({ email: "staff@example.org", password: "not-the-password" })),
  },
  "app/(auth)/actions.ts#requestSignInLink": {
    who: PUBLIC,
    call: action((f) => ({ email: `nobody-${f.n}@example.org` })),
  },
  "app/(auth)/actions.ts#signOutAction": { who: PUBLIC, call: action(() => undefined) },

  // Users are managed by admins only.
  "app/(staff)/admin/users/actions.ts#createUser": {
    who: ADMIN,
    call: action((f) => ({ email: `new-user-${f.n}@example.org`, name: "New User", role: "staff", password: "" })),
    state: async () => (await db.select({ n: count() }).from(users))[0]?.n,
  },
  "app/(staff)/admin/users/actions.ts#changeUserRole": {
    who: ADMIN,
    call: action((f) => ({ userId: f.targetUserId, role: "staff" })),
    state: userRow,
  },
  "app/(staff)/admin/users/actions.ts#setUserDisabledAction": {
    who: ADMIN,
    call: action((f) => ({ userId: f.targetUserId, disabled: true })),
    state: userRow,
  },

  // The outbox is the staff's.
  "app/(staff)/admin/outbox/actions.ts#retryOutboxMessage": {
    who: STAFF,
    call: action((f) => ({ id: f.failedMessageId })),
    state: (f) => db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, f.failedMessageId)),
  },

  // Route handlers.
  "app/api/health/route.ts#GET": { who: PUBLIC, call: route("GET", "/api/health") },
  "app/api/auth/[...nextauth]/route.ts#GET": { who: PUBLIC, call: route("GET", "/api/auth/providers") },
  "app/api/auth/[...nextauth]/route.ts#POST": { who: PUBLIC, call: route("POST", "/api/auth/signout", {}) },
};
