import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { GET as mediaRoute } from "@/app/media/[key]/route";
import { getPublishedSummary } from "@/db/queries/published-summaries";
import { events, media } from "@/db/schema";
import { LocalDiskStorage, localDiskStorage, S3Storage, storage } from "@/lib/storage";
import { moveToBucket } from "@/lib/storage-move";
import { closeDb, db, resetWithDemo } from "./support/db";
import { type RunningS3rver, startS3rver } from "./support/s3rver";
import { actAs } from "./support/session";

const ROOT = join(__dirname, "..");
const key = (c: string, ext = "jpg") => `${c.repeat(64)}.${ext}`;
const bytesOf = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer());
const someBytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251);

let s3: RunningS3rver;
let bucket: S3Storage;

beforeAll(async () => {
  s3 = await startS3rver(["photos", "app-photos", "moved-photos"]);
  bucket = new S3Storage(s3.settings("photos"));
  // Read once, on first use: the app's own store (storage()) is the bucket "app-photos" on this server.
  Object.assign(process.env, s3.env("app-photos"));
});

afterAll(async () => {
  await bucket?.close();
  await closeDb();
  await s3?.close();
});

describe("S3Storage against a real S3 server", () => {
  it("stores bytes and gives them back with their size, type and a long cache lifetime", async () => {
    const bytes = someBytes(300_000);
    await bucket.put(key("1"), bytes, "image/jpeg");
    expect(await bucket.exists(key("1"))).toBe(true);
    const file = await bucket.get(key("1"));
    expect(file!.size).toBe(bytes.length);
    expect(await bytesOf(file!.body)).toEqual(bytes);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: "photos", Key: key("1") }));
    expect(head).toMatchObject({ ContentType: "image/jpeg", CacheControl: "public, max-age=31536000, immutable", ContentLength: bytes.length });
  });

  it("answers null and false for an object that is not there", async () => {
    expect(await bucket.get(key("2"))).toBeNull();
    expect(await bucket.exists(key("2"))).toBe(false);
    expect(await bucket.size(key("2"))).toBeNull();
  });

  it("deletes an object, and deleting it again is not an error", async () => {
    await bucket.put(key("3", "png"), someBytes(10), "image/png");
    expect(await bucket.exists(key("3", "png"))).toBe(true);
    await bucket.delete(key("3", "png"));
    expect(await bucket.exists(key("3", "png"))).toBe(false);
    expect(await bucket.get(key("3", "png"))).toBeNull();
    await expect(bucket.delete(key("3", "png"))).resolves.toBeUndefined();
  });

  it("does not write a key that is already there: its bytes never change", async () => {
    await bucket.put(key("4", "webp"), someBytes(50), "image/webp");
    await bucket.put(key("4", "webp"), someBytes(50), "image/png");
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: "photos", Key: key("4", "webp") }));
    expect(head.ContentType).toBe("image/webp");
  });

  it("refuses anything that is not a key, without asking the server", async () => {
    for (const bad of ["../secret.jpg", `${"a".repeat(64)}.svg`, `${"A".repeat(64)}.jpg`, `x/${key("5")}`, ""]) {
      await expect(bucket.put(bad, someBytes(4), "image/jpeg")).rejects.toThrow(/Not a storage key/);
      await expect(bucket.delete(bad)).rejects.toThrow(/Not a storage key/);
      expect(await bucket.get(bad)).toBeNull();
      expect(await bucket.exists(bad)).toBe(false);
    }
  });

  it("reports a missing bucket as an error, not as a missing photo", async () => {
    const nowhere = new S3Storage(s3.settings("no-such-bucket"));
    try {
      await expect(nowhere.get(key("1"))).rejects.toThrow(/bucket/i);
      await expect(nowhere.put(key("1"), someBytes(4), "image/jpeg")).rejects.toThrow(/bucket/i);
    } finally {
      await nowhere.close();
    }
  });
});

