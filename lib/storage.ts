// Not marked "server-only": the demo seed (scripts/seed.ts, run by tsx outside Next.js) stores its logo
// through it. It reads the disk, so no browser bundle could include it anyway.
import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";

/** A stored file as a stream, with what a response needs to describe it. */
export type StoredFile = { body: ReadableStream<Uint8Array>; size: number };

/**
 * Where uploaded files live. Keys are content hashes, so a file never changes once written: an
 * S3-compatible store can implement the same three calls.
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
}

/** "<sha256 hex>.<jpg|png|webp>": nothing else is ever a key, so no key can name another path. */
export const STORAGE_KEY = /^[0-9a-f]{64}\.(jpg|png|webp)$/;

export const isStorageKey = (key: string) => STORAGE_KEY.test(key);

export { mediaUrl } from "@/lib/validations/upload";

function assertKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`Not a storage key: ${JSON.stringify(key).slice(0, 80)}`);
}

/** Files under `${DATA_DIR}/uploads/`, spread over folders by the hash's first two characters. */
export class LocalDiskStorage implements Storage {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    assertKey(key);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(key);
    if (await this.exists(key)) return;
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    // Written beside the target and renamed, so a reader never sees half a file.
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o644 });
    await rename(temporary, target);
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!isStorageKey(key)) return null;
    const path = this.path(key);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    if (!isStorageKey(key)) return false;
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }
}

let instance: Storage | undefined;

/** The configured store (today always the local disk). */
export function storage(): Storage {
  instance ??= new LocalDiskStorage(resolve(env().DATA_DIR, "uploads"));
  return instance;
}
