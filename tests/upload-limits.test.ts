import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { media, people, users } from "@/db/schema";
import { checkDecodeCost, ImageRejected, MAX_UPLOADS_PER_USER, processImage, takeUploadSlot } from "@/lib/images";
import { UPLOAD_MESSAGES } from "@/lib/validations/upload";
import { closeDb, db, resetWithDemo } from "./support/db";
import { type BombOptions, pngBomb } from "./support/png-bomb";
import { actAs } from "./support/session";

// Read once, on first use: a small quota so that the test fills it quickly.
process.env.UPLOAD_QUOTA_MB = "2";

const ROOT = join(__dirname, "..");

/** Processes a generated PNG in a process of its own and reports how far its peak memory rose. */
function decodeInChild(width: number, height: number, options: BombOptions = {}) {
  const out = execFileSync(
    join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/support/decode-peak.ts", JSON.stringify({ width, height, ...options })],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as { outcome: string; inputBytes: number; growthMB: number };
}

const RGBA = { colorType: 6, bitDepth: 8 } as const;

/** Settles once `n` of the promises have. */
function atLeast(n: number, promises: Promise<unknown>[]): Promise<void> {
  let done = 0;
  return new Promise((resolve) => {
    for (const p of promises) void p.finally(() => ++done === n && resolve());
  });
}

describe("decompression bombs", () => {
  it("a 20000 × 20000 PNG of one colour in 50 KB is refused from its header, before any decoding", async () => {
    const bomb = pngBomb(20000, 20000);
    expect(bomb.length).toBeLessThan(100_000);
    await expect(processImage(bomb, "portrait")).rejects.toMatchObject({ status: 400, message: UPLOAD_MESSAGES.tooManyPixels });
  });

  it.each([
    ["10000 × 10000, one bit per pixel (100 megapixels)", 10000, 10000, {}],
    ["6000 × 6000 RGBA, interlaced (decoded whole: 144 MB)", 6000, 6000, { ...RGBA, interlaced: true }],
    ["4000 × 4000 RGBA, 16 bits per sample (128 MB)", 4000, 4000, { colorType: 6, bitDepth: 16 }],
    ["7000 × 7000 grey, one bit per pixel (49 megapixels)", 7000, 7000, {}],
  ] as const)("refuses %s", async (_, width, height, options) => {
    const error = await processImage(pngBomb(width, height, options), "event").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageRejected);
    expect(error).toMatchObject({ status: 400, message: UPLOAD_MESSAGES.tooManyPixels });
  });

  // Each in a process of its own, so that the peak is this image's alone. The worst images still
  // accepted, at the edge of each bound, stay far below "hundreds of megabytes".
  it.each([
    ["the 20000 × 20000 bomb", 20000, 20000, {}, "refused"],
    ["an interlaced 6000 × 6000 RGBA PNG", 6000, 6000, { ...RGBA, interlaced: true }, "refused"],
    ["an interlaced 3500 × 3500 RGBA PNG", 3500, 3500, { ...RGBA, interlaced: true }, "accepted"],
    ["a 6300 × 6300 RGBA PNG", 6300, 6300, RGBA, "accepted"],
    ["a 2400 × 2400 RGBA PNG with 16-bit samples", 2400, 2400, { colorType: 6, bitDepth: 16, interlaced: true }, "accepted"],
  ] as const)("%s takes well under 200 MB", (_, width, height, options, outcome) => {
    const result = decodeInChild(width, height, options);
    expect(result.outcome).toMatch(new RegExp(`^${outcome}`));
    expect(result.growthMB).toBeLessThan(200);
  });

  it.each([
    [{ width: 6000, height: 4000, channels: 3, depth: "uchar", isProgressive: false, format: "jpeg" }, true],
    [{ width: 8000, height: 5000, channels: 3, depth: "uchar", isProgressive: false, format: "jpeg" }, true],
    [{ width: 8000, height: 5001, channels: 3, depth: "uchar", isProgressive: false, format: "jpeg" }, false],
    [{ width: 4000, height: 4000, channels: 3, depth: "uchar", isProgressive: true, format: "jpeg" }, true],
    [{ width: 5000, height: 4000, channels: 3, depth: "uchar", isProgressive: true, format: "jpeg" }, false],
    [{ width: 3000, height: 3000, channels: 4, depth: "uchar", isProgressive: false, format: "webp" }, true],
    [{ width: 4000, height: 4000, channels: 4, depth: "uchar", isProgressive: false, format: "webp" }, false],
    [{ width: 4000, height: 4000, channels: 4, depth: "uchar", isProgressive: false, format: "png", orientation: 6 }, false],
    [{ width: 0, height: 4000, channels: 3, depth: "uchar", isProgressive: false, format: "png" }, false],
  ] as const)("judges %o from the header: accepted %s", (meta, accepted) => {
    const check = () => checkDecodeCost(meta);
    if (accepted) expect(check).not.toThrow();
    else expect(check).toThrow(ImageRejected);
  });
});

