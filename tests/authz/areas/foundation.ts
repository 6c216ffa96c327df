import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { outbox, users } from "@/db/schema";
import { session } from "../../support/session";
import { action, type Expectation, type Fixtures, PUBLIC, route } from "../helpers";

const userRow = (f: Fixtures) => db.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, f.targetUserId));

const formAction =
  (input: (f: Fixtures) => Record<string, string>) =>
  (f: Fixtures, mod: Record<string, unknown>, name: string) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(input(f))) data.set(key, value);
    return (mod[name] as (previous: unknown, data: FormData) => Promise<unknown>)(undefined, data);
  };

export const foundation: Record<string, Expectation> = {
  // Sign-in is for everyone.
  // Form actions: (previous state, FormData).
  "app/(auth)/actions.ts#signInWithPassword": {
    who: PUBLIC,
    call: formAction(() => ({ email: "staff@example.org", password: "not-the-password" })),
  },
  "app/(auth)/actions.ts#requestSignInLink": {
    who: PUBLIC,
    call: formAction((f) => ({ email: `nobody-${f.n}@example.org` })),
  },
  "app/(auth)/actions.ts#signOutAction": {
    who: PUBLIC,
    // Signing out ends the caller's session for good (its version moves on: tests/sign-in.test.ts);
    // the inventory goes on acting with the same session, so its version is put back afterwards.
    call: async (f, mod, name) => {
      const id = session.current?.user.id;
      const [before] = id ? await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id)) : [];
      try {
        return await action(() => undefined)(f, mod, name);
      } finally {
        if (id && before) await db.update(users).set({ sessionVersion: before.sessionVersion }).where(eq(users.id, id));
      }
    },
  },

  // Users are managed by admins only.
  "app/(staff)/admin/users/actions.ts#createUser": {
    call: action((f) => ({ email: `new-user-${f.n}@example.org`, name: "New User", role: "staff", password: "" })),
    state: async () => (await db.select({ n: count() }).from(users))[0]?.n,
  },
  "app/(staff)/admin/users/actions.ts#changeUserRole": {
    call: action((f) => ({ userId: f.targetUserId, role: "staff" })),
    state: userRow,
  },
  "app/(staff)/admin/users/actions.ts#setUserDisabledAction": {
    call: action((f) => ({ userId: f.targetUserId, disabled: true })),
    state: userRow,
  },

  // The outbox is the staff's.
  "app/(staff)/admin/outbox/actions.ts#retryOutboxMessage": {
    call: action((f) => ({ id: f.failedMessageId })),
    state: (f) => db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, f.failedMessageId)),
  },

  // Route handlers.
  "app/api/health/route.ts#GET": { who: PUBLIC, call: route("GET", "/api/health") },
  "app/api/auth/[...nextauth]/route.ts#GET": { who: PUBLIC, call: route("GET", "/api/auth/providers") },
  "app/api/auth/[...nextauth]/route.ts#POST": { who: PUBLIC, call: route("POST", "/api/auth/signout", {}) },
};
