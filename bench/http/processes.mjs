// @ts-check
// The HTTP benchmark's child processes: the production server, the database steps, and the server's
// resident memory read from /proc while it runs.
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { treeRss } from "./lib.mjs";

/**
 * Runs a command to its end and returns what it printed; throws with its output when it fails.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; env: NodeJS.ProcessEnv }} options
 * @returns {Promise<string>}
 */
export function runToEnd(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${[command, ...args].join(" ")} ended with code ${code}:\n${err || out}`));
    });
  });
}

/**
 * Runs one step of bench/http/database.ts (prepare, verify, event) on the database `env` names, with
 * tsx and the react-server condition as the seed runs, and returns the JSON it printed last.
 *
 * @param {"prepare" | "verify" | "event"} command
 * @param {object} options
 * @param {{ cwd: string; env: NodeJS.ProcessEnv }} where
 * @returns {Promise<any>}
 */
export async function benchDatabaseStep(command, options, { cwd, env }) {
  const tsx = join(cwd, "node_modules/.bin/tsx");
  const out = await runToEnd(tsx, ["--conditions=react-server", "bench/http/database.ts", command, JSON.stringify(options)], { cwd, env: { ...env, NODE_ENV: "test" } });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "");
}

/**
 * The Node options `npm start` gives the server (package.json's start script, between `node` and the
 * script), so that the bench measures the server as it is run.
 *
 * @param {string} cwd
 * @returns {string[]}
 */
export function startNodeOptions(cwd) {
  const start = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")).scripts?.start ?? "";
  const words = start.trim().split(/\s+/);
  const script = words.indexOf("scripts/server.mjs");
  if (words[0] !== "node" || script < 0) throw new Error(`package.json's start script is not "node [options] scripts/server.mjs": ${start}`);
  return words.slice(1, script);
}

/**
 * Starts `node scripts/server.mjs` with `npm start`'s Node options and resolves once it says it is listening. Its output goes to
 * `logFile`; a server that exits or stays silent for `timeoutMs` is an error naming that file.
 *
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; port: number; logFile: string; timeoutMs?: number }} options
 * @returns {Promise<{ pid: number; stop: () => Promise<void>; startedInMs: number }>}
 */
export function startServer({ cwd, env, port, logFile, timeoutMs = 120_000 }) {
  const started = performance.now();
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, [...startNodeOptions(cwd), "scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = false;
  const exit = new Promise((resolve) => child.on("exit", (code, signal) => ((exited = true), resolve({ code, signal }))));

  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(killer);
    }
    log.end();
  };

  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`The server did not start within ${timeoutMs / 1000} s; see ${logFile}.`)));
    }, timeoutMs);
    child.stdout.on("data", (d) => {
      seen += d;
      if (/\[symposia\] Production server at /.test(seen)) {
        clearTimeout(timer);
        resolve({ pid: /** @type {number} */ (child.pid), stop, startedInMs: performance.now() - started });
      }
    });
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${signal ?? `code ${code}`}) before it listened; see ${logFile}.`));
    });
  });
}

/**
 * The resident memory, in bytes, of a process and all its descendants, from /proc (Linux).
 *
 * @param {number} rootPid
 * @returns {Promise<number>}
 */
export async function processTreeRss(rootPid) {
  /** @type {Map<number, number>} */
  const parents = new Map();
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    // "pid (comm) state ppid …": the command name may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (Number.isInteger(ppid)) parents.set(Number(name), ppid);
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  /** @type {Map<number, { ppid: number; status: string }>} */
  const processes = new Map();
  for (const pid of tree) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    processes.set(pid, { ppid: parents.get(pid) ?? 0, status });
  }
  return treeRss(rootPid, processes);
}

/**
 * Samples a process tree's resident memory every `everyMs` until stopped: the highest and the last.
 *
 * @param {number} pid
 * @param {number} [everyMs]
 */
export function sampleRss(pid, everyMs = 250) {
  let peak = 0;
  let last = 0;
  let busy = false;
  const take = async () => {
    if (busy) return;
    busy = true;
    try {
      last = await processTreeRss(pid);
      peak = Math.max(peak, last);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void take(), everyMs);
  void take();
  return {
    get peak() {
      return peak;
    },
    /** A fresh reading now. */
    async now() {
      const value = await processTreeRss(pid);
      last = value;
      peak = Math.max(peak, value);
      return value;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
