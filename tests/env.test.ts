import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
const S3_VARS = ["S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"];

async function freshEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const key of ["AUTH_SECRET", "AUTH_URL", "AUTH_TRUST_HOST", "APP_URL", "PORT", "TRUSTED_PROXY_HOPS", "DATABASE_URL", "SMTP_URL", ...S3_VARS]) delete process.env[key];
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
    const { assertServerEnv } = await freshEnv({ NODE_ENV: "production", AUTH_URL: "https://symposia.example.org" });
    expect(() => assertServerEnv()).toThrow(/AUTH_SECRET/);
  });

  it("refuses to start in production without AUTH_URL, naming it, even when AUTH_TRUST_HOST is set", async () => {
    const { assertServerEnv, appUrl } = await freshEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), AUTH_TRUST_HOST: "true" });
    expect(() => assertServerEnv()).toThrow(/AUTH_URL is not set/);
    // Nothing falls back to http://localhost:3000 in production.
    expect(() => appUrl()).toThrow(/AUTH_URL/);
  });

  it("starts in production with AUTH_SECRET and AUTH_URL set", async () => {
    const { assertServerEnv, appUrl } = await freshEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40), AUTH_URL: "https://symposia.example.org/" });
    expect(() => assertServerEnv()).not.toThrow();
    expect(appUrl()).toBe("https://symposia.example.org");
  });

  it("builds links from APP_URL where set, else from AUTH_URL's origin", async () => {
    const both = await freshEnv({ NODE_ENV: "production", AUTH_URL: "https://auth.example.org/api/auth", APP_URL: "https://events.example.org/" });
    expect(both.appUrl()).toBe("https://events.example.org");
    const authOnly = await freshEnv({ NODE_ENV: "production", AUTH_URL: "https://auth.example.org/api/auth" });
    expect(authOnly.appUrl()).toBe("https://auth.example.org");
  });

  it("needs no configuration in development: the development server's own address", async () => {
    expect((await freshEnv({ NODE_ENV: "development" })).appUrl()).toBe("http://localhost:3000");
    expect((await freshEnv({ NODE_ENV: "development", PORT: "3005" })).appUrl()).toBe("http://localhost:3005");
  });

  it("names a bad TRUSTED_PROXY_HOPS", async () => {
    const { env } = await freshEnv({ NODE_ENV: "development", TRUSTED_PROXY_HOPS: "one" });
    expect(() => env()).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("keeps a delivery's time limit well inside the outbox lease", async () => {
    const defaults = (await freshEnv({ NODE_ENV: "development" })).env();
    expect(defaults).toMatchObject({ OUTBOX_LEASE_SECONDS: 300, OUTBOX_SEND_TIMEOUT_SECONDS: 60 });
    const { env } = await freshEnv({ NODE_ENV: "development", OUTBOX_LEASE_SECONDS: "60", OUTBOX_SEND_TIMEOUT_SECONDS: "31" });
    expect(() => env()).toThrow(/OUTBOX_LEASE_SECONDS: must be at least twice OUTBOX_SEND_TIMEOUT_SECONDS/);
    const fits = await freshEnv({ NODE_ENV: "development", OUTBOX_LEASE_SECONDS: "60", OUTBOX_SEND_TIMEOUT_SECONDS: "30" });
    expect(fits.env()).toMatchObject({ OUTBOX_LEASE_SECONDS: 60, OUTBOX_SEND_TIMEOUT_SECONDS: 30 });
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

  describe("S3 settings", () => {
    const keys = { S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

    it("keep photos in the local folder when S3_BUCKET is not set", async () => {
      await freshEnv({});
      const { s3Settings } = await import("@/lib/storage");
      expect(s3Settings()).toBeUndefined();
    });

    it("read a bucket with an endpoint, keys and path-style addressing, the region defaulting to us-east-1", async () => {
      await freshEnv({ S3_BUCKET: "symposia-photos", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true", ...keys });
      const { s3Settings } = await import("@/lib/storage");
      expect(s3Settings()).toEqual({
        bucket: "symposia-photos",
        region: "us-east-1",
        endpoint: "http://127.0.0.1:9000",
        credentials: { accessKeyId: "id", secretAccessKey: "secret" },
        forcePathStyle: true,
      });
    });

    it("leave credentials to the AWS SDK's default chain when no keys are given", async () => {
      await freshEnv({ S3_BUCKET: "symposia-photos", S3_REGION: "eu-central-1" });
      const { s3Settings } = await import("@/lib/storage");
      expect(s3Settings()).toMatchObject({ region: "eu-central-1", credentials: undefined, endpoint: undefined, forcePathStyle: false });
    });

    it.each([
      [{ S3_BUCKET: "symposia-photos", S3_ACCESS_KEY_ID: "id" }, /S3_SECRET_ACCESS_KEY: is not set: set both/],
      [{ S3_BUCKET: "symposia-photos", S3_SECRET_ACCESS_KEY: "secret" }, /S3_ACCESS_KEY_ID: is not set: set both/],
      [{ S3_ENDPOINT: "http://127.0.0.1:9000", ...keys }, /S3_ENDPOINT: is set but S3_BUCKET is not[\s\S]*S3_ACCESS_KEY_ID: is set but S3_BUCKET is not/],
      [{ S3_BUCKET: "Photos_2026" }, /S3_BUCKET: must be a bucket name/],
      [{ S3_BUCKET: "symposia-photos", S3_ENDPOINT: "127.0.0.1:9000" }, /S3_ENDPOINT: must be an http/],
      [{ S3_BUCKET: "symposia-photos", S3_ENDPOINT: "ftp://files.example.org" }, /S3_ENDPOINT: must be an http/],
      [{ S3_BUCKET: "symposia-photos", S3_FORCE_PATH_STYLE: "yes" }, /S3_FORCE_PATH_STYLE: must be true or false/],
    ])("name what is wrong: %o", async (vars, message) => {
      const { env } = await freshEnv({ NODE_ENV: "development", ...vars });
      expect(() => env()).toThrow(message);
    });
  });
});