describe("uploads per account", () => {
  let panelistId: string;
  let personId: string;

  beforeAll(async () => {
    await resetWithDemo();
    panelistId = (await db.select().from(users).where(eq(users.email, "panelist@example.org")))[0]!.id;
    personId = (await db.select().from(people).where(eq(people.userId, panelistId)))[0]!.id;
  });
  afterAll(closeDb);

  const photo = (seed: number) =>
    sharp({ create: { width: 320, height: 240, channels: 3, background: { r: seed % 256, g: 100, b: 50 } } }).jpeg().toBuffer();

  function upload(body: BodyInit) {
    const init = { method: "POST", body, headers: { "content-type": "image/jpeg" }, duplex: "half" };
    return uploadRoute(new NextRequest(`http://localhost:3000/api/uploads?purpose=portrait`, init as ConstructorParameters<typeof NextRequest>[1]));
  }

  /** A body that sends its bytes only when told to; `reading` settles once the server starts to read it. */
  function heldBody(bytes: Buffer) {
    let release!: () => void;
    let started!: () => void;
    const go = new Promise<void>((resolve) => (release = resolve));
    const reading = new Promise<void>((resolve) => (started = resolve));
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        started();
        await go;
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
    return { body, reading, release };
  }

  it("a slot is given back once, however often it is released", () => {
    const slots = Array.from({ length: MAX_UPLOADS_PER_USER }, () => takeUploadSlot("someone"));
    expect(slots.every(Boolean)).toBe(true);
    expect(takeUploadSlot("someone")).toBeNull();
    expect(takeUploadSlot("someone else")).not.toBeNull();
    slots[0]!();
    slots[0]!();
    const again = takeUploadSlot("someone");
    expect(again).not.toBeNull();
    expect(takeUploadSlot("someone")).toBeNull();
    again!();
    slots[1]!();
  });

  it("refuses a third upload while two are in progress, with a plain 429; the two finish", async () => {
    await actAs("panelist@example.org");
    const held = await Promise.all([1, 2].map(async (n) => heldBody(await photo(n))));
    const running = held.map((h) => upload(h.body));
    await Promise.all(held.map((h) => h.reading));

    const third = await upload(await photo(3));
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("5");
    expect(await third.json()).toEqual({ error: UPLOAD_MESSAGES.busy });

    for (const h of held) h.release();
    expect((await Promise.all(running)).map((r) => r.status)).toEqual([201, 201]);
    expect((await upload(await photo(4))).status).toBe(201);
  });

  it("in a burst of parallel uploads, at most two are taken at once", async () => {
    await actAs("panelist@example.org");
    const held = await Promise.all([5, 6, 7, 8, 9].map(async (n) => heldBody(await photo(n))));
    const running = held.map((h) => upload(h.body));
    // Two are read (and wait for their bodies) while three are answered without being read.
    await Promise.all([atLeast(2, held.map((h) => h.reading)), atLeast(3, running)]);
    for (const h of held) h.release();
    const statuses = (await Promise.all(running)).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 429, 429, 429]);
  });

  it("stops a panelist at the quota with a plain message; staff are not limited", async () => {
    await actAs("panelist@example.org");
    // Photos already stored for the panelist, just under the 2 MB quota.
    await db.delete(media).where(eq(media.uploadedById, panelistId));
    await db.insert(media).values({ storageKey: `${"a".repeat(64)}.jpg`, mimeType: "image/jpeg", width: 10, height: 10, bytes: 2 * 1024 * 1024 - 100, personId, uploadedById: panelistId });
    const over = await upload(await photo(10));
    expect(over.status).toBe(403);
    expect(await over.json()).toEqual({ error: UPLOAD_MESSAGES.quota(2) });

    await db.update(media).set({ bytes: 1024 * 1024 }).where(eq(media.uploadedById, panelistId));
    expect((await upload(await photo(11))).status).toBe(201);

    await actAs("staff@example.org");
    await db.update(media).set({ bytes: 50 * 1024 * 1024 }).where(eq(media.uploadedById, panelistId));
    const staffId = (await db.select().from(users).where(eq(users.email, "staff@example.org")))[0]!.id;
    await db.update(media).set({ uploadedById: staffId }).where(eq(media.uploadedById, panelistId));
    const init = { method: "POST", body: await photo(12), headers: { "content-type": "image/jpeg" }, duplex: "half" };
    const staffUpload = await uploadRoute(
      new NextRequest(`http://localhost:3000/api/uploads?purpose=portrait&personId=${personId}`, init as ConstructorParameters<typeof NextRequest>[1]),
    );
    expect(staffUpload.status).toBe(201);
  });
});
