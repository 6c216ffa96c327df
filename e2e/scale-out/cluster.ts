import { readFileSync, writeFileSync } from "node:fs";
import { startServer } from "../../bench/http/processes.mjs";

/**
 * The running two-instance site, as the global setup started it: written to a file whose path is in
 * SCALE_OUT_STATE, so that the tests (in Playwright's worker processes) can reach each instance, stop
 * one and start it again, and the teardown can stop whatever runs at the end.
 */
export type InstanceName = "a" | "b";

export type Instance = {
  port: number;
  /** http://localhost:<port>: the instance itself, past the proxy. */
  url: string;
  /** The server process now serving, 0 when none. */
  pid: number;
  log: string;
  /** The settings this instance starts with (on top of the environment it inherits). */
  env: Record<string, string>;
};

export type ClusterState = {
  root: string;
  /** The site's address: nginx, round robin over both instances (AUTH_URL and APP_URL). */
  proxyUrl: string;
  instances: Record<InstanceName, Instance>;
  /** One JSON line per message the SMTP server accepted: { to, subject, messageId }. */
  mailLog: string;
  databaseUrl: string;
  /** The registration Server Action's id in the build. */
  actionId: string;
  /** REGISTRATION_LIMIT_PER_CLIENT of both instances. */
  registrationLimit: number;
  /** Proxies in front of the app (TRUSTED_PROXY_HOPS): the test client stands for the outer one. */
  trustedHops: number;
  /** OUTBOX_LEASE_SECONDS of both instances: how long a dead sender's message waits for another. */
  outboxLeaseSeconds: number;
};

export const STATE_VARIABLE = "SCALE_OUT_STATE";

export function readState(): ClusterState {
  const path = process.env[STATE_VARIABLE];
  if (!path) throw new Error(`${STATE_VARIABLE} is not set: run these tests with npm run test:scale-out (e2e/scale-out/playwright.config.ts).`);
  return JSON.parse(readFileSync(path, "utf8")) as ClusterState;
}

export function writeState(state: ClusterState): void {
  const path = process.env[STATE_VARIABLE];
  if (!path) throw new Error(`${STATE_VARIABLE} is not set.`);
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

export function isAlive(pid: number): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the instance answers its health check (the database reachable from it) within a few seconds. */
export async function isHealthy(instance: Instance): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${instance.port}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Starts an instance (`node scripts/server.mjs` with npm start's Node options) and records its
 * process. The process outlives the one that started it until the teardown stops it by its id.
 */
export async function startInstance(state: ClusterState, name: InstanceName): Promise<void> {
  const instance = state.instances[name];
  if (isAlive(instance.pid)) throw new Error(`Instance ${name} is running already (process ${instance.pid}).`);
  const server = await startServer({
    cwd: state.root,
    env: { ...process.env, ...instance.env },
    port: instance.port,
    logFile: instance.log,
    timeoutMs: 180_000,
  });
  instance.pid = server.pid;
  writeState(state);
}

/** Ends an instance at once: SIGKILL, as a machine that loses power; waits until the process is gone. */
export async function killInstance(state: ClusterState, name: InstanceName): Promise<void> {
  const instance = state.instances[name];
  if (!isAlive(instance.pid)) return;
  process.kill(instance.pid, "SIGKILL");
  for (let i = 0; i < 100 && isAlive(instance.pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(instance.pid)) throw new Error(`Instance ${name} (process ${instance.pid}) outlived SIGKILL.`);
}

/** Starts the instance again when an earlier test left it stopped. */
export async function ensureRunning(state: ClusterState, name: InstanceName): Promise<void> {
  const instance = state.instances[name];
  if (isAlive(instance.pid) && (await isHealthy(instance))) return;
  if (isAlive(instance.pid)) await killInstance(state, name);
  await startInstance(state, name);
}

export type Received = { subject: string; messageId: string };

/** The messages the SMTP server accepted so far, by recipient (lower case). */
export function mailbox(state: ClusterState): Map<string, Received[]> {
  const byRecipient = new Map<string, Received[]>();
  const lines = readFileSync(state.mailLog, "utf8").split("\n");
  // Each message is one line ending in a newline: what follows the last one is still being written.
  lines.pop();
  for (const line of lines) {
    const { to, subject, messageId } = JSON.parse(line) as { to: string[] } & Received;
    for (const address of to) {
      const key = address.toLowerCase();
      byRecipient.set(key, [...(byRecipient.get(key) ?? []), { subject, messageId }]);
    }
  }
  return byRecipient;
}