describe("the app with S3_BUCKET set", () => {
  const get = (k: string, headers: Record<string, string> = {}) =>
    mediaRoute(new NextRequest(`http://localhost:3000/media/${k}`, { headers }), { params: Promise.resolve({ key: k }) });

  beforeAll(async () => {
    expect(storage()).toBeInstanceOf(S3Storage);
    // The demo seed stores its logo and summary photos through storage(): into the bucket.
    await resetWithDemo(new Date("2026-11-28T12:00:00Z"));
  });

  it("keeps the demo's photos in the bucket and none in the local folder", async () => {
    const [event] = await db.select().from(events).where(eq(events.slug, "wps-innovation-4-from-the-united-nations"));
    const { photos } = (await getPublishedSummary(event!.id))!;
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) {
      const object = await s3.client.send(new GetObjectCommand({ Bucket: "app-photos", Key: photo.storageKey }));
      expect(object.ContentType).toBe("image/jpeg");
    }
    const local: string[] = [];
    for await (const k of localDiskStorage().keys()) local.push(k);
    expect(local).toEqual([]);
  });

  it("serves a public photo from the bucket with the same headers as from the disk", async () => {
    const [photo] = await db.select().from(media).where(eq(media.caption, "The opening speech (illustration)"));
    const k = photo!.storageKey;
    await actAs(null);
    const served = await get(k);
    expect(served.status).toBe(200);
    expect(Object.fromEntries(served.headers)).toMatchObject({
      "content-type": "image/jpeg",
      "content-length": String(photo!.bytes),
      "cache-control": "public, max-age=300, must-revalidate",
      etag: `"${k}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    const body = Buffer.from(await served.arrayBuffer());
    const object = await s3.client.send(new GetObjectCommand({ Bucket: "app-photos", Key: k }));
    expect(body.equals(Buffer.from(await object.Body!.transformToByteArray()))).toBe(true);
    expect((await get(k, { "if-none-match": `"${k}"` })).status).toBe(304);
  });

  it("uploads a panelist's photo into the bucket and shows it only to those allowed", async () => {
    await actAs("panelist@example.org");
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a6" } }).jpeg().toBuffer();
    const init = { method: "POST", body: jpeg, headers: { "content-type": "image/jpeg" }, duplex: "half" };
    const uploaded = await uploadRoute(new NextRequest("http://localhost:3000/api/uploads?purpose=portrait", init as ConstructorParameters<typeof NextRequest>[1]));
    expect(uploaded.status).toBe(201);
    const { url } = (await uploaded.json()) as { url: string };
    const k = url.split("/").at(-1)!;
    expect((await s3.client.send(new HeadObjectCommand({ Bucket: "app-photos", Key: k }))).ContentLength).toBeGreaterThan(0);

    const own = await get(k);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(own.headers.get("etag")).toBeNull();
    expect((await sharp(Buffer.from(await own.arrayBuffer())).metadata()).width).toBe(64);

    await actAs("staff@example.org");
    expect((await get(k)).status).toBe(200);
    await actAs(null);
    const anonymous = await get(k);
    expect(anonymous.status).toBe(404);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 when a photo's object is missing from the bucket", async () => {
    const [logo] = await db.select().from(media).where(eq(media.caption, "The panel discussion (illustration)"));
    await storage().delete(logo!.storageKey);
    await actAs(null);
    const served = await get(logo!.storageKey);
    expect(served.status).toBe(404);
    expect(served.headers.get("cache-control")).toBe("no-store");
  });
});

describe("moving local photos into the bucket", () => {
  async function localFolder(files: Record<string, Uint8Array>) {
    const local = new LocalDiskStorage(mkdtempSync(join(tmpdir(), "symposia-uploads-")));
    for (const [k, bytes] of Object.entries(files)) await local.put(k, bytes);
    return local;
  }
  const keysIn = async (local: LocalDiskStorage) => {
    const found: string[] = [];
    for await (const k of local.keys()) found.push(k);
    return found.sort();
  };

  it("copies every photo, verifies it, and on a second run sends nothing again", async () => {
    const files = { [key("a")]: someBytes(1000, 1), [key("b", "png")]: someBytes(2000, 2), [key("c", "webp")]: someBytes(3000, 3) };
    const local = await localFolder(files);
    // What is not a key is passed over: a half-written file, a stray name.
    await writeFile(join(local.root, "aa", `${key("a")}.123.tmp`), "partial");
    await writeFile(join(local.root, "notes.txt"), "x");
    const target = new S3Storage(s3.settings("moved-photos"));
    try {
      expect(await moveToBucket(local, target)).toEqual({ found: 3, uploaded: 3, present: 0, verified: 3, deleted: 0, failed: 0 });
      for (const [k, bytes] of Object.entries(files)) expect(await bytesOf((await target.get(k))!.body)).toEqual(bytes);
      const png = await s3.client.send(new HeadObjectCommand({ Bucket: "moved-photos", Key: key("b", "png") }));
      expect(png.ContentType).toBe("image/png");
      expect(await keysIn(local)).toEqual(Object.keys(files).sort());

      expect(await moveToBucket(local, target)).toEqual({ found: 3, uploaded: 0, present: 3, verified: 3, deleted: 0, failed: 0 });

      // A broken earlier copy (another size) is replaced; then --delete-local removes the verified files.
      await s3.client.send(new PutObjectCommand({ Bucket: "moved-photos", Key: key("a"), Body: someBytes(10) }));
      expect(await moveToBucket(local, target, { deleteLocal: true })).toEqual({ found: 3, uploaded: 1, present: 2, verified: 3, deleted: 3, failed: 0 });
      expect(await bytesOf((await target.get(key("a")))!.body)).toEqual(files[key("a")]);
      expect(await keysIn(local)).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it("keeps the local files when the bucket cannot take them", async () => {
    const local = await localFolder({ [key("d")]: someBytes(100) });
    const nowhere = new S3Storage(s3.settings("no-such-bucket"));
    const lines: string[] = [];
    try {
      const counts = await moveToBucket(local, nowhere, { deleteLocal: true, log: (line) => lines.push(line) });
      expect(counts).toMatchObject({ found: 1, verified: 0, deleted: 0, failed: 1 });
      expect(lines.join("\n")).toMatch(/bucket/i);
      expect(await keysIn(local)).toEqual([key("d")]);
    } finally {
      await nowhere.close();
    }
  });

  describe("npm run storage:to-s3", () => {
    const run = (args: string[], env: Record<string, string>) =>
      promisify(execFile)(join(ROOT, "node_modules/.bin/tsx"), ["scripts/storage-to-s3.ts", ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, NODE_ENV: "development", NODE_OPTIONS: "", ...env },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );

    it("refuses to run without S3_BUCKET", async () => {
      const result = await run([], { DATA_DIR: mkdtempSync(join(tmpdir(), "symposia-data-")) });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/S3_BUCKET is not set/);
    });

    it("moves DATA_DIR/uploads into the bucket, then removes the local copies with --delete-local", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "symposia-data-"));
      const local = new LocalDiskStorage(join(dataDir, "uploads"));
      await local.put(key("e"), someBytes(500, 5));
      await local.put(key("f"), someBytes(600, 6));
      const env = { DATA_DIR: dataDir, ...s3.env("moved-photos") };

      const first = await run([], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/2 found, 2 uploaded, 0 already there, 2 verified, 0 removed locally, 0 failed/);
      expect(await keysIn(local)).toHaveLength(2);

      const second = await run(["--delete-local"], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/2 found, 0 uploaded, 2 already there, 2 verified, 2 removed locally, 0 failed/);
      expect(await keysIn(local)).toEqual([]);
      const moved = new S3Storage(s3.settings("moved-photos"));
      try {
        expect(await bytesOf((await moved.get(key("f")))!.body)).toEqual(someBytes(600, 6));
      } finally {
        await moved.close();
      }
    });
  });
});
