import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeOf, LocalDiskStorage, localDiskStorage, storage } from "@/lib/storage";

const key = (c: string, ext = "jpg") => `${c.repeat(64)}.${ext}`;
const folder = () => new LocalDiskStorage(mkdtempSync(join(tmpdir(), "symposia-uploads-")));

describe("the local folder", () => {
  it("is the store without S3_BUCKET", () => {
    expect(storage()).toBeInstanceOf(LocalDiskStorage);
    expect((storage() as LocalDiskStorage).root).toBe(localDiskStorage().root);
  });

  it("stores, reads, lists and deletes files by key", async () => {
    const local = folder();
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    await local.put(key("a"), bytes);
    await local.put(key("b", "webp"), new Uint8Array([9]));
    const file = await local.get(key("a"));
    expect(file!.size).toBe(5);
    expect(new Uint8Array(await new Response(file!.body).arrayBuffer())).toEqual(bytes);
    await writeFile(join(local.root, "aa", `${key("a")}.1.tmp`), "partial");
    const keys: string[] = [];
    for await (const k of local.keys()) keys.push(k);
    expect(keys.sort()).toEqual([key("a"), key("b", "webp")]);

    await local.delete(key("a"));
    expect(await local.exists(key("a"))).toBe(false);
    expect(await local.get(key("a"))).toBeNull();
    await expect(local.delete(key("a"))).resolves.toBeUndefined();
    await expect(local.delete("../../etc/passwd")).rejects.toThrow(/Not a storage key/);
    expect(await local.exists(key("b", "webp"))).toBe(true);
  });

  it("lists nothing when the folder does not exist yet", async () => {
    const keys: string[] = [];
    for await (const k of new LocalDiskStorage(join(tmpdir(), "symposia-no-such-folder", "uploads")).keys()) keys.push(k);
    expect(keys).toEqual([]);
  });

  it("knows each key's type from its extension", () => {
    expect([key("a"), key("a", "png"), key("a", "webp")].map(contentTypeOf)).toEqual(["image/jpeg", "image/png", "image/webp"]);
  });
});
