import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { actionResult, checkRush, clientAddress, registrant, registrationFormFields, registrationPost } from "../../bench/http/lib.mjs";
import { benchDatabaseStep } from "../../bench/http/processes.mjs";
import { unpublishFourthSummary, openFourthSummary } from "../demo-summary";
import { DEMO, expect, signInWithPassword, test, waitForHydration } from "../fixtures";
import { type ClusterState, ensureRunning, type Instance, isAlive, killInstance, mailbox, readState, type Received } from "./cluster";

// Two production instances behind nginx, sharing PostgreSQL, Redis, s3rver and an SMTP server
// (global-setup.ts). What one instance does, the other must see; a rush through the proxy loses
// nothing; an instance killed under load loses nothing it answered for.

const SUMMARY_EVENT = "wps-innovation-4-from-the-united-nations";
const RUSH = { people: 500, seats: 100, concurrency: 50 };
/** A rush and the outbox after it: one to two minutes on two shared cores, more when other work shares them. */
const RUSH_TIMEOUT_MS = 360_000;

test.beforeEach(async () => {
  // A test that stopped an instance and failed before starting it again leaves it to the next one.
  const state = readState();
  await ensureRunning(state, "a");
  await ensureRunning(state, "b");
});

/** An address on 127.0.0.1 (the rush's requests come from the test, not a browser). */
const direct = (port: number) => `http://127.0.0.1:${port}`;

function database(state: ClusterState) {
  return { cwd: state.root, env: { ...process.env, DATABASE_URL: state.databaseUrl } };
}

async function addEvent(state: ClusterState, label: string, capacity: number): Promise<{ slug: string; title: string }> {
  const slug = `scale-out-${label}-${Date.now().toString(36)}`;
  const title = `Scale-out ${label} ${Date.now().toString(36)}`;
  await benchDatabaseStep("event", { slug, capacity, title }, database(state));
  return { slug, title };
}

type Answer = { i: number; email: string; status: number; result?: string; message?: string; upstream: string; error?: string };

/**
 * Registers `people` people for `slug` through `origin`, `concurrency` at a time, each as the form's
 * script sends it and each from an address of its own (X-Forwarded-For, which the proxy extends).
 * `onAnswer` hears of each answer as it comes.
 */
