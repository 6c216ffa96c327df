import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The marker package throws outside React Server Components; the tests call server code directly.
      { find: /^server-only$/, replacement: `${root}/tests/support/server-only.ts` },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
    environment: "node",
    setupFiles: ["tests/support/setup.ts"],
    pool: "forks",
    // On PostgreSQL the files share one database, so they take turns; on PGlite each has its own.
    fileParallelism: !onPostgres,
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
