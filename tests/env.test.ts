import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };

async function freshEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const key of ["AUTH_SECRET", "AUTH_URL", "AUTH_TRUST_HOST", "DATABASE_URL", "SMTP_URL"]) delete process.env[key];
  Object.assign(process.env, vars);
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  return import("@/lib/env");
}

afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

describe("environment", () => {
  it("refuses to start in production without AUTH_SECRET, naming it", async () => {
    const { assertServerEnv } = await freshEnv({ NODE_ENV: "production", AUTH_TRUST_HOST: "true" });
    expect(() => assertServerEnv()).toThrow(/AUTH_SECRET/);
  });

  it("needs AUTH_URL or AUTH_TRUST_HOST in production", async () => {
    const { assertServerEnv } = await freshEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) });
    expect(() => assertServerEnv()).toThrow(/AUTH_URL|AUTH_TRUST_HOST/);
  });

  it("starts in production with both set", async () => {
    const { assertServerEnv } = await freshEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), AUTH_TRUST_HOST: "true" });
    expect(() => assertServerEnv()).not.toThrow();
  });

  it("makes a secret once outside production and keeps it in the data folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "symposia-env-"));
    const first = await freshEnv({ NODE_ENV: "development", DATA_DIR: dir });
    const secret = first.authSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(join(dir, "auth-secret"))).toBe(true);
    expect(readFileSync(join(dir, "auth-secret"), "utf8").trim()).toBe(secret);
    const second = await freshEnv({ NODE_ENV: "development", DATA_DIR: dir });
    expect(second.authSecret()).toBe(secret);
  });

  it("names a malformed variable", async () => {
    const { env } = await freshEnv({ NODE_ENV: "development", DATABASE_URL: "mysql://x" });
    expect(() => env()).toThrow(/DATABASE_URL/);
  });
});
