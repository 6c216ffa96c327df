import { vi } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Each test file gets its own in-memory PGlite unless DATABASE_URL points at a PostgreSQL server.
process.env.PGLITE_DIR ??= "memory://";
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), "symposia-test-"));

// The session is the one thing tests decide (tests/support/session.ts); sign-in and sign-out need a
// browser round trip and are left out.
vi.mock("@/lib/auth/config", async (importOriginal) => {
  const { session } = await import("./session");
  return {
    ...(await importOriginal<Record<string, unknown>>()),
    auth: vi.fn(async () => session.current),
    signIn: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
  };
});
// Cache invalidation needs a running Next.js server; here it has nothing to invalidate.
// unstable_cache runs its function: the public pages call it only to tag themselves (lib/public-cache.ts).
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn(), unstable_cache: (fn: () => unknown) => fn }));
// after() needs a request whose response it waits for; here the action's caller is the test, so the
// work runs at once (the outbox kick it defers is only ever a delivery round, which tests await themselves).
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  after: vi.fn((task: Promise<unknown> | (() => unknown)) => {
    void Promise.resolve(typeof task === "function" ? task() : task).catch((error) => console.error("[after]", error));
  }),
}));
