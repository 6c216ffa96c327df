import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import postgres from "postgres";
import S3rver from "s3rver";
import { headerOf, onMessage, testSmtpServer } from "../../tests/support/smtp-server";

// The real services the two instances share, each started for one run and stopped by its teardown:
// an SMTP server that records what it receives, s3rver, nginx; and checks that PostgreSQL and Redis
// answer, so that a missing service fails the run at once with its name instead of a hung test.

export type Stop = () => Promise<void>;

const SERVICE_TIMEOUT_MS = 5_000;

/** A port nobody listens on now (the kernel's pick), for a service of this run. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port"))));
    });
  });
}

/** Refuses a port something already listens on: a leftover server would answer for ours. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (taken) throw new Error(`Port ${port} (${what}) is taken: stop what listens there or choose another port.`);
}

/** Empties the PostgreSQL database (every table, the migrations' record): the run starts from nothing. */
export async function emptyDatabase(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, connect_timeout: SERVICE_TIMEOUT_MS / 1000, onnotice: () => {} });
  try {
    await sql.unsafe("drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade;");
  } catch (error) {
    throw new Error(`PostgreSQL at ${redact(databaseUrl)} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** The address without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/**
 * Sends one command to the Redis server of `url` (after AUTH when the address has a password) and
 * returns its raw answer: no client library, so that a check cannot hide a missing server behind
 * retries, and nothing waits longer than a few seconds.
 */
export async function redisCommand(url: string, ...words: string[]): Promise<string> {
  const { hostname, port, username, password } = new URL(url);
  const command = (...parts: string[]) => `*${parts.length}\r\n${parts.map((w) => `$${Buffer.byteLength(w)}\r\n${w}\r\n`).join("")}`;
  const auth = password ? command("AUTH", ...(username ? [decodeURIComponent(username)] : []), decodeURIComponent(password)) : "";
  const database = /^\/(\d+)$/.exec(new URL(url).pathname)?.[1];
  const request = auth + (database ? command("SELECT", database) : "") + command(...words);
  const answers = (auth ? 1 : 0) + (database ? 1 : 0) + 1;
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect({ host: hostname || "127.0.0.1", port: Number(port || 6379) });
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${SERVICE_TIMEOUT_MS / 1000} s`));
    }, SERVICE_TIMEOUT_MS);
    socket.once("connect", () => socket.write(request));
    socket.on("data", (d) => {
      received += d;
      // Simple answers only (status, error, integer): one line each.
      if (received.split("\r\n").length > answers || received.startsWith("-")) {
        clearTimeout(timer);
        socket.end();
        resolve(received);
      }
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).catch((error: Error) => {
    throw new Error(`Redis at ${redact(url)} does not answer (${error.message}). Start Redis or set REDIS_URL.`);
  });
  const last = text.trim().split("\r\n").at(-1) ?? "";
  if (text.startsWith("-") || last.startsWith("-")) throw new Error(`Redis at ${redact(url)} refused ${words[0]}: ${text.trim()}`);
  return last;
}

/** Fails at once, naming the address, when Redis does not answer PING. */
export async function pingRedis(url: string): Promise<void> {
  const answer = await redisCommand(url, "PING");
  if (answer !== "+PONG") throw new Error(`Redis at ${redact(url)} answered PING with ${answer}.`);
}

/** Removes every key that starts with `prefix` (the run's own, in a Redis others may share). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const script = "local n = 0 for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) n = n + 1 end return n";
  await redisCommand(url, "EVAL", script, "0", `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`);
}

/**
 * An SMTP server on 127.0.0.1 that accepts every message and appends { to, subject, messageId } to
 * `logFile`, one JSON line each: the tests count what each person received.
 */
export async function startMailServer(logFile: string): Promise<{ port: number; stop: Stop }> {
  writeFileSync(logFile, "");
  const server = testSmtpServer({
    // Two instances each send while a rush lasts.
    maxClients: 100,
    onData: onMessage((raw, session, answer) => {
      const to = session.envelope.rcptTo.map((r) => r.address);
      appendFileSync(logFile, `${JSON.stringify({ to, subject: headerOf(raw, "subject"), messageId: headerOf(raw, "message-id") })}\n`);
      answer();
    }),
  });
  // A sender that dies mid-conversation (an instance killed on purpose) resets its connection: that is
  // the sender's failure, not the server's.
  server.on("error", (error) => appendFileSync(`${logFile}.errors`, `${error.message}\n`));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.server.address();
  if (!address || typeof address !== "object") throw new Error("The SMTP server has no port.");
  return { port: address.port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** s3rver with one empty bucket, its files in `directory`. */
export async function startObjectStore(directory: string, bucket: string): Promise<{ port: number; stop: Stop }> {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  return { port, stop: async () => void (await server.close()) };
}

/** The nginx binary: NGINX_PATH, else Debian's, else the first on PATH. */
export function findNginx(): string {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`NGINX_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  for (const path of ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"]) if (existsSync(path)) return path;
  const found = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  throw new Error("nginx is not installed. Install it (Debian/Ubuntu: `sudo apt-get install nginx-light` or `nginx`) or set NGINX_PATH.");
}

/**
 * nginx in front of the instances, as a site runs it: round robin, the client's address appended to
 * X-Forwarded-For, the Host and the scheme passed on.
 *
 * What a killed instance does to requests: nginx passes a request to the next instance only on
 * `proxy_next_upstream` conditions (here the default, `error timeout`), and never a POST that it has
 * already sent (unless `non_idempotent` is added). So a POST that could not even connect to a dead
 * instance goes to the other one, and a POST in flight when its instance died is answered 502: the
 * client is told it failed, rather than the registration being sent a second time. (Registering is
 * idempotent here, by its key and the one-registration-per-address rule, but a proxy cannot know that
 * of every POST.) `max_fails=1` takes a failed instance out of the rotation for `fail_timeout`.
 */
export function nginxConfig({ dir, port, upstreams }: { dir: string; port: number; upstreams: number[] }): string {
  return `# Generated for one run of the scale-out tests (e2e/scale-out).
worker_processes 1;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;

  upstream symposia {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=30s;`).join("\n")}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${port};
    # Photos up to 10 MB (lib/images.ts), with room for the request around them.
    client_max_body_size 12m;

    location / {
      proxy_pass http://symposia;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      # Which instance answered: the tests check that both take part.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** Starts nginx in the foreground with its own config, pid file and logs in `dir`. */
export async function startNginx({ dir, port, upstreams }: { dir: string; port: number; upstreams: number[] }): Promise<{ stop: Stop }> {
  const nginx = findNginx();
  for (const sub of ["temp/body", "temp/proxy", "temp/fastcgi", "temp/uwsgi", "temp/scgi"]) mkdirSync(join(dir, sub), { recursive: true });
  const config = join(dir, "nginx.conf");
  writeFileSync(config, nginxConfig({ dir, port, upstreams }));
  const args = ["-p", dir, "-c", config, "-e", join(dir, "error.log"), "-g", `daemon off; pid ${join(dir, "nginx.pid")};`];
  const test = spawnSync(nginx, ["-t", ...args], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx refused its configuration (${config}):\n${test.stderr}`);
  const child: ChildProcess = spawn(nginx, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop: Stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM: a fast shutdown of the master and its worker.
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start (code ${child.exitCode}): ${stderr}; see ${join(dir, "error.log")}.`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (waited > 10_000) {
      await stop();
      throw new Error(`nginx on port ${port} did not pass a request to the instances within 10 s; see ${join(dir, "error.log")}.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { stop };
}
