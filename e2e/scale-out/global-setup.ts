import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { findActionId, REGISTRATION_ACTION_MODULE } from "../../bench/http/lib.mjs";
import { runToEnd } from "../../bench/http/processes.mjs";
import { type ClusterState, type InstanceName, isAlive, readState, STATE_VARIABLE, startInstance, writeState } from "./cluster";
import {
  assertPortFree,
  deleteRedisKeys,
  emptyDatabase,
  findNginx,
  freePort,
  pingRedis,
  redact,
  startMailServer,
  startNginx,
  startObjectStore,
  type Stop,
} from "./services";

const root = resolve(__dirname, "../..");

/** REGISTRATION_LIMIT_PER_CLIENT of both instances: low, so the rate-limit test stays short. */
const REGISTRATION_LIMIT = 10;
/** The test client stands for a load balancer in front of nginx: it writes X-Forwarded-For, nginx appends. */
const TRUSTED_HOPS = 2;
const BUCKET = "symposia-scale-out";
/**
 * A lease short enough that the message a killed instance was sending goes out again within the test,
 * and a send timeout (half of it) long enough that a busy machine does not cut a delivery the mail
 * server has accepted (which would send it again: the outbox delivers at least once).
 */
const OUTBOX_LEASE_SECONDS = 40;

async function port(variable: string, what: string): Promise<number> {
  const value = process.env[variable];
  if (!value) return freePort();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${variable} must be a port number; got "${value}".`);
  await assertPortFree(n, what);
  return n;
}

function checkBuild(): { dist: string; actionId: string } {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(join(root, dist, "BUILD_ID"))) {
    throw new Error(`No production build in ${dist} (no BUILD_ID). These tests build nothing: run \`npm run build\` first${dist === ".next" ? "" : ` with NEXT_DIST_DIR=${dist}`}.`);
  }
  const manifest = JSON.parse(readFileSync(join(root, dist, "server/server-reference-manifest.json"), "utf8"));
  return { dist, actionId: findActionId(manifest, REGISTRATION_ACTION_MODULE, "register") };
}

/**
 * Each instance gets a copy of the build, as a second machine would: Next.js keeps its page cache in
 * the build folder, and a folder both wrote to would share what separate machines cannot. The copy
 * leaves out the build's own cache and any pages a server cached there.
 */
function copyBuild(dist: string, to: string): void {
  const from = join(root, dist);
  const skipped = [join(from, "cache"), join(from, "server", "route-cache")];
  cpSync(from, join(root, to), { recursive: true, filter: (path) => !skipped.some((s) => path === s || path.startsWith(s + sep)) });
}

