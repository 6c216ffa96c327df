// Quick ad-hoc comparison of public pages with a static yardstick on a running production server.
//
//   node bench/http/quick-ratio.mjs [base URL] [seconds per run] [path ...]
//
// Each page is measured right after the yardstick, at 50 connections, so that both see the same load
// from the rest of the machine; it prints requests per second, the ratio to the yardstick and the p99.
// The full benchmark (npm run bench:http) is the reference; this is for quick checks while working.
import autocannon from "autocannon";

const [base = "http://127.0.0.1:3000", seconds = "8", ...rest] = process.argv.slice(2);
const YARDSTICK = process.env.YARDSTICK ?? "/yardstick/static";
const paths = rest.length > 0 ? rest : ["/", "/feed.xml"];

/** @param {string} path */
async function measure(path) {
  const result = await autocannon({ url: base + path, connections: 50, duration: Number(seconds), headers: { "accept-encoding": "identity" } });
  const bad = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p99: result.latency.p99, bad };
}

// One warm-up request per page, so that the first render is not measured.
for (const path of [YARDSTICK, ...paths]) await fetch(base + path);
console.log("page\treq/s\tyardstick req/s\tratio\tp99 ms\tyardstick p99 ms\tnon-2xx/errors");
for (const path of paths) {
  const yard = await measure(YARDSTICK);
  const page = await measure(path);
  console.log([path, page.rps.toFixed(0), yard.rps.toFixed(0), (page.rps / yard.rps).toFixed(2), page.p99, yard.p99, page.bad + yard.bad].join("\t"));
}
