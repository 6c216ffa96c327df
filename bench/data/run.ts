// The staff views on a large data set, measured: `npm run bench:data` against the database that
// `npm run db:generate-load` filled (DATABASE_URL). Targets (README.md beside this file): the staff
// registrations list, its filters and its search answer in 100 ms at the 95th percentile; the door's
// search in 50 ms; the CSV export of the 100,000-registration event streams with RSS growing 50 MB at most.
//
//   DATABASE_URL=postgres://…/symposia_load npm run bench:data [-- --runs 40] [-- --explain] [-- --buffered]
//
// --explain prints PostgreSQL's plan (EXPLAIN ANALYZE) of each query a case runs, once.
// --buffered also measures the export as it was before it streamed (every row in memory, then the file).
import { performance } from "node:perf_hooks";
import { closeDb, getClient } from "@/db";
import { type RegistrationListFilter, countForStatus, countMatches, doorCounts, encodeCursor, listRegistrationsForExport, listRegistrationsPage, registrationBatches, registrationCounts, searchForCheckIn } from "@/db/queries/registration-lists";
import { csvDocument, csvStream } from "@/lib/csv";
import { exportColumns, rowsOf } from "@/app/(staff)/admin/events/[id]/registrations/export.csv/columns";

const LIST_TARGET_MS = 100;
const DOOR_TARGET_MS = 50;
const EXPORT_TARGET_MB = 50;
const PAGE_SIZE = 50;
const COUNT_CAP = 1000;

type Options = { runs: number; explain: boolean; buffered: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 40, explain: false, buffered: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--explain") options.explain = true;
    else if (arg === "--buffered") options.buffered = true;
    else if (arg === "--runs") options.runs = Number(argv[++i]);
    else throw new Error(`Unknown option ${arg}. Options: --runs <n>, --explain, --buffered.`);
  }
  if (!(Number.isInteger(options.runs) && options.runs >= 5)) throw new Error("--runs takes a whole number of at least 5.");
  return options;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