async function rush(
  state: ClusterState,
  { origin, slug, people, concurrency, domain, firstAddress, onAnswer }: { origin: string; slug: string; people: number; concurrency: number; domain: string; firstAddress: number; onAnswer?: (answered: number) => void },
): Promise<Answer[]> {
  const page = await fetch(`${origin}/events/${slug}`);
  expect(page.status, `the event page at ${origin}`).toBe(200);
  const fields = registrationFormFields(await page.text(), state.actionId);
  const answers: Answer[] = [];
  let next = 0;
  const send = async (): Promise<void> => {
    for (let i = next++; i < people; i = next++) {
      const typed = registrant(i, { prefix: "person-", domain, name: "Scale Person", idempotencyKey: randomUUID() });
      const post = registrationPost({ origin, slug, actionId: state.actionId, fields, typed, boundary: `----SymposiaScaleOut${i}` });
      const email = typed.email!;
      try {
        const res = await fetch(origin + post.path, {
          method: "POST",
          headers: { ...post.headers, "x-forwarded-for": clientAddress(firstAddress + i) },
          body: post.body,
          signal: AbortSignal.timeout(90_000),
        });
        const text = await res.text();
        const result = (res.status === 200 ? actionResult(text) : undefined) as { status?: string; message?: string } | undefined;
        answers.push({ i, email, status: res.status, result: result?.status, message: result?.message ?? text.slice(0, 120), upstream: res.headers.get("x-upstream") ?? "" });
      } catch (error) {
        answers.push({ i, email, status: 0, upstream: "", error: error instanceof Error ? error.message : String(error) });
      }
      onAnswer?.(answers.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, send));
  return answers;
}

const isDone = (a: Answer) => a.status === 200 && a.result === "done";
const describe = (answers: Answer[]) => answers.slice(0, 5).map((a) => `#${a.i} ${a.status} ${a.result ?? ""} ${a.error ?? a.message ?? ""}`.trim());

/** Waits until the SMTP server has received nothing new for `quietMs`, or `timeoutMs` passed. */
async function mailSettled(state: ClusterState, { quietMs, timeoutMs, until }: { quietMs: number; timeoutMs: number; until?: (mail: Map<string, Received[]>) => boolean }) {
  const started = Date.now();
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    const mail = mailbox(state);
    const count = [...mail.values()].reduce((n, received) => n + received.length, 0);
    if (count !== last) {
      last = count;
      quietSince = Date.now();
    }
    const ready = until ? until(mail) : true;
    if (ready && Date.now() - quietSince >= quietMs) return mail;
    if (Date.now() - started > timeoutMs) return mail;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const ofDomain = (mail: Map<string, Received[]>, domain: string) => new Map([...mail].filter(([to]) => to.endsWith(`@${domain}`)));

test("a rush of 500 registrations for 100 seats through the proxy: 100 confirmed, 400 waitlisted, one email each, nothing lost", async () => {
  test.setTimeout(RUSH_TIMEOUT_MS);
  const state = readState();
  const { slug, title } = await addEvent(state, "rush", RUSH.seats);
  const domain = "rush.scale-out.example";
  const started = Date.now();
  const answers = await rush(state, { origin: state.proxyUrl.replace("localhost", "127.0.0.1"), slug, ...RUSH, domain, firstAddress: 0 });
  console.log(`[scale-out] rush: ${answers.length} answers in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  expect(answers).toHaveLength(RUSH.people);
  const notDone = answers.filter((a) => !isDone(a));
  expect(notDone.length, `answers other than "done": ${describe(notDone).join(" | ")}`).toBe(0);
  // Round robin: both instances took their share.
  const upstreams = new Set(answers.map((a) => a.upstream));
  expect([...upstreams].sort()).toEqual([`127.0.0.1:${state.instances.a.port}`, `127.0.0.1:${state.instances.b.port}`].sort());

  const found = await benchDatabaseStep("verify", { rushSlug: slug, emailDomain: domain }, database(state));
  const check = checkRush({ done: answers.filter(isDone).map((a) => a.email), total: RUSH.people }, found, { domain, everyAnswer: true });
  expect(check.problems).toEqual([]);
  expect({ confirmed: check.confirmed, waitlisted: check.waitlisted }).toEqual({ confirmed: 100, waitlisted: 400 });

  // The outbox drains through both instances' senders: one message each, of the right kind.
  const mail = ofDomain(await mailSettled(state, { quietMs: 3_000, timeoutMs: 90_000, until: (m) => ofDomain(m, domain).size >= RUSH.people }), domain);
  console.log(`[scale-out] rush: ${mail.size} people emailed ${((Date.now() - started) / 1000).toFixed(1)} s after the rush began`);
  const status = new Map(found.registrations.map((r: { email: string; status: string }) => [r.email, r.status]));
  const wrong = answers.flatMap((a) => {
    const received = mail.get(a.email) ?? [];
    const expected = status.get(a.email) === "confirmed" ? `Registration confirmed: ${title}` : `You are on the waitlist: ${title}`;
    return received.length === 1 && received[0]!.subject === expected ? [] : [`${a.email}: ${JSON.stringify(received.map((m) => m.subject))}`];
  });
  expect(wrong.length, `people without exactly their one email: ${wrong.slice(0, 5).join(" | ")}`).toBe(0);
});

test("a summary published through instance A is served by B on its next request; unpublished, B answers 404", async ({ browser }) => {
  const state = readState();
  const fromB = (path: string) => fetch(direct(state.instances.b.port) + path);
  const summary = `/events/${SUMMARY_EVENT}/summary`;
  // B serves the demo's published summary, and keeps it in its page cache.
  for (let i = 0; i < 2; i++) expect((await fromB(summary)).status).toBe(200);

  const staff = await browser.newContext({ baseURL: state.instances.a.url });
  try {
    const page = await staff.newPage();
    await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
    await unpublishFourthSummary(page);
    expect((await fromB(summary)).status).toBe(404);

    const title = `From the United Nations, seen from two servers ${Date.now().toString(36)}`;
    await page.reload();
    await waitForHydration(page.getByRole("button", { name: "Publish summary" }));
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Save summary" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await page.getByRole("region", { name: "Publishing" }).getByRole("button", { name: "Publish summary" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

    const published = await fromB(summary);
    expect(published.status).toBe(200);
    expect(await published.text()).toContain(title);
  } finally {
    await staff.close();
  }
});

test("a photo uploaded through instance A is served by B", async ({ browser }) => {
  const state = readState();
  const staff = await browser.newContext({ baseURL: state.instances.a.url });
  try {
    const page = await staff.newPage();
    await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
    await openFourthSummary(page);
    const photos = page.getByRole("region", { name: "Photos" });
    const sources = () => photos.getByRole("listitem").locator("img").evaluateAll((images) => images.map((i) => i.getAttribute("src") ?? ""));
    const before = await sources();

    // A colour of this run's own, so that the photo's content (and so its address) is new.
    const colour = { r: Math.floor(Math.random() * 256), g: Math.floor(Math.random() * 256), b: Math.floor(Math.random() * 256) };
    const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: colour } }).jpeg().toBuffer();
    await page.getByLabel("Add photos").setInputFiles({ name: "two-servers.jpg", mimeType: "image/jpeg", buffer: jpeg });
    let added = "";
    await expect
      .poll(async () => (added = (await sources()).find((src) => !before.includes(src)) ?? ""), { message: "the uploaded photo in the list", timeout: 30_000 })
      .not.toBe("");
    const item = photos.getByRole("listitem").filter({ has: page.locator(`img[src="${added}"]`) });
    const description = `A test card uploaded to instance A ${Date.now().toString(36)}`;
    const details = item.getByRole("form", { name: /^Details of / });
    await waitForHydration(details.getByRole("button", { name: "Save photo details" }));
    await details.getByLabel(/^Description of photo \d+ \(alt text\)$/).fill(description);
    await details.getByRole("button", { name: "Save photo details" }).click();
    await expect(details.getByRole("status").filter({ hasText: "Photo details saved." })).toBeVisible();

    const src = await photos.getByRole("img", { name: description }).getAttribute("src");
    expect(src).toMatch(/^\/media\/[^/]+$/);
    // The same bytes from either instance, each asked directly (the staff session's cookie is the site's).
    const fromA = await staff.request.get(state.instances.a.url + src);
    const fromB = await staff.request.get(state.instances.b.url + src);
    expect(fromA.status()).toBe(200);
    expect(fromB.status(), `instance B serving ${src}`).toBe(200);
    expect(fromB.headers()["content-type"]).toMatch(/^image\//);
    expect(Buffer.compare(await fromB.body(), await fromA.body())).toBe(0);

    // Staff take it down again, so the demo's summary keeps its photos.
    page.on("dialog", (dialog) => void dialog.accept());
    await item.getByRole("button", { name: /^Remove / }).click();
    await expect(photos.getByRole("img", { name: description })).toHaveCount(0);
  } finally {
    await staff.close();
  }
});

test("the registration rate limit for one client holds across both instances", async () => {
  const state = readState();
  const { slug } = await addEvent(state, "limit", 1000);
  // The limit counts in fixed ten-minute windows: start well inside one.
  const windowMs = 10 * 60_000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 30_000) await new Promise((r) => setTimeout(r, left + 1_000));

  const limit = state.registrationLimit;
  // One client, an address of this attempt's own, whichever instance it reaches.
  const client = `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
  const domain = `limit-${Date.now().toString(36)}.scale-out.example`;
  const send = async (instance: Instance | "proxy", i: number) => {
    const origin = instance === "proxy" ? state.proxyUrl.replace("localhost", "127.0.0.1") : direct(instance.port);
    const fields = registrationFormFields(await (await fetch(`${origin}/events/${slug}`)).text(), state.actionId);
    const typed = registrant(i, { prefix: "limited-", domain, idempotencyKey: randomUUID() });
    const post = registrationPost({ origin, slug, actionId: state.actionId, fields, typed, boundary: `----SymposiaLimit${i}` });
    const res = await fetch(origin + post.path, { method: "POST", headers: { ...post.headers, "x-forwarded-for": client }, body: post.body });
    expect(res.status).toBe(200);
    return actionResult(await res.text()) as { status: string; message?: string };
  };

  const { a, b } = state.instances;
  const outcomes: string[] = [];
  // Alternately to A and B: each sees only half the attempts, fewer than the limit.
  for (let i = 0; i < limit + 2; i++) outcomes.push((await send(i % 2 === 0 ? a : b, i)).status);
  // And through nginx, which appends its own client (the test) to the client's address.
  const viaProxy = await send("proxy", limit + 2);
  outcomes.push(viaProxy.status);

  expect(outcomes).toEqual([...Array<string>(limit).fill("done"), "failed", "failed", "failed"]);
  expect(viaProxy.message).toMatch(/Too many registrations from here/);
});

test("instance B killed in the middle of a rush: every registration answered as done is there, nothing is booked twice", async () => {
  test.setTimeout(RUSH_TIMEOUT_MS);
  const state = readState();
  const { slug } = await addEvent(state, "kill", RUSH.seats);
  const domain = "kill.scale-out.example";
  let answeredAtKill = 0;
  let killed: Promise<void> | undefined;
  try {
    const started = Date.now();
    const answers = await rush(state, {
      origin: state.proxyUrl.replace("localhost", "127.0.0.1"),
      slug,
      ...RUSH,
      domain,
      firstAddress: 10_000,
      onAnswer(answered) {
        if (!killed && answered >= RUSH.people / 2) {
          answeredAtKill = answered;
          killed = killInstance(state, "b");
        }
      },
    });
    await killed;
    console.log(`[scale-out] rush with B killed after ${answeredAtKill} answers: ${answers.length} answers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(answeredAtKill, "B was killed while the rush ran").toBeGreaterThan(0);
    expect(isAlive(state.instances.b.pid)).toBe(false);

    expect(answers).toHaveLength(RUSH.people);
    const done = answers.filter(isDone);
    // Only what B held when it died can fail (nginx answers 502 for a POST it already sent there and
    // does not send it again); everything after went to A.
    const failed = answers.filter((a) => !isDone(a));
    expect(failed.length, `failed answers: ${describe(failed).join(" | ")}`).toBeLessThanOrEqual(RUSH.concurrency);
    expect(failed.every((a) => a.status === 502), `failed answers other than 502: ${describe(failed.filter((a) => a.status !== 502)).join(" | ")}`).toBe(true);
    // Past those in flight at the kill, the registrations are served by A. A request nginx had already
    // written to B as it died (on a kept-alive connection, say) can still come back later as a 502: the
    // bound on failures above counts it.
    const after = answers.slice(answeredAtKill + RUSH.concurrency);
    const servedAfter = after.filter(isDone);
    expect(servedAfter.length).toBeGreaterThan(0);
    expect(
      servedAfter.every((a) => a.upstream.endsWith(`127.0.0.1:${state.instances.a.port}`)),
      `served by another instance than A after the kill: ${describe(servedAfter.filter((a) => !a.upstream.endsWith(`127.0.0.1:${state.instances.a.port}`))).join(" | ")}`,
    ).toBe(true);

    const found = await benchDatabaseStep("verify", { rushSlug: slug, emailDomain: domain }, database(state));
    const check = checkRush({ done: done.map((a) => a.email), total: RUSH.people }, found, { domain, everyAnswer: false });
    expect(check.problems).toEqual([]);
    expect(check.confirmed).toBe(RUSH.seats);

    // B comes back, as a machine does after a crash, and sends with A.
    await ensureRunning(readState(), "b");
    // Everyone is emailed: the messages B had not started go out at once, and the one B was sending
    // when it died once its lease (OUTBOX_LEASE_SECONDS) runs out. Only that one may arrive twice (B
    // may have handed it over before dying), as copies of one message: the same Message-ID.
    await expect
      .poll(
        async () => {
          const now = await benchDatabaseStep("verify", { rushSlug: slug, emailDomain: domain }, database(state));
          return now.emails.filter((m: { status: string }) => m.status !== "sent").length;
        },
        { message: "every message of the rush sent", timeout: 150_000 + state.outboxLeaseSeconds * 1000, intervals: [2_000] },
      )
      .toBe(0);
    const mail = ofDomain(await mailSettled(state, { quietMs: 1_000, timeoutMs: 10_000 }), domain);
    const rows: string[] = found.registrations.map((r: { email: string }) => r.email);
    console.log(`[scale-out] rush with B killed: ${mail.size} of ${rows.length} people emailed ${((Date.now() - started) / 1000).toFixed(1)} s after the rush began`);
    expect(rows.filter((to) => !mail.has(to)), "registrations without an email").toEqual([]);
    expect([...mail.keys()].filter((to) => !rows.includes(to)), "emails without a registration").toEqual([]);
    const mixed = [...mail].filter(([, received]) => new Set(received.map((m) => m.messageId)).size !== 1);
    expect(mixed.map(([to, received]) => `${to}: ${received.map((m) => m.subject).join(", ")}`), "people sent two different messages").toEqual([]);
    const copies = [...mail].filter(([, received]) => received.length > 1);
    expect(copies.length, `messages delivered twice: ${copies.map(([to]) => to).join(", ")}`).toBeLessThanOrEqual(1);
  } finally {
    await killed?.catch(() => {});
    await ensureRunning(readState(), "b");
  }
});
