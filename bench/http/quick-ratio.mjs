// Quick comparison of public pages with the static yardstick on a running production server.
//
//   SERVER_PID=<pid of scripts/server.mjs> node bench/http/quick-ratio.mjs <base URL> <requests> [path ...]
//
// Each page is loaded right after the yardstick, at 50 connections, with the same number of requests,
// and each line prints both rates, their ratio and the p99s. On a shared machine the rates swing with
// everything else running; the server's own CPU time per request (read from /proc, so Linux only, with
// SERVER_PID) does not, and its ratio says what the page costs next to the yardstick. ACCEPT_ENCODING
// (default gzip, as browsers send) chooses whether the server compresses. The full benchmark
// (bench/http) is the reference; this is for quick checks while working.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const [base = "http://127.0.0.1:3000", amount = "2000", ...rest] = process.argv.slice(2);
const YARDSTICK = process.env.YARDSTICK ?? "/yardstick/static";
const PID = process.env.SERVER_PID;
const headers = { "accept-encoding": process.env.ACCEPT_ENCODING ?? "gzip" };
const paths = rest.length > 0 ? rest : ["/", "/feed.xml"];

/** CPU milliseconds the server has used so far (user + system), or NaN without SERVER_PID. */
function cpuMs() {
  if (!PID) return Number.NaN;
  const fields = readFileSync(`/proc/${PID}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** @param {string} path */
async function measure(path) {
  const before = cpuMs();
  const r = await autocannon({ url: base + path, connections: 50, amount: Number(amount), headers });
  return { rate: r.requests.total / r.duration, p99: r.latency.p99, cpu: (cpuMs() - before) / r.requests.total, bytes: r.throughput.total / r.requests.total, bad: r.non2xx + r.errors + r.timeouts };
}

// A warm-up round per page, so that the first render and the JIT are not measured.
for (const path of [YARDSTICK, ...paths]) await autocannon({ url: base + path, connections: 10, amount: 200, headers });
console.log(["page", "rate ratio", "req/s", "yardstick req/s", "p99 ms", "yardstick p99 ms", "CPU ratio", "CPU ms/req", "yardstick CPU ms/req", "bytes", "failed"].join("\t"));
for (const path of paths) {
  const yard = await measure(YARDSTICK);
  const page = await measure(path);
  console.log(
    [path, (page.rate / yard.rate).toFixed(2), page.rate.toFixed(0), yard.rate.toFixed(0), page.p99, yard.p99, (yard.cpu / page.cpu).toFixed(2), page.cpu.toFixed(2), yard.cpu.toFixed(2), page.bytes.toFixed(0), page.bad + yard.bad].join("\t"),
  );
}
