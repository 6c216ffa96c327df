import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or a transaction: query functions accept both. */
export type Executor = Database | Transaction;

type Client =
  | { driver: "pglite"; db: Database; pglite: PGlite; close: () => Promise<void> }
  | { driver: "postgres"; db: Database; sql: postgres.Sql; close: () => Promise<void> };

// One client per process, kept on globalThis so that dev reloads and separate bundles share it:
// two PGlite instances on one folder would corrupt it.
const KEY = Symbol.for("symposia.db");
const store = globalThis as unknown as { [KEY]?: Client };

export function getClient(): Client {
  if (store[KEY]) return store[KEY];
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error(
      "A page touched the database during `next build`. Make it dynamic (await connection() or read the session).",
    );
  }
  const e = env();
  store[KEY] = e.DATABASE_URL ? openPostgres(e.DATABASE_URL, e.DATABASE_POOL_MAX) : openPglite(e.PGLITE_DIR);
  return store[KEY];
}

/** The application's database. Opened on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = getClient().db;
    const value = Reflect.get(real, prop, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export async function closeDb(): Promise<void> {
  const client = store[KEY];
  if (!client) return;
  delete store[KEY];
  await client.close();
}

function openPostgres(url: string, max: number): Client {
  const sql = postgres(url, {
    max,
    connect_timeout: 10,
    idle_timeout: 30,
    max_lifetime: 60 * 30,
    onnotice: () => {},
  });
  const db = drizzlePostgres(sql, { schema }) as unknown as Database;
  return { driver: "postgres", db, sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * The embedded database's settings: PGlite's own, with PostgreSQL's buffer cache cut from its 128 MB
 * default to 16 MB. The demo's and a small institution's data fit in it many times over, and it lives
 * inside the server's own memory, where 128 MB made the server's resident size go past 500 MB under load.
 */
const PGLITE_OPTIONS = { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] };

/**
 * PGlite runs each query to its end inside this thread, and a query's promise settles without a return
 * to the event loop: a request whose queries follow one another held the thread from its first query to
 * its answer, while the other connections' bytes waited unread. A request whose body came in a second
 * packet then waited a whole round behind every other, the seconds-long tail of a registration rush.
 * Each query first gives the event loop a turn (`setImmediate`), so sockets are read between queries and
 * the requests in flight take turns, query by query. Transactions' own queries run as they did.
 */
class TurnTakingPGlite extends PGlite {
  override async query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return super.query<T>(query, params, options);
  }
}

function openPglite(dir: string): Client {
  if (dir.startsWith("memory://")) {
    const pglite = new TurnTakingPGlite(dir, PGLITE_OPTIONS);
    const db = drizzlePglite(pglite, { schema }) as unknown as Database;
    return { driver: "pglite", db, pglite, close: () => pglite.close() };
  }
  const dataDir = resolve(dir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const releaseLock = takeLock(dataDir);
  const pglite = new TurnTakingPGlite(dataDir, PGLITE_OPTIONS);
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    driver: "pglite",
    db,
    pglite,
    close: async () => {
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite has no lock of its own between processes; a second process on the same folder would see a
 * diverging copy. A pid file beside the folder makes the second one stop with a plain reason instead.
 */
function takeLock(dataDir: string): () => void {
  const lockFile = join(dirname(dataDir), `${basename(dataDir)}.pid`);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop that process first (or use DATABASE_URL for a PostgreSQL server several processes can share).`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function basename(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? "pglite";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