type Result = { name: string; p50: number; p95: number; max: number; target: number };
const results: Result[] = [];

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const client = getClient();
  if (client.driver !== "postgres") throw new Error("Set DATABASE_URL to the database `npm run db:generate-load` filled.");
  const sql = client.sql;

  // Every statement the app's queries send, kept while --explain wants them.
  const recorded: { query: string; params: unknown[] }[] = [];
  let recording = false;
  const unsafe = sql.unsafe.bind(sql);
  (sql as unknown as { unsafe: typeof sql.unsafe }).unsafe = ((query: string, params?: unknown[], queryOptions?: unknown) => {
    if (recording) recorded.push({ query, params: params ?? [] });
    return unsafe(query, params as never, queryOptions as never);
  }) as typeof sql.unsafe;

  const [big] = await sql<{ id: string; n: number }[]>`
    select e.id, (select count(*)::int from registrations r where r.event_id = e.id) as n from events e where e.slug = 'load-event-1'`;
  if (!big) throw new Error("No generated event here: run `npm run db:generate-load` first.");
  const [medium] = await sql<{ id: string; n: number }[]>`
    select e.id, count(*)::int as n from events e join registrations r on r.event_id = e.id
    where e.slug like 'load-event-%' and e.slug <> 'load-event-1' and e.capacity is not null
    group by e.id order by count(*) desc limit 1`;
  console.log(`The large event holds ${big.n.toLocaleString("en-US")} registrations; ${options.runs} runs a case, after 3 to warm up.\n`);

  // Real words from the data, so that each search finds what staff would find.
  const [sample] = await sql<{ name: string; email: string; code: string; organization: string }[]>`
    select name, email, check_in_code as code, organization from registrations
    where event_id = ${big.id} and status = 'confirmed' and organization is not null order by id limit 1 offset 4321`;
  const [given, family] = [sample!.name.split(" ")[0]!, sample!.name.split(" ").slice(1).join(" ")];
  const searches = [
    family.toLowerCase(), // a family name, whole
    given.slice(0, 3).toLowerCase(), // the first letters of a given name
    `${given} ${family.slice(0, 3)}`, // a name being typed
    sample!.email, // a whole address
    sample!.email.split("@")[0]!, // the part before the @
    `${sample!.code.slice(0, 4)}-${sample!.code.slice(4)}`, // a code as printed
    sample!.organization.split(" ").slice(-1)[0]!, // a word of the organization
  ];

  // A cursor 50,000 rows into each order: what "Next page" a thousand times over would hold.
  const deepKey = async (orderBy: string, columns: string) =>
    (await sql.unsafe<{ key: string[] }[]>(`select array[${columns}] as key from registrations where event_id = $1 order by ${orderBy} limit 1 offset 50000`, [big.id]))[0]!.key;
  const deepCreated = encodeCursor({ sort: "created_desc", key: await deepKey("created_at desc, id desc", "created_at::text, id::text") });
  const deepName = encodeCursor({ sort: "name_asc", key: await deepKey("lower(name), id", "lower(name), id::text") });
  const deepStatus = encodeCursor({
    sort: "status",
    key: await deepKey("status, coalesce(waitlisted_at, 'infinity'), created_at, id", "status::text, coalesce(waitlisted_at, 'infinity')::text, created_at::text, id::text"),
  });

  const measure = async (name: string, target: number, run: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await run(i);
    if (options.explain) {
      recorded.length = 0;
      recording = true;
      await run(0);
      recording = false;
      for (const { query, params } of recorded) {
        const plan = await unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, costs off, timing off) ${query}`, params as never);
        console.log(`\n-- ${name}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
      console.log();
    }
    const times: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const t = performance.now();
      await run(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const result = { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, target };
    results.push(result);
    console.log(`${result.p95 <= target ? "PASS" : "FAIL"}  ${name.padEnd(58)} p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms  (target ${target} ms)`);
  };

  /** What the registrations page asks for its list: the counts, the page, and a search's count. */
  const staffList = (eventId: string, filter: RegistrationListFilter & { after?: string; before?: string }) =>
    Promise.all([
      registrationCounts(eventId),
      listRegistrationsPage(eventId, { ...filter, pageSize: PAGE_SIZE }),
      filter.q ? countMatches(eventId, filter, COUNT_CAP) : undefined,
    ]).then(([counts, page, matched]) => ({ page, total: matched ?? countForStatus(counts, filter.status) }));

  console.log("Staff registrations list (counts + one page of 50), the large event:");
  await measure("first page, newest first", LIST_TARGET_MS, () => staffList(big.id, { sort: "created_desc" }));
  await measure("page 1,001 (50,000 rows in), newest first", LIST_TARGET_MS, () => staffList(big.id, { sort: "created_desc", after: deepCreated }));
  await measure("the page before that, newest first", LIST_TARGET_MS, () => staffList(big.id, { sort: "created_desc", before: deepCreated }));
  await measure("page 1,001, by name", LIST_TARGET_MS, () => staffList(big.id, { sort: "name_asc", after: deepName }));
  await measure("page 1,001, by status", LIST_TARGET_MS, () => staffList(big.id, { sort: "status", after: deepStatus }));
  for (const sort of ["created_asc", "name_asc", "name_desc", "status"] as const) {
    await measure(`first page, order ${sort}`, LIST_TARGET_MS, () => staffList(big.id, { sort }));
  }
  for (const status of ["confirmed", "waitlisted", "cancelled", "checked_in"] as const) {
    await measure(`filter ${status}`, LIST_TARGET_MS, () => staffList(big.id, { sort: "created_desc", status }));
    await measure(`filter ${status}, by name`, LIST_TARGET_MS, () => staffList(big.id, { sort: "name_asc", status }));
  }
  await measure("search (7 kinds of query, in turn)", LIST_TARGET_MS, (i) => staffList(big.id, { sort: "created_desc", q: searches[i % searches.length] }));
  for (const q of searches) await measure(`search "${q}"`, LIST_TARGET_MS, () => staffList(big.id, { sort: "created_desc", q }));
  await measure("search + filter confirmed, by name", LIST_TARGET_MS, (i) => staffList(big.id, { sort: "name_asc", status: "confirmed", q: searches[i % searches.length] }));
  if (medium) {
    await measure(`first page, by status, an event of ${medium.n.toLocaleString("en-US")} with a waitlist`, LIST_TARGET_MS, () => staffList(medium.id, { sort: "status" }));
  }

  console.log("\nCheck-in search (the first 60 people with a seat who match), the large event:");
  const door = (q: string) => searchForCheckIn(big.id, q);
  await measure("the door, nothing typed", DOOR_TARGET_MS, () => door(""));
  await measure("the door, as staff type (7 kinds of query, in turn)", DOOR_TARGET_MS, (i) => door(searches[i % searches.length]!));
  for (const q of searches) await measure(`the door, "${q}"`, DOOR_TARGET_MS, () => door(q));
  await measure("the door's counts (on opening, then every 10 s)", DOOR_TARGET_MS, () => doorCounts(big.id));

  console.log("\nCSV export, the large event:");
  const { header, cells } = exportColumns("America/New_York");
  const stream = (eventId: string) => csvStream(header, rowsOf(registrationBatches(eventId, { sort: "created_desc" }), cells)).getReader();
  // A first, smaller export warms what any export loads once (compiled code, connection buffers), so
  // that the figure is what the file's size costs.
  if (medium) for (const reader = stream(medium.id); !(await reader.read()).done; );
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  let chunks = 0;
  const along: string[] = [];
  const started = performance.now();
  const reader = stream(big.id);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
    if (++chunks % 20 === 0) along.push(`${((peak - before) / 2 ** 20).toFixed(0)}`);
  }
  const growth = (peak - before) / 2 ** 20;
  console.log(
    `${growth <= EXPORT_TARGET_MB ? "PASS" : "FAIL"}  streamed ${(bytes / 2 ** 20).toFixed(1)} MB of CSV (${(chunks - 1).toLocaleString("en-US")} batches) in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `RSS grew ${growth.toFixed(1)} MB at most (target ${EXPORT_TARGET_MB} MB); after every 20 batches: ${along.join(", ")} MB`,
  );
  if (options.buffered) {
    global.gc?.();
    const base = process.memoryUsage().rss;
    const t = performance.now();
    const rows = await listRegistrationsForExport(big.id, { sort: "created_desc" });
    const file = csvDocument(header, rows.map(cells));
    const grew = (process.memoryUsage().rss - base) / 2 ** 20;
    console.log(`      for comparison, the whole file in memory (${file.length.toLocaleString("en-US")} characters): RSS grew ${grew.toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const failed = results.filter((r) => r.p95 > r.target).length + (growth > EXPORT_TARGET_MB ? 1 : 0);
  console.log(`\n${failed === 0 ? "All targets met." : `${failed} target(s) missed.`}`);
  if (failed > 0) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
