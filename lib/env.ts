import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_URL: z.url().optional(),
  AUTH_TRUST_HOST: booleanish,
  APP_URL: z.url().optional(),
  // Read by the server entry (scripts/server.mjs); checked here too so a bad value is named at start-up.
  TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0).max(10).default(0),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  EMAIL_FROM: z.string().min(3).default("Symposia <no-reply@localhost>"),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  // How long a sender holds a message it claimed; past it, another sender may try the message again.
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(300),
  // The longest one delivery may take, from its claim to the server's answer; then the connection is cut.
  OUTBOX_SEND_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Days a delivered message keeps its text (links, QR codes, personal details) before it is removed.
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // Registrations one client address may make in ten minutes: a delegation registering from one office fits.
  REGISTRATION_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(40),
  // Megabytes of re-encoded photos each panelist may keep stored (staff are not limited).
  UPLOAD_QUOTA_MB: z.coerce.number().int().min(1).max(100_000).default(50),
  // With a bucket, photos live in S3-compatible object storage instead of DATA_DIR/uploads (lib/storage.ts).
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens")
    .optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// address" }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"], { error: "must be true or false" })
    .optional()
    .transform((v) => v === "true"),
});

/**
 * Settings that must agree: the outbox's lease and send timeout, and the S3 settings, which make sense
 * together or not at all. Each problem names the variable to fix.
 */
const checked = schema.superRefine((e, ctx) => {
  if (e.OUTBOX_LEASE_SECONDS < 2 * e.OUTBOX_SEND_TIMEOUT_SECONDS) {
    // A delivery must end well inside its lease, or a second sender could take the message while it is still going out.
    ctx.addIssue({ code: "custom", path: ["OUTBOX_LEASE_SECONDS"], message: "must be at least twice OUTBOX_SEND_TIMEOUT_SECONDS" });
  }
  const keys = [e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY].filter(Boolean).length;
  if (keys === 1) {
    const missing = e.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
    ctx.addIssue({
      code: "custom",
      path: [missing],
      message: "is not set: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither to use the AWS SDK's default credentials",
    });
  }
  if (!e.S3_BUCKET) {
    for (const name of ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (e[name]) ctx.addIssue({ code: "custom", path: [name], message: "is set but S3_BUCKET is not: set S3_BUCKET to store photos in that bucket" });
    }
  }
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Reads and checks the environment once; a bad value stops the process with its name. */
export function env(): Env {
  if (cached) return cached;
  // An empty variable (as copied from .env.example) means "not set".
  const given = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = checked.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";

/**
 * The site's one public origin, the base of every absolute link it writes (emails, calendars, feeds,
 * the sitemap, Open Graph): APP_URL, else AUTH_URL. Never taken from a request's Host or
 * X-Forwarded-Host, which a client controls. Outside production, with neither set, the development
 * server's own address. Production refuses to start without AUTH_URL (assertServerEnv).
 */
export function appUrl(): string {
  const e = env();
  if (e.APP_URL) return e.APP_URL.replace(/\/+$/, "");
  // AUTH_URL may name Auth.js's base path as well (https://site/api/auth); the site is its origin.
  if (e.AUTH_URL) return new URL(e.AUTH_URL).origin;
  if (e.NODE_ENV === "production") throw new Error(MISSING_AUTH_URL);
  const port = Number(process.env.PORT);
  return `http://localhost:${Number.isInteger(port) && port > 0 ? port : 3000}`;
}

const MISSING_AUTH_URL =
  "AUTH_URL is not set. Symposia will not start in production without it: set AUTH_URL to the site's public address (for example https://symposia.example.org). Every link in an email, calendar and feed is built from it.";

/**
 * The secret that signs sessions. Production must set AUTH_SECRET; elsewhere one is made once and kept
 * under the data folder so that sessions survive restarts without any configuration.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is not set. Symposia will not start in production without it: set AUTH_SECRET to a random string of at least 32 characters (for example the output of `openssl rand -base64 32`).",
    );
  }
  const file = join(e.DATA_DIR, "auth-secret");
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Checks everything the server needs before it takes requests; throws with the variable's name. */
export function assertServerEnv(): void {
  const e = env();
  authSecret();
  // AUTH_TRUST_HOST alone is not enough: links in emails must not depend on a request's Host header.
  if (e.NODE_ENV === "production" && !e.AUTH_URL) throw new Error(MISSING_AUTH_URL);
}
