// Not marked "server-only": the demo seed (scripts/seed.ts, run by tsx outside Next.js) stores its logo
// through it. It reads the disk, so no browser bundle could include it anyway.
import { createReadStream } from "node:fs";
import { mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { env } from "@/lib/env";

/** A stored file as a stream, with what a response needs to describe it. */
export type StoredFile = { body: ReadableStream<Uint8Array>; size: number };

/**
 * Where uploaded files live: the local folder, or an S3-compatible bucket. Keys are content hashes, so
 * a file never changes once written, and writing a key that is already there does nothing.
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the file; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** "<sha256 hex>.<jpg|png|webp>": nothing else is ever a key, so no key can name another path. */
export const STORAGE_KEY = /^[0-9a-f]{64}\.(jpg|png|webp)$/;

const CONTENT_TYPES = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

/** The type a key's extension stands for (keys are only ever made with these three). */
export const contentTypeOf = (key: string) => CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1) as keyof typeof CONTENT_TYPES];

export const isStorageKey = (key: string) => STORAGE_KEY.test(key);

export { mediaUrl } from "@/lib/validations/upload";

function assertKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`Not a storage key: ${JSON.stringify(key).slice(0, 80)}`);
}

/** Files under `${DATA_DIR}/uploads/`, spread over folders by the hash's first two characters. */
export class LocalDiskStorage implements Storage {
  constructor(readonly root: string) {}

  /** The file's path; throws for anything that is not a key. */
  pathOf(key: string): string {
    assertKey(key);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) return;
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    // Written beside the target and renamed, so a reader never sees half a file.
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o644 });
    await rename(temporary, target);
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!isStorageKey(key)) return null;
    const path = this.pathOf(key);
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
    return (await this.size(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  /** The file's size in bytes, or null when it is not there. */
  async size(key: string): Promise<number | null> {
    if (!isStorageKey(key)) return null;
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  /** Every stored key; anything else in the folder (a half-written temporary file) is passed over. */
  async *keys(): AsyncGenerator<string> {
    const folders = await readdir(this.root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const folder of folders) {
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
      for (const file of await readdir(join(this.root, folder.name), { withFileTypes: true })) {
        if (file.isFile() && isStorageKey(file.name) && file.name.startsWith(folder.name)) yield file.name;
      }
    }
  }
}

export type S3Settings = {
  bucket: string;
  region: string;
  /** For a store other than AWS (MinIO, s3rver …); AWS's own endpoint when absent. */
  endpoint?: string;
  /** Without keys the AWS SDK's default credential chain applies (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Addresses objects as endpoint/bucket/key instead of bucket.endpoint/key, as MinIO and s3rver need. */
  forcePathStyle?: boolean;
};

/**
 * Kept with each object for whatever reads the bucket directly (a CDN, a copy): a key's bytes never change.
 * The app's own responses are cached for minutes instead, since whether the public may see a file can.
 */
const OBJECT_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** A missing object: GetObject answers NoSuchKey, HeadObject (which has no body) a bare 404. */
function isMissing(error: unknown): boolean {
  return error instanceof Error && (error.name === "NoSuchKey" || error.name === "NotFound");
}

/**
 * Objects in an S3-compatible bucket, one per key, at the bucket's top level. The SDK is loaded on first
 * use, so a server that keeps its photos on disk never loads it.
 */
export class S3Storage implements Storage {
  private connection?: Promise<{ client: S3Client; sdk: typeof import("@aws-sdk/client-s3") }>;

  constructor(private readonly settings: S3Settings) {}

  private connect() {
    this.connection ??= import("@aws-sdk/client-s3").then((sdk) => {
      const { region, endpoint, credentials, forcePathStyle } = this.settings;
      // The SDK's default integrity checksums stay on: an upload is bytes of a known length, so its
      // checksum travels as a header that S3-compatible servers (s3rver and MinIO included) accept or ignore.
      // Without timeouts a store that stops answering would hold every /media request open for good.
      const requestHandler = { connectionTimeout: 5_000, socketTimeout: 30_000 };
      return { sdk, client: new sdk.S3Client({ region, endpoint, credentials, forcePathStyle, requestHandler }) };
    });
    return this.connection;
  }

  get bucket(): string {
    return this.settings.bucket;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertKey(key);
    if (await this.exists(key)) return;
    const { client, sdk } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType, CacheControl: OBJECT_CACHE_CONTROL }),
    );
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!isStorageKey(key)) return null;
    const { client, sdk } = await this.connect();
    try {
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) return null;
      if (object.ContentLength === undefined) {
        await object.Body.transformToWebStream().cancel();
        throw new Error(`The bucket gave no length for ${key}`);
      }
      return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: object.ContentLength };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    const { client, sdk } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** The object's size in bytes (HeadObject), or null when it is not there. */
  async size(key: string): Promise<number | null> {
    if (!isStorageKey(key)) return null;
    const { client, sdk } = await this.connect();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Closes the client's connections (for commands and tests that end). */
  async close(): Promise<void> {
    if (this.connection) (await this.connection).client.destroy();
  }
}

/** The bucket configured by the S3_* settings, or undefined without S3_BUCKET. */
export function s3Settings(e = env()): S3Settings | undefined {
  if (!e.S3_BUCKET) return undefined;
  return {
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}

/** The local folder under DATA_DIR, where photos live without a bucket (and whence storage:to-s3 moves them). */
export const localDiskStorage = () => new LocalDiskStorage(resolve(env().DATA_DIR, "uploads"));

let instance: Storage | undefined;

/** The configured store: the S3_BUCKET bucket when set, else the local folder. */
export function storage(): Storage {
  if (!instance) {
    const bucket = s3Settings();
    instance = bucket ? new S3Storage(bucket) : localDiskStorage();
  }
  return instance;
}