/**
 * Starts the site as it runs on two machines: PostgreSQL (emptied and filled with the demo), Redis,
 * s3rver and an SMTP server shared by two production instances, with nginx in front. Returns the
 * teardown, which stops everything started here (and an instance a test started again).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error("The scale-out tests need PostgreSQL: set DATABASE_URL to a scratch database (it is emptied), e.g. postgres://postgres@127.0.0.1:5432/symposia_scale_out.");
  }
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const { dist, actionId } = checkBuild();
  findNginx();
  await pingRedis(redisUrl);
  const ports = {
    proxy: await port("SCALE_OUT_PORT", "the proxy"),
    a: await port("SCALE_OUT_PORT_A", "instance A"),
    b: await port("SCALE_OUT_PORT_B", "instance B"),
  };
  if (new Set(Object.values(ports)).size !== 3) throw new Error(`nginx and the two instances need three ports; got ${JSON.stringify(ports)}.`);

  const stops: Stop[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => console.error("[scale-out] stopping:", error));
  };
  try {
    // Build copies live under the project (NEXT_DIST_DIR is relative to it), with each instance's log,
    // kept after the run; the rest in a temp folder that nginx's worker can reach whoever runs it.
    const runDir = join(".data", `scale-out-${ports.proxy}`);
    rmSync(join(root, runDir), { recursive: true, force: true });
    mkdirSync(join(root, runDir), { recursive: true });
    stops.push(async () => {
      for (const name of ["a", "b"]) rmSync(join(root, runDir, name, "build"), { recursive: true, force: true });
    });
    const temp = mkdtempSync(join(tmpdir(), "symposia-scale-out-"));
    stops.push(async () => {
      for (const log of ["error.log", "access.log"]) {
        if (existsSync(join(temp, "nginx", log))) copyFileSync(join(temp, "nginx", log), join(root, runDir, `nginx-${log}`));
      }
      rmSync(temp, { recursive: true, force: true });
    });

    // The run's own keys in a Redis that others may share, removed at the end.
    const redisPrefix = `symposia-scale-out-${ports.proxy}-${Date.now().toString(36)}:`;
    stops.push(() => deleteRedisKeys(redisUrl, redisPrefix));

    await emptyDatabase(databaseUrl);
    // The seed refuses production; it migrates, then fills the empty database with the demo.
    await runToEnd(join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/seed.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    });

    const mailLog = join(temp, "mail.jsonl");
    const mail = await startMailServer(mailLog);
    stops.push(mail.stop);
    const s3 = await startObjectStore(join(temp, "s3"), BUCKET);
    stops.push(s3.stop);

    const proxyUrl = `http://localhost:${ports.proxy}`;
    const shared: Record<string, string> = {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "symposia-scale-out-only-secret-not-for-real-use-0123456789",
      // The site's address is the proxy's: every absolute link and sign-in link names it.
      AUTH_URL: proxyUrl,
      APP_URL: proxyUrl,
      TRUSTED_PROXY_HOPS: String(TRUSTED_HOPS),
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      EMAIL_FROM: "Symposia <no-reply@example.org>",
      OUTBOX_INTERVAL_SECONDS: "1",
      OUTBOX_LEASE_SECONDS: String(OUTBOX_LEASE_SECONDS),
      OUTBOX_SEND_TIMEOUT_SECONDS: String(OUTBOX_LEASE_SECONDS / 2),
      REGISTRATION_LIMIT_PER_CLIENT: String(REGISTRATION_LIMIT),
      SEED_DEMO: "never",
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisPrefix,
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: `http://127.0.0.1:${s3.port}`,
      S3_REGION: "us-east-1",
      // s3rver's own credentials: it checks each request's signature against them.
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    };
    const instance = (name: InstanceName) => {
      const folder = join(runDir, name);
      copyBuild(dist, join(folder, "build"));
      return {
        port: ports[name],
        url: `http://localhost:${ports[name]}`,
        pid: 0,
        log: join(root, folder, "server.log"),
        // A data folder each: nothing written to one machine's disk is seen by the other.
        env: { ...shared, NEXT_DIST_DIR: join(folder, "build"), DATA_DIR: join(root, folder, "data") },
      };
    };
    const state: ClusterState = {
      root,
      proxyUrl,
      instances: { a: instance("a"), b: instance("b") },
      mailLog,
      databaseUrl,
      actionId,
      registrationLimit: REGISTRATION_LIMIT,
      trustedHops: TRUSTED_HOPS,
      outboxLeaseSeconds: OUTBOX_LEASE_SECONDS,
    };
    process.env[STATE_VARIABLE] = join(temp, "cluster.json");
    writeState(state);
    // Whatever runs at the end, whoever started it (a test may have stopped an instance and started it again).
    stops.push(async () => {
      const now = readState();
      for (const { pid } of Object.values(now.instances)) await stopProcess(pid);
    });
    // Should the runner itself end without its teardown, the instances end with it.
    process.once("exit", () => {
      if (!existsSync(process.env[STATE_VARIABLE] ?? "")) return;
      for (const { pid } of Object.values(readState().instances)) if (isAlive(pid)) process.kill(pid, "SIGKILL");
    });
    // Both at once; a failure is reported once the other has started too, so that the teardown knows its process.
    const started = await Promise.allSettled([startInstance(state, "a"), startInstance(state, "b")]);
    const failed = started.flatMap((r) => (r.status === "rejected" ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
    if (failed.length) throw new Error(failed.join("\n"));

    const nginx = await startNginx({ dir: join(temp, "nginx"), port: ports.proxy, upstreams: [ports.a, ports.b] });
    stops.push(nginx.stop);
    console.log(
      `[scale-out] ${proxyUrl} (nginx) → instance A :${ports.a}, B :${ports.b}; PostgreSQL ${redact(databaseUrl)}, Redis ${redact(redisUrl)}, ` +
        `s3rver :${s3.port}, SMTP :${mail.port}. Logs: ${join(runDir, "a", "server.log")}, ${join(runDir, "b", "server.log")}, ${join(temp, "nginx")}.`,
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

/** SIGTERM, then SIGKILL after five seconds. */
async function stopProcess(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}
