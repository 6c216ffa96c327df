import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Each test file gets its own in-memory PGlite unless DATABASE_URL points at a PostgreSQL server.
process.env.PGLITE_DIR ??= "memory://";
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), "symposia-test-"));
