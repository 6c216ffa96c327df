#!/usr/bin/env node
// A registration rush through the real Server Action, as the registration form's script sends it:
// the Next-Action header and the multipart body of React's encodeReply for (previousState, FormData).
// Every request comes as another client through X-Forwarded-For (start the server with
// TRUSTED_PROXY_HOPS=1), with an address of its own.
//
//   node bench/http/rush-profile.mjs --url http://127.0.0.1:3105 --dist .next-3105 --slug <slug> [-n 400] [-c 50]
//
// Prints the rate, latency percentiles and answers; bench/http/rush-setup.ts makes the event and
// counts the rows afterwards.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3105" },
    dist: { type: "string", default: ".next" },
    slug: { type: "string" },
    n: { type: "string", short: "n", default: "400" },
    c: { type: "string", short: "c", default: "50" },
    tag: { type: "string", default: String(Date.now() % 1e6) },
  },
});
if (!values.slug) throw new Error("--slug is required");
const total = Number(values.n);
const concurrency = Number(values.c);

/** The id of the registration action, from the build's manifest of server references. */
function actionId() {
  const manifest = JSON.parse(readFileSync(join(values.dist, "server", "server-reference-manifest.json"), "utf8"));
  for (const [id, entry] of Object.entries(manifest.node)) {
    const pages = Object.keys(entry.workers ?? {});
    if (entry.exportedName === "register" && pages.some((p) => p.includes("events/[slug]/page"))) return id;
  }
  throw new Error("No register action in the manifest");
}

const id = actionId();
const pageUrl = `${values.url}/events/${values.slug}`;

function body(i) {
  const form = new FormData();
  // As captured from Chromium: encodeReply puts the FormData argument's fields (the form's own hidden
  // fields for the plain post among them) under the prefix "_1_", and the arguments in "0".
  const fields = {
    "$ACTION_REF_1": "",
    "$ACTION_1:0": JSON.stringify({ id, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([{ status: "idle" }]),
    "$ACTION_KEY": "k16974276f1abf2f4c60ae6b8c7963630",
    slug: values.slug,
    idempotencyKey: crypto.randomUUID(),
    name: `Rush Person ${i}`,
    email: `rush-${values.tag}-${i}@example.org`,
    organization: "Bench Mission",
    category: "Government",
    website: "",
    consent: "on",
  };
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return form;
}

const latencies = [];
const answers = {};
let next = 0;
async function worker() {
  for (;;) {
    const i = next++;
    if (i >= total) return;
    const started = performance.now();
    let outcome;
    try {
      const res = await fetch(pageUrl, {
        method: "POST",
        headers: {
          accept: "text/x-component",
          "next-action": id,
          "next-router-state-tree": encodeURIComponent(
            JSON.stringify(["", { children: ["(public)", { children: ["events", { children: [["slug", values.slug, "d", null], { children: ["__PAGE__", {}, null, null, 1024] }, null, null, 1024] }, null, null, 1024] }, null, null, 1024] }, null, null, 1040]),
          ),
          referer: pageUrl,
          "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          origin: values.url,
        },
        body: body(i),
      });
      const text = await res.text();
      outcome = res.status !== 200 ? `http ${res.status}` : text.includes("Check your email") ? "done" : /"status":"(\w+)"/.exec(text)?.[1] ?? "other";
      if (outcome === "other" && !answers.sample) answers.sample = text.slice(0, 400);
    } catch (error) {
      outcome = `error ${error.code ?? error.message}`;
    }
    latencies.push(performance.now() - started);
    answers[outcome] = (answers[outcome] ?? 0) + 1;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]);
console.log(
  JSON.stringify({ requests: total, concurrency, seconds: +seconds.toFixed(2), rate: +(total / seconds).toFixed(1), p50: pct(50), p90: pct(90), p99: pct(99), max: pct(100), answers }),
);
