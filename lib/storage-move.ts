import { readFile } from "node:fs/promises";
import { contentTypeOf, type LocalDiskStorage, type S3Storage } from "@/lib/storage";

export type MoveCounts = {
  /** Files found in the local folder. */
  found: number;
  /** Uploaded now. */
  uploaded: number;
  /** Already in the bucket with the same size (an earlier run, or another server). */
  present: number;
  /** In the bucket afterwards with the local file's size: safe to remove locally. */
  verified: number;
  /** Removed from the local folder (with deleteLocal only, and only once verified). */
  deleted: number;
  /** Could not be uploaded or verified; left in the local folder. */
  failed: number;
};

type Options = { deleteLocal?: boolean; concurrency?: number; log?: (line: string) => void };

/**
 * Copies every photo of the local folder into the bucket, checks each by its size there, and with
 * `deleteLocal` removes the local copies that passed. Keys are content hashes, so a run can be repeated:
 * what is already in the bucket is not sent again. An object found there with another size (a broken
 * earlier copy) is replaced.
 */
export async function moveToBucket(from: LocalDiskStorage, to: S3Storage, options: Options = {}): Promise<MoveCounts> {
  const { deleteLocal = false, concurrency = 8, log = () => {} } = options;
  const counts: MoveCounts = { found: 0, uploaded: 0, present: 0, verified: 0, deleted: 0, failed: 0 };

  async function moveOne(key: string): Promise<void> {
    const localSize = await from.size(key);
    if (localSize === null) return; // Removed meanwhile.
    let remoteSize = await to.size(key);
    if (remoteSize === localSize) {
      counts.present++;
    } else {
      if (remoteSize !== null) await to.delete(key);
      await to.put(key, await readFile(from.pathOf(key)), contentTypeOf(key));
      counts.uploaded++;
      remoteSize = await to.size(key);
    }
    if (remoteSize !== localSize) {
      counts.failed++;
      log(`${key}: ${localSize} bytes here but ${remoteSize ?? "nothing"} in the bucket; kept locally`);
      return;
    }
    counts.verified++;
    if (deleteLocal) {
      await from.delete(key);
      counts.deleted++;
    }
  }

  const keys = from.keys();
  async function worker(): Promise<void> {
    for (let next = await keys.next(); !next.done; next = await keys.next()) {
      counts.found++;
      try {
        await moveOne(next.value);
      } catch (error) {
        counts.failed++;
        log(`${next.value}: ${error instanceof Error ? error.message : String(error)}; kept locally`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return counts;
}
