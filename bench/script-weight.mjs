#!/usr/bin/env node
// What a page costs in script: every <script src> in its HTML, each fetched and gzipped, summed.
// Reads a running server (`npm run build && npm start`, or the e2e server):
//
//   node bench/script-weight.mjs [--base http://localhost:3000] [--modules] /events/some-slug /privacy ...
//
// With several pages, the first is the yardstick (a page with no client components of its own): the
// others are also given as what they ship beyond it, by size and by scripts the yardstick does not load.
// --modules lists, for each script beyond the yardstick, the source modules its chunk names (production
// chunks keep the package paths of node_modules in their module ids or comments only sometimes, so this
// is a hint, not an inventory).
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
let base = process.env.BASE_URL ?? `http://localhost:${process.env.E2E_PORT ?? 3000}`;
let showModules = false;
const paths = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--base") base = args[++i];
  else if (args[i] === "--modules") showModules = true;
  else paths.push(args[i]);
}
if (paths.length === 0) {
  console.error("Give the pages to weigh, the yardstick first: node bench/script-weight.mjs /privacy /events/x");
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The script addresses of a page's HTML, in order, once each. */
function scriptSources(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const src = m[1].replace(/&amp;/g, "&");
    if (!out.includes(src)) out.push(src);
  }
  return out;
}

const cache = new Map();
async function weigh(src) {
  if (!cache.has(src)) {
    cache.set(
      src,
      (async () => {
        const res = await fetch(new URL(src, base), { headers: { "accept-encoding": "identity" } });
        if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        return { src, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, text: body.toString("utf8") };
      })(),
    );
  }
  return cache.get(src);
}

/** Package names (node_modules/…) and project paths that a chunk's text mentions. */
function modulesIn(text) {
  const found = new Set();
  for (const m of text.matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/g)) found.add(m[1]);
  for (const m of text.matchAll(/\[project\]\/([\w./()[\]@-]+?\.[jt]sx?)/g)) found.add(m[1]);
  return [...found].sort();
}

async function page(path) {
  const res = await fetch(new URL(path, base));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  const html = await res.text();
  const scripts = await Promise.all(scriptSources(html).map(weigh));
  return { path, scripts, gzip: scripts.reduce((s, x) => s + x.gzip, 0), raw: scripts.reduce((s, x) => s + x.raw, 0) };
}

const pages = [];
for (const path of paths) pages.push(await page(path));
const [yardstick] = pages;
const known = new Set(yardstick.scripts.map((s) => s.src));

for (const p of pages) {
  console.log(`\n${p.path}: ${p.scripts.length} scripts, ${kb(p.gzip)} gzipped (${kb(p.raw)} raw)`);
  for (const s of p.scripts) {
    const mark = p === yardstick || known.has(s.src) ? " " : "+";
    console.log(`  ${mark} ${kb(s.gzip).padStart(9)}  ${s.src}`);
    if (showModules && mark === "+") for (const m of modulesIn(s.text)) console.log(`               ${m}`);
  }
  if (p !== yardstick) {
    const extra = p.scripts.filter((s) => !known.has(s.src)).reduce((sum, s) => sum + s.gzip, 0);
    console.log(`  beyond ${yardstick.path}: ${kb(p.gzip - yardstick.gzip)} gzipped in total, ${kb(extra)} in scripts it does not load`);
  }
}
