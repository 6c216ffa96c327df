#!/usr/bin/env node
// Sums a .cpuprofile (node --cpu-prof) by what the time was spent on, over a window before its end:
//   node bench/http/profile-summary.mjs <file.cpuprofile> [seconds before the end to start] [seconds before the end to stop] [requests in the window]
// Where the busy time went: every sample is given to the first category (leaf upwards) whose rule matches.
import { readFileSync } from "node:fs";
const [file, fromEnd = "1e9", toEnd = "0", requests = "0"] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = prof.startTime; const times = prof.timeDeltas.map((d) => (t += d));
const label = (n) => { const cf = n.callFrame; return `${cf.functionName}|${cf.url}`; };
const rules = [
  ["QR code PNG (qrcode + pngjs + its zlib deflate)", /qrcode|pngjs|filterData|\.pack\||qrToImageData|toBuffer\||\/qr|Packer/],
  ["calendar file (.ics)", /lib_ics|ics_ts/],
  ["gzip of responses (compression)", /node_modules\/compression|compression/],
  ["zod", /zod/],
  ["email body (registration-emails, time formatting)", /registration-emails|lib_time|lib_email/],
  ["postgres.js driver", /node_modules\/postgres\//],
  ["PGlite", /pglite/],
  ["drizzle query building/mapping", /drizzle|buildQueryFromSourceParams|sqlToQuery|_prepare\||startActiveSpan/],
  ["React server render (Flight/HTML)", /react-server-dom|react-dom|app-page.*runtime|next\/dist\/compiled\/next-server\/app-page/],
  ["Next.js request handling", /next\/dist|node_modules\/next\//],
  ["HTTP / sockets / streams", /node:(net|_http|http|internal\/streams|stream|internal\/stream_base)/],
  ["zlib (other)", /node:zlib/],
];
const cat = new Map(); let busy = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const age = (prof.endTime - times[i]) / 1e6;
  if (age > +fromEnd || age < +toEnd) continue;
  const d = prof.timeDeltas[i + 1] ?? 0;
  const leaf = byId.get(prof.samples[i]);
  if (leaf.callFrame.functionName === "(idle)") continue;
  busy += d;
  let chosen = leaf.callFrame.functionName === "(garbage collector)" ? "garbage collector" : null;
  const chain = [];
  for (let x = prof.samples[i]; x != null; x = parent.get(x)) chain.push(label(byId.get(x)));
  if (!chosen) for (const [name, re] of rules) if (chain.some((l) => re.test(l))) { chosen = name; break; }
  chosen ??= "other: " + chain.slice(0, 3).map((l) => l.replace(/\|.*\//, "@")).join(" < ");
  cat.set(chosen, (cat.get(chosen) ?? 0) + d);
}
const n = +requests;
console.log(`busy ${(busy / 1000).toFixed(0)} ms${n ? `, ${(busy / 1000 / n).toFixed(1)} ms per request` : ""}`);
for (const [k, v] of [...cat].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`);
